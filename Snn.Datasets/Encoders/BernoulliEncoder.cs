using Snn.Core.Validation;

namespace Snn.Datasets.Encoders;

/// <summary>
/// Rate coding on the simulation grid, as NALSM feeds its liquid (Gorsline et al.,
/// neuron-astrocyte LSM): in each of <see cref="Steps"/> steps of <see cref="DtMs"/>, a channel
/// with value x ∈ [0, 1] spikes with probability p = x · <see cref="ProbabilityScale"/>,
/// independently. A spike of step k (from 0) is at k · dt ms, so at most one spike per channel
/// per step; the expected count is p · Steps.
/// </summary>
public sealed class BernoulliEncoder : ISpikeEncoder
{
    /// <summary>Creates the encoder.</summary>
    /// <param name="dtMs">The step (ms, &gt; 0), normally the network's dt.</param>
    /// <param name="steps">The number of steps, at least 1.</param>
    /// <param name="random">The generator key and stream.</param>
    /// <param name="probabilityScale">The spike probability per step for x = 1, in [0, 1].</param>
    public BernoulliEncoder(double dtMs, int steps, RandomSource random, double probabilityScale = 1.0)
    {
        DtMs = Guard.Positive(dtMs, nameof(dtMs));
        Steps = Guard.PositiveCount(steps, nameof(steps));
        ProbabilityScale = Guard.Probability(probabilityScale, nameof(probabilityScale));
        Random = random;
    }

    /// <summary>The step (ms).</summary>
    public double DtMs { get; }

    /// <summary>The number of steps.</summary>
    public int Steps { get; }

    /// <summary>The spike probability per step for x = 1.</summary>
    public double ProbabilityScale { get; }

    /// <summary>The generator key and stream.</summary>
    public RandomSource Random { get; }

    /// <summary>The length of the encoded sample, Steps · dt (ms).</summary>
    public double DurationMs => Steps * DtMs;

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
            double p = values[c] * ProbabilityScale;
            if (p <= 0)
            {
                trains[c] = [];
                continue;
            }
            var rng = Random.For(c, sample);
            buffer.Clear();
            for (int k = 0; k < Steps; k++)
            {
                if (rng.NextDouble() < p)
                {
                    buffer.Add(k * DtMs);
                }
            }
            trains[c] = buffer.ToArray();
        }
        return SpikeTrains.FromSorted(trains, DurationMs);
    }
}
