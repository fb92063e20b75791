using Snn.Core.Validation;

namespace Snn.Datasets.Encoders;

/// <summary>
/// Time-to-first-spike coding: each channel fires at most once, earlier for larger values, so
/// the spike time is strictly decreasing in the value. Values at or below
/// <see cref="Threshold"/> (and, in <see cref="LatencyMode.Logarithmic"/> mode, values whose
/// time would exceed <see cref="DurationMs"/>) do not fire. Deterministic.
/// </summary>
public sealed class LatencyEncoder : ISpikeEncoder
{
    /// <summary>Creates the encoder.</summary>
    /// <param name="durationMs">The window T (ms, &gt; 0): in linear mode x → (1 − x) · T.</param>
    /// <param name="mode">The mapping from value to time.</param>
    /// <param name="threshold">Values ≤ this do not fire, in [0, 1).</param>
    /// <param name="tauMs">The membrane time constant of the logarithmic mode (ms, &gt; 0).</param>
    public LatencyEncoder(double durationMs, LatencyMode mode = LatencyMode.Linear, double threshold = 0.0, double tauMs = 5.0)
    {
        DurationMs = Guard.Positive(durationMs, nameof(durationMs));
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode = {mode} must be Linear or Logarithmic.");
        }
        Mode = mode;
        Threshold = Guard.InRange(threshold, 0, Math.BitDecrement(1.0), nameof(threshold));
        TauMs = Guard.Positive(tauMs, nameof(tauMs));
    }

    /// <summary>The window (ms).</summary>
    public double DurationMs { get; }

    /// <summary>The mapping from value to time.</summary>
    public LatencyMode Mode { get; }

    /// <summary>Values at or below this do not fire.</summary>
    public double Threshold { get; }

    /// <summary>The membrane time constant of the logarithmic mode (ms).</summary>
    public double TauMs { get; }

    /// <inheritdoc />
    public int OutputChannels(int inputs) => inputs;

    /// <summary>The spike time (ms) of a value, or null when it does not fire.</summary>
    /// <param name="value">A value in [0, 1].</param>
    public double? SpikeTime(double value)
    {
        Guard.InRange(value, 0, 1, nameof(value));
        if (value <= Threshold)
        {
            return null;
        }
        double t = Mode == LatencyMode.Linear
            ? (1.0 - value) * DurationMs
            : TauMs * Math.Log(value / (value - Threshold));
        return t <= DurationMs ? t : null;
    }

    /// <summary>Encodes values in [0, 1] (one channel each, at most one spike each).</summary>
    /// <param name="values">Intensities in [0, 1].</param>
    /// <param name="sample">Unused (the code is deterministic); kept for <see cref="ISpikeEncoder"/>.</param>
    public SpikeTrains Encode(ReadOnlySpan<float> values, int sample = 0)
    {
        EncoderChecks.UnitInterval(values, nameof(values));
        EncoderChecks.Sample(sample);
        var trains = new double[values.Length][];
        for (int c = 0; c < values.Length; c++)
        {
            trains[c] = SpikeTime(values[c]) is double t ? [t] : [];
        }
        return SpikeTrains.FromSorted(trains, DurationMs);
    }
}
