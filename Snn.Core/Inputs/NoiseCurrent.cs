using Snn.Core.Validation;

namespace Snn.Core.Inputs;

/// <summary>Gaussian white-noise current, a new independent value per neuron and step
/// (NEST's <c>noise_generator</c> with dt equal to the resolution; the thalamic input of
/// Izhikevich 2003).</summary>
public sealed class NoiseCurrent : CurrentSource
{
    /// <summary>Creates the source.</summary>
    /// <param name="meanPa">Mean (pA), finite.</param>
    /// <param name="sdPa">Standard deviation (pA), ≥ 0.</param>
    /// <param name="startMs">Switch-on time (ms), ≥ 0.</param>
    /// <param name="stopMs">Switch-off time (ms), ≥ start.</param>
    public NoiseCurrent(double meanPa, double sdPa, double startMs = 0, double stopMs = double.PositiveInfinity)
    {
        MeanPa = Guard.Finite(meanPa, nameof(meanPa));
        SdPa = Guard.NonNegative(sdPa, nameof(sdPa));
        StartMs = Guard.NonNegative(startMs, nameof(startMs));
        if (double.IsNaN(stopMs) || stopMs < startMs)
        {
            throw new ArgumentOutOfRangeException(nameof(stopMs), stopMs, $"stopMs = {stopMs} must be >= startMs = {startMs}.");
        }
        StopMs = stopMs;
    }

    /// <summary>Mean (pA).</summary>
    public double MeanPa { get; }

    /// <summary>Standard deviation (pA).</summary>
    public double SdPa { get; }

    /// <summary>Switch-on time (ms).</summary>
    public double StartMs { get; }

    /// <summary>Switch-off time (ms).</summary>
    public double StopMs { get; }

    /// <inheritdoc />
    public override PreparedCurrent Prepare(double dt)
    {
        long start = (long)Math.Round(StartMs / dt);
        long stop = double.IsPositiveInfinity(StopMs) ? long.MaxValue : (long)Math.Round(StopMs / dt);
        long[] changes = stop == long.MaxValue ? [start] : [start, stop];
        float[] means = stop == long.MaxValue ? [(float)MeanPa] : [(float)MeanPa, 0f];
        return new PreparedCurrent(changes, means, (float)SdPa, start, stop);
    }
}
