namespace Snn.Core.Inputs;

/// <summary>A piecewise-constant current: from <c>timesMs[k]</c> on the amplitude is
/// <c>amplitudesPa[k]</c>, zero before the first time (NEST's <c>step_current_generator</c>).</summary>
public sealed class StepCurrent : CurrentSource
{
    private readonly double[] _times;
    private readonly double[] _amplitudes;

    /// <summary>Creates the source.</summary>
    /// <param name="timesMs">Strictly increasing change times (ms), ≥ 0.</param>
    /// <param name="amplitudesPa">Amplitudes (pA), one per time, finite.</param>
    public StepCurrent(double[] timesMs, double[] amplitudesPa)
    {
        ArgumentNullException.ThrowIfNull(timesMs);
        ArgumentNullException.ThrowIfNull(amplitudesPa);
        if (timesMs.Length != amplitudesPa.Length)
        {
            throw new ArgumentException($"timesMs has {timesMs.Length} entries and amplitudesPa {amplitudesPa.Length}; they must match.", nameof(amplitudesPa));
        }
        Validation.Guard.AllFinite(amplitudesPa, nameof(amplitudesPa));
        for (int k = 0; k < timesMs.Length; k++)
        {
            if (!double.IsFinite(timesMs[k]) || timesMs[k] < 0 || (k > 0 && timesMs[k] <= timesMs[k - 1]))
            {
                throw new ArgumentOutOfRangeException(nameof(timesMs), timesMs[k], $"timesMs[{k}] = {timesMs[k]} must be finite, >= 0 and above the previous time.");
            }
        }
        _times = (double[])timesMs.Clone();
        _amplitudes = (double[])amplitudesPa.Clone();
    }

    /// <inheritdoc />
    public override PreparedCurrent Prepare(double dt)
    {
        var steps = new long[_times.Length];
        var amplitudes = new float[_times.Length];
        for (int k = 0; k < _times.Length; k++)
        {
            steps[k] = (long)Math.Round(_times[k] / dt);
            amplitudes[k] = (float)_amplitudes[k];
            if (k > 0 && steps[k] <= steps[k - 1])
            {
                throw new ArgumentOutOfRangeException("timesMs", _times[k], $"timesMs[{k}] = {_times[k]} falls in the same step of dt = {dt} ms as the previous time.");
            }
        }
        return new PreparedCurrent(steps, amplitudes);
    }
}
