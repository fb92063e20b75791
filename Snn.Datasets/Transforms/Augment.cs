using Snn.Core.Validation;

namespace Snn.Datasets.Transforms;

/// <summary>
/// Random augmentations of event streams, drawn from Snn's counter-based generator so that the
/// same (random source, sample index) always gives the same result.
/// </summary>
public static class Augment
{
    /// <summary>
    /// Adds independent Gaussian noise of standard deviation <paramref name="stdUs"/> to every
    /// event time (rounded to whole µs); times pushed below 0 become 0, and the events are
    /// re-sorted by time (stably).
    /// </summary>
    /// <param name="sample">The events.</param>
    /// <param name="stdUs">The jitter standard deviation (µs, ≥ 0).</param>
    /// <param name="random">The generator key and stream.</param>
    /// <param name="sampleIndex">The sample index, ≥ 0 (one sequence per sample).</param>
    public static EventSample TimeJitter(EventSample sample, double stdUs, RandomSource random, int sampleIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Guard.NonNegative(stdUs, nameof(stdUs));
        var rng = random.For(0, sampleIndex);
        var events = sample.Events;
        var result = new SpikeEvent[events.Length];
        for (int i = 0; i < events.Length; i++)
        {
            long t = events[i].TimeUs + (long)Math.Round(rng.NextNormal() * stdUs);
            result[i] = events[i] with { TimeUs = Math.Max(0, t) };
        }
        EventOrder.SortStable(result);
        return sample.With(result);
    }

    /// <summary>
    /// Silences whole channels: each flat channel (<see cref="SensorSize.ChannelOf"/>) is dropped
    /// with probability <paramref name="probability"/>, with all its events.
    /// </summary>
    /// <param name="sample">The events.</param>
    /// <param name="probability">The drop probability per channel, in [0, 1].</param>
    /// <param name="random">The generator key and stream.</param>
    /// <param name="sampleIndex">The sample index, ≥ 0 (one draw per channel and sample).</param>
    public static EventSample DropChannels(EventSample sample, double probability, RandomSource random, int sampleIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Guard.Probability(probability, nameof(probability));
        Guard.InRange(sampleIndex, 0, int.MaxValue, nameof(sampleIndex));
        var sensor = sample.Sensor;
        var dropped = new bool[sensor.Channels];
        for (int c = 0; c < dropped.Length; c++)
        {
            dropped[c] = random.For(c, sampleIndex).NextDouble() < probability;
        }
        var events = sample.Events;
        var kept = new List<SpikeEvent>(events.Length);
        for (int i = 0; i < events.Length; i++)
        {
            if (!dropped[sensor.ChannelOf(events[i])])
            {
                kept.Add(events[i]);
            }
        }
        return sample.With([.. kept]);
    }
}
