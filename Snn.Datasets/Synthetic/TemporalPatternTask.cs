using Snn.Core.Validation;

namespace Snn.Datasets.Synthetic;

/// <summary>
/// Temporal pattern detection: every class is a template in which each of the
/// <see cref="Channels"/> inputs fires exactly once, at a class-specific time drawn uniformly in
/// [0, <see cref="DurationMs"/>). Classes therefore have identical spike counts on every channel
/// and differ only in timing, so a rate code cannot tell them apart while synaptic delays or
/// precise timing can (cf. the delay-learning tasks of Hammouamri et al. 2023). A sample is its
/// class template with Gaussian jitter of <see cref="JitterMs"/> on every spike (kept inside the
/// window). Sample i has label i mod <see cref="Classes"/>.
/// </summary>
public sealed class TemporalPatternTask
{
    private readonly double[][] _templates;

    /// <summary>Creates the task and draws its class templates.</summary>
    /// <param name="channels">Input channels, at least 1.</param>
    /// <param name="classes">Classes, at least 2.</param>
    /// <param name="durationMs">The pattern window (ms, &gt; 0).</param>
    /// <param name="jitterMs">The per-spike timing jitter of samples (standard deviation, ms, ≥ 0).</param>
    /// <param name="random">The generator key and stream (templates and jitter).</param>
    public TemporalPatternTask(int channels, int classes, double durationMs, double jitterMs, RandomSource random)
    {
        Channels = Guard.PositiveCount(channels, nameof(channels));
        Classes = Guard.InRange(classes, 2, 1 << 16, nameof(classes));
        DurationMs = Guard.Positive(durationMs, nameof(durationMs));
        JitterMs = Guard.NonNegative(jitterMs, nameof(jitterMs));
        Random = random;
        _templates = new double[classes][];
        for (int k = 0; k < classes; k++)
        {
            var template = new double[channels];
            for (int c = 0; c < channels; c++)
            {
                template[c] = random.For(c, k).NextDouble() * durationMs;
            }
            _templates[k] = template;
        }
    }

    /// <summary>Input channels.</summary>
    public int Channels { get; }

    /// <summary>Classes.</summary>
    public int Classes { get; }

    /// <summary>The pattern window (ms).</summary>
    public double DurationMs { get; }

    /// <summary>The per-spike timing jitter of samples (ms).</summary>
    public double JitterMs { get; }

    /// <summary>The generator key and stream.</summary>
    public RandomSource Random { get; }

    /// <summary>The spike time (ms) of each channel in class <paramref name="label"/>'s template.</summary>
    /// <param name="label">The class, in [0, Classes).</param>
    public ReadOnlySpan<double> Template(int label)
    {
        Guard.InRange(label, 0, Classes - 1, nameof(label));
        return _templates[label];
    }

    /// <summary>Sample <paramref name="index"/>: its class template with jitter.</summary>
    /// <param name="index">The sample index, ≥ 0.</param>
    public SpikeTrainSample Sample(int index)
    {
        Guard.InRange(index, 0, int.MaxValue, nameof(index));
        int label = index % Classes;
        var template = _templates[label];
        var trains = new double[Channels][];
        for (int c = 0; c < Channels; c++)
        {
            double t = template[c];
            if (JitterMs > 0)
            {
                t = Math.Clamp(t + Random.For(Channels + c, index).NextNormal() * JitterMs, 0, DurationMs);
            }
            trains[c] = [t];
        }
        return new SpikeTrainSample(SpikeTrains.FromSorted(trains, DurationMs), label);
    }

    /// <summary>Samples 0 … count − 1 (classes balanced).</summary>
    /// <param name="count">How many, at least 1.</param>
    public SpikeTrainSample[] Generate(int count)
    {
        Guard.PositiveCount(count, nameof(count));
        var samples = new SpikeTrainSample[count];
        for (int i = 0; i < count; i++)
        {
            samples[i] = Sample(i);
        }
        return samples;
    }
}
