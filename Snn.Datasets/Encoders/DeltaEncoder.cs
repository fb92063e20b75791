using Snn.Core.Validation;

namespace Snn.Datasets.Encoders;

/// <summary>
/// Send-on-delta coding of analog time series (Miskowicz 2006; the ON/OFF scheme of event
/// cameras and silicon cochleas). Each signal keeps a reference, initially its first sample;
/// at sample k ≥ 1, if x[k] − ref ≥ <see cref="ThresholdUp"/> the ON channel (2·i) fires and
/// ref = x[k]; if ref − x[k] ≥ <see cref="ThresholdDown"/> the OFF channel (2·i + 1) fires and
/// ref = x[k]. The spike is at k · <see cref="SampleIntervalMs"/> ms. One spike per sample at
/// most: a jump of several thresholds is one event, and the reference follows the signal.
/// </summary>
public sealed class DeltaEncoder
{
    /// <summary>Creates the encoder.</summary>
    /// <param name="thresholdUp">The rise that fires the ON channel (signal units, &gt; 0).</param>
    /// <param name="sampleIntervalMs">The time between samples (ms, &gt; 0).</param>
    /// <param name="thresholdDown">The fall that fires the OFF channel (&gt; 0); equal to <paramref name="thresholdUp"/> when null.</param>
    public DeltaEncoder(double thresholdUp, double sampleIntervalMs, double? thresholdDown = null)
    {
        ThresholdUp = Guard.Positive(thresholdUp, nameof(thresholdUp));
        SampleIntervalMs = Guard.Positive(sampleIntervalMs, nameof(sampleIntervalMs));
        ThresholdDown = Guard.Positive(thresholdDown ?? thresholdUp, nameof(thresholdDown));
    }

    /// <summary>The rise that fires the ON channel (signal units).</summary>
    public double ThresholdUp { get; }

    /// <summary>The fall that fires the OFF channel (signal units).</summary>
    public double ThresholdDown { get; }

    /// <summary>The time between samples (ms).</summary>
    public double SampleIntervalMs { get; }

    /// <summary>Encodes signals of equal length into 2 · signals channels (ON = 2·i, OFF = 2·i + 1).</summary>
    /// <param name="signals">One array of finite samples per signal, all of the same length ≥ 1.</param>
    public SpikeTrains Encode(float[][] signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        int length = -1;
        for (int i = 0; i < signals.Length; i++)
        {
            var signal = signals[i] ?? throw new ArgumentNullException(nameof(signals), $"signals[{i}] is null.");
            if (length >= 0 && signal.Length != length)
            {
                throw new ArgumentException($"signals[{i}].Length = {signal.Length} must equal signals[0].Length = {length}.", nameof(signals));
            }
            length = signal.Length;
            if (length == 0)
            {
                throw new ArgumentException($"signals[{i}] must have at least one sample.", nameof(signals));
            }
            for (int k = 0; k < signal.Length; k++)
            {
                if (!float.IsFinite(signal[k]))
                {
                    throw new ArgumentOutOfRangeException(nameof(signals), signal[k], $"signals[{i}][{k}] = {signal[k]} must be finite.");
                }
            }
        }
        double duration = Math.Max(0, length - 1) * SampleIntervalMs;
        var trains = new double[2 * signals.Length][];
        var on = new List<double>();
        var off = new List<double>();
        for (int i = 0; i < signals.Length; i++)
        {
            var signal = signals[i];
            on.Clear();
            off.Clear();
            double reference = signal[0];
            for (int k = 1; k < signal.Length; k++)
            {
                double x = signal[k];
                if (x - reference >= ThresholdUp)
                {
                    on.Add(k * SampleIntervalMs);
                    reference = x;
                }
                else if (reference - x >= ThresholdDown)
                {
                    off.Add(k * SampleIntervalMs);
                    reference = x;
                }
            }
            trains[2 * i] = on.ToArray();
            trains[2 * i + 1] = off.ToArray();
        }
        return SpikeTrains.FromSorted(trains, duration);
    }
}
