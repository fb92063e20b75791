using Snn.Core.Validation;

namespace Snn.Datasets.Transforms;

/// <summary>
/// Turns event streams and spike trains into dense tensors: event-count frames (Tonic's
/// <c>ToFrame</c> by time window) and per-step binary spike tensors for step-based training.
/// An event at time t belongs to bin ⌊t / bin width⌋; bins cover [0, bins · width), and events
/// at or after the last bin's end lie outside the tensor.
/// </summary>
public static class EventBinning
{
    /// <summary>Event counts per time bin, polarity and pixel: shape [bins, polarities, height, width].</summary>
    /// <param name="sample">The events.</param>
    /// <param name="binUs">The bin width (µs, &gt; 0).</param>
    /// <param name="bins">The number of bins (≥ 1); when null, enough to hold the last event.</param>
    public static DenseTensor ToFrames(EventSample sample, double binUs, int? bins = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Guard.Positive(binUs, nameof(binUs));
        int count = bins is int b ? Guard.PositiveCount(b, nameof(bins)) : BinsFor(sample.EndTimeUs, binUs);
        var sensor = sample.Sensor;
        var frames = new DenseTensor(count, sensor.Polarities, sensor.Height, sensor.Width);
        var data = frames.Data;
        int perBin = sensor.Channels;
        var events = sample.Events;
        for (int i = 0; i < events.Length; i++)
        {
            long bin = (long)Math.Floor(events[i].TimeUs / binUs);
            if (bin >= 0 && bin < count)
            {
                data[bin * perBin + sensor.ChannelOf(events[i])] += 1f;
            }
        }
        return frames;
    }

    /// <summary>
    /// A binary spike tensor [steps, channels]: 1 where a channel has at least one event in the
    /// step [k · dt, (k + 1) · dt).
    /// </summary>
    /// <param name="sample">The events (channels numbered by <see cref="SensorSize.ChannelOf"/>).</param>
    /// <param name="dtMs">The step (ms, &gt; 0).</param>
    /// <param name="steps">The number of steps (≥ 1); when null, enough to hold the last event.</param>
    public static DenseTensor ToStepTensor(EventSample sample, double dtMs, int? steps = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Guard.Positive(dtMs, nameof(dtMs));
        double dtUs = dtMs * 1000.0;
        int count = steps is int s ? Guard.PositiveCount(s, nameof(steps)) : BinsFor(sample.EndTimeUs, dtUs);
        int channels = sample.Sensor.Channels;
        var tensor = new DenseTensor(count, channels);
        var data = tensor.Data;
        var events = sample.Events;
        for (int i = 0; i < events.Length; i++)
        {
            long step = (long)Math.Floor(events[i].TimeUs / dtUs);
            if (step >= 0 && step < count)
            {
                data[step * channels + sample.Sensor.ChannelOf(events[i])] = 1f;
            }
        }
        return tensor;
    }

    /// <summary>A binary spike tensor [steps, channels] from spike trains (ms): 1 where a channel spikes in [k · dt, (k + 1) · dt).</summary>
    /// <param name="trains">The spike trains.</param>
    /// <param name="dtMs">The step (ms, &gt; 0).</param>
    /// <param name="steps">The number of steps (≥ 1); when null, enough to cover the trains' duration.</param>
    public static DenseTensor ToStepTensor(SpikeTrains trains, double dtMs, int? steps = null)
    {
        ArgumentNullException.ThrowIfNull(trains);
        Guard.Positive(dtMs, nameof(dtMs));
        if (trains.Channels == 0)
        {
            throw new ArgumentException("trains must have at least one channel.", nameof(trains));
        }
        int count = steps is int s ? Guard.PositiveCount(s, nameof(steps)) : Math.Max(1, (int)Math.Ceiling(trains.DurationMs / dtMs));
        int channels = trains.Channels;
        var tensor = new DenseTensor(count, channels);
        var data = tensor.Data;
        for (int c = 0; c < channels; c++)
        {
            var times = trains.TimesOf(c);
            for (int k = 0; k < times.Length; k++)
            {
                long step = (long)Math.Floor(times[k] / dtMs);
                if (step >= 0 && step < count)
                {
                    data[step * channels + c] = 1f;
                }
            }
        }
        return tensor;
    }

    private static int BinsFor(long endUs, double widthUs)
    {
        double bins = Math.Floor(endUs / widthUs) + 1;
        if (bins > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(widthUs), widthUs, $"bin width {widthUs} µs gives {bins} bins for a {endUs} µs sample; use a wider bin or pass the count.");
        }
        return (int)bins;
    }
}
