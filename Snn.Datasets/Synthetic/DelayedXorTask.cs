using Snn.Core.Validation;

namespace Snn.Datasets.Synthetic;

/// <summary>
/// Delayed XOR: a first bit a is shown at time 0 and a second bit b at <see cref="DelayMs"/>;
/// the label is a XOR b, so the network must hold a for the delay. Each bit value has its own
/// group of <see cref="ChannelsPerGroup"/> channels (channel groups A=0, A=1, B=0, B=1 in that
/// order), and every channel of the shown group fires once, with Gaussian jitter of
/// <see cref="JitterMs"/>. The sample lasts <see cref="DelayMs"/> + <see cref="ResponseWindowMs"/>.
/// Sample i shows a = i &amp; 1 and b = (i &gt;&gt; 1) &amp; 1, so every four samples cover the truth table.
/// </summary>
public sealed class DelayedXorTask
{
    /// <summary>Creates the task.</summary>
    /// <param name="delayMs">The time between the two bits (ms, &gt; 0).</param>
    /// <param name="channelsPerGroup">Channels per bit value, at least 1.</param>
    /// <param name="jitterMs">Spike timing jitter (standard deviation, ms, ≥ 0).</param>
    /// <param name="responseWindowMs">Time after the second bit (ms, &gt; 0).</param>
    /// <param name="random">The generator key and stream.</param>
    public DelayedXorTask(double delayMs, int channelsPerGroup, double jitterMs, double responseWindowMs, RandomSource random)
    {
        DelayMs = Guard.Positive(delayMs, nameof(delayMs));
        ChannelsPerGroup = Guard.PositiveCount(channelsPerGroup, nameof(channelsPerGroup));
        JitterMs = Guard.NonNegative(jitterMs, nameof(jitterMs));
        ResponseWindowMs = Guard.Positive(responseWindowMs, nameof(responseWindowMs));
        Random = random;
    }

    /// <summary>The time between the two bits (ms).</summary>
    public double DelayMs { get; }

    /// <summary>Channels per bit value.</summary>
    public int ChannelsPerGroup { get; }

    /// <summary>Spike timing jitter (ms).</summary>
    public double JitterMs { get; }

    /// <summary>Time after the second bit (ms).</summary>
    public double ResponseWindowMs { get; }

    /// <summary>The generator key and stream.</summary>
    public RandomSource Random { get; }

    /// <summary>Input channels: 4 · ChannelsPerGroup.</summary>
    public int Channels => 4 * ChannelsPerGroup;

    /// <summary>The length of a sample (ms).</summary>
    public double DurationMs => DelayMs + ResponseWindowMs;

    /// <summary>Sample <paramref name="index"/>; its label is a XOR b.</summary>
    /// <param name="index">The sample index, ≥ 0.</param>
    public SpikeTrainSample Sample(int index)
    {
        Guard.InRange(index, 0, int.MaxValue, nameof(index));
        int a = index & 1, b = (index >> 1) & 1;
        var trains = new double[Channels][];
        for (int c = 0; c < trains.Length; c++)
        {
            trains[c] = [];
        }
        Fill(trains, a * ChannelsPerGroup, 0.0, index);
        Fill(trains, (2 + b) * ChannelsPerGroup, DelayMs, index);
        return new SpikeTrainSample(SpikeTrains.FromSorted(trains, DurationMs), a ^ b);
    }

    /// <summary>Samples 0 … count − 1.</summary>
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

    private void Fill(double[][] trains, int first, double centreMs, int index)
    {
        for (int c = first; c < first + ChannelsPerGroup; c++)
        {
            double t = centreMs;
            if (JitterMs > 0)
            {
                t = Math.Clamp(t + Random.For(c, index).NextNormal() * JitterMs, 0, DurationMs);
            }
            trains[c] = [t];
        }
    }
}
