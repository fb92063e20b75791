using Snn.Core.Validation;

namespace Snn.Datasets;

/// <summary>
/// Spike times in ms, one ascending train per channel, measured from the start of a sample
/// (times ≥ 0). This is what the encoders and synthetic tasks produce. Snn's convention is that
/// a spike at time t is emitted by the step that ends at t, so an input spike must be at least
/// dt: <see cref="ToSourceTimes"/> shifts every train by one step to give the array that
/// <c>Network.AddSpikeSource(name, timesMs)</c> takes.
/// </summary>
public sealed class SpikeTrains
{
    private readonly double[][] _times;

    /// <summary>Creates spike trains from per-channel times.</summary>
    /// <param name="timesMs">One array of spike times (ms, finite, ≥ 0) per channel; each is copied and sorted.</param>
    /// <param name="durationMs">The length of the sample (ms, ≥ every spike time).</param>
    public SpikeTrains(double[][] timesMs, double durationMs)
    {
        ArgumentNullException.ThrowIfNull(timesMs);
        Guard.NonNegative(durationMs, nameof(durationMs));
        _times = new double[timesMs.Length][];
        for (int c = 0; c < timesMs.Length; c++)
        {
            var train = timesMs[c] ?? throw new ArgumentNullException(nameof(timesMs), $"timesMs[{c}] is null.");
            for (int k = 0; k < train.Length; k++)
            {
                if (!double.IsFinite(train[k]) || train[k] < 0 || train[k] > durationMs)
                {
                    throw new ArgumentOutOfRangeException(nameof(timesMs), train[k], $"timesMs[{c}][{k}] = {train[k]} must be in [0, durationMs = {durationMs}] ms.");
                }
            }
            var copy = (double[])train.Clone();
            Array.Sort(copy);
            _times[c] = copy;
        }
        DurationMs = durationMs;
    }

    private SpikeTrains(double durationMs, double[][] sortedTimes)
    {
        _times = sortedTimes;
        DurationMs = durationMs;
    }

    /// <summary>The number of channels (input neurons).</summary>
    public int Channels => _times.Length;

    /// <summary>The length of the sample (ms).</summary>
    public double DurationMs { get; }

    /// <summary>The spike times (ms) of channel <paramref name="channel"/>, ascending.</summary>
    /// <param name="channel">The channel, in [0, Channels).</param>
    public ReadOnlySpan<double> TimesOf(int channel)
    {
        Guard.InRange(channel, 0, _times.Length - 1, nameof(channel));
        return _times[channel];
    }

    /// <summary>The total number of spikes over all channels.</summary>
    public int Count
    {
        get
        {
            int count = 0;
            for (int c = 0; c < _times.Length; c++)
            {
                count += _times[c].Length;
            }
            return count;
        }
    }

    /// <summary>
    /// The trains as <c>Network.AddSpikeSource</c> takes them: each time plus
    /// <paramref name="dtMs"/>, so a spike at sample time 0 is emitted by the first step.
    /// </summary>
    /// <param name="dtMs">The network's time step (ms, &gt; 0).</param>
    public double[][] ToSourceTimes(double dtMs)
    {
        Guard.Positive(dtMs, nameof(dtMs));
        var result = new double[_times.Length][];
        for (int c = 0; c < _times.Length; c++)
        {
            var train = _times[c];
            var shifted = new double[train.Length];
            for (int k = 0; k < train.Length; k++)
            {
                shifted[k] = train[k] + dtMs;
            }
            result[c] = shifted;
        }
        return result;
    }

    /// <summary>A copy of the per-channel times (ms, from the sample start).</summary>
    public double[][] ToArray()
    {
        var result = new double[_times.Length][];
        for (int c = 0; c < _times.Length; c++)
        {
            result[c] = (double[])_times[c].Clone();
        }
        return result;
    }

    /// <summary>
    /// Groups address events into one train per flat channel of <paramref name="sensor"/>,
    /// times converted from µs to ms. The duration is the last event's time.
    /// </summary>
    /// <param name="events">Events in time order, each on the sensor.</param>
    /// <param name="sensor">The sensor geometry that numbers the channels.</param>
    public static SpikeTrains FromEvents(ReadOnlySpan<SpikeEvent> events, SensorSize sensor)
    {
        int channels = sensor.Channels;
        var counts = new int[channels];
        long end = 0;
        for (int i = 0; i < events.Length; i++)
        {
            if (events[i].TimeUs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(events), events[i].TimeUs, $"events[{i}].TimeUs = {events[i].TimeUs} µs must be >= 0.");
            }
            counts[sensor.ChannelOf(events[i])]++;
            end = Math.Max(end, events[i].TimeUs);
        }
        var times = new double[channels][];
        for (int c = 0; c < channels; c++)
        {
            times[c] = counts[c] == 0 ? [] : new double[counts[c]];
        }
        Array.Clear(counts);
        for (int i = 0; i < events.Length; i++)
        {
            int c = sensor.ChannelOf(events[i]);
            times[c][counts[c]++] = events[i].TimeUs / 1000.0;
        }
        for (int c = 0; c < channels; c++)
        {
            Array.Sort(times[c]);
        }
        return new SpikeTrains(end / 1000.0, times);
    }

    /// <summary>Wraps arrays the caller guarantees are sorted, finite and within [0, duration].</summary>
    internal static SpikeTrains FromSorted(double[][] sortedTimes, double durationMs) => new(durationMs, sortedTimes);
}
