using Snn.Core.Validation;

namespace Snn.Datasets.Encoders;

/// <summary>
/// Rate coding with a homogeneous Poisson process per channel: a value x ∈ [0, 1] fires at
/// rate r = x · <see cref="MaxRateHz"/> during [0, <see cref="DurationMs"/>), with exponential
/// inter-spike intervals −ln(U) / r drawn from Snn's counter-based generator (continuous times,
/// not tied to a time step). The expected count is r · T; its variance equals its mean.
/// </summary>
public sealed class PoissonEncoder : ISpikeEncoder
{
    /// <summary>Creates the encoder.</summary>
    /// <param name="maxRateHz">The rate for x = 1 (Hz, ≥ 0, at most 10 000).</param>
    /// <param name="durationMs">The length of the encoded sample (ms, &gt; 0).</param>
    /// <param name="random">The generator key and stream.</param>
    public PoissonEncoder(double maxRateHz, double durationMs, RandomSource random)
    {
        MaxRateHz = Guard.InRange(maxRateHz, 0, 10_000, nameof(maxRateHz));
        DurationMs = Guard.Positive(durationMs, nameof(durationMs));
        Random = random;
    }

    /// <summary>The rate for x = 1 (Hz).</summary>
    public double MaxRateHz { get; }

    /// <summary>The length of the encoded sample (ms).</summary>
    public double DurationMs { get; }

    /// <summary>The generator key and stream.</summary>
    public RandomSource Random { get; }

    /// <inheritdoc />
    public int OutputChannels(int inputs) => inputs;

    /// <summary>Encodes values in [0, 1] (one channel each).</summary>
    /// <param name="values">Intensities in [0, 1].</param>
    /// <param name="sample">The sample index, ≥ 0.</param>
    public SpikeTrains Encode(ReadOnlySpan<float> values, int sample = 0)
    {
        EncoderChecks.UnitInterval(values, nameof(values));
        EncoderChecks.Sample(sample);
        var trains = new double[values.Length][];
        var buffer = new List<double>();
        for (int c = 0; c < values.Length; c++)
        {
            double ratePerMs = values[c] * MaxRateHz / 1000.0;
            if (ratePerMs <= 0)
            {
                trains[c] = [];
                continue;
            }
            var rng = Random.For(c, sample);
            buffer.Clear();
            double t = -Math.Log(rng.NextDoubleNonZero()) / ratePerMs;
            while (t < DurationMs)
            {
                buffer.Add(t);
                t += -Math.Log(rng.NextDoubleNonZero()) / ratePerMs;
            }
            trains[c] = buffer.ToArray();
        }
        return SpikeTrains.FromSorted(trains, DurationMs);
    }
}
