using Snn.Core.Validation;

namespace Snn.Datasets.Transforms;

/// <summary>Event-camera noise filters.</summary>
public static class Denoise
{
    /// <summary>
    /// A refractory filter: an event is dropped when the same pixel (either polarity) had a kept
    /// event less than <paramref name="refractoryUs"/> earlier (Tonic's <c>RefractoryPeriod</c>).
    /// </summary>
    /// <param name="sample">The events.</param>
    /// <param name="refractoryUs">The refractory period (µs, ≥ 0; 0 keeps everything).</param>
    public static EventSample Refractory(EventSample sample, long refractoryUs)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (refractoryUs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(refractoryUs), refractoryUs, $"refractoryUs = {refractoryUs} must be >= 0.");
        }
        var sensor = sample.Sensor;
        var lastKept = new long[sensor.Width * sensor.Height];
        Array.Fill(lastKept, long.MinValue);
        var events = sample.Events;
        var kept = new List<SpikeEvent>(events.Length);
        for (int i = 0; i < events.Length; i++)
        {
            int pixel = events[i].Y * sensor.Width + events[i].X;
            long t = events[i].TimeUs;
            if (lastKept[pixel] == long.MinValue || t - lastKept[pixel] >= refractoryUs)
            {
                kept.Add(events[i]);
                lastKept[pixel] = t;
            }
        }
        return sample.With([.. kept]);
    }

    /// <summary>
    /// A background-activity filter (Delbruck 2008; Tonic's <c>Denoise</c>): an event is kept only
    /// when one of the 8 neighbouring pixels had an event (kept or not, either polarity) at most
    /// <paramref name="filterTimeUs"/> earlier. Isolated events, typical of sensor noise, are
    /// removed; the pixel's own history does not count.
    /// </summary>
    /// <param name="sample">The events.</param>
    /// <param name="filterTimeUs">The support window (µs, &gt; 0).</param>
    public static EventSample BackgroundActivity(EventSample sample, long filterTimeUs)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (filterTimeUs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(filterTimeUs), filterTimeUs, $"filterTimeUs = {filterTimeUs} must be > 0.");
        }
        var sensor = sample.Sensor;
        int width = sensor.Width, height = sensor.Height;
        var last = new long[width * height];
        Array.Fill(last, long.MinValue);
        var events = sample.Events;
        var kept = new List<SpikeEvent>(events.Length);
        for (int i = 0; i < events.Length; i++)
        {
            int x = events[i].X, y = events[i].Y;
            long t = events[i].TimeUs;
            bool supported = false;
            for (int dy = -1; dy <= 1 && !supported; dy++)
            {
                int ny = y + dy;
                if ((uint)ny >= (uint)height)
                {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx;
                    if ((dx == 0 && dy == 0) || (uint)nx >= (uint)width)
                    {
                        continue;
                    }
                    long previous = last[ny * width + nx];
                    if (previous != long.MinValue && t - previous <= filterTimeUs)
                    {
                        supported = true;
                        break;
                    }
                }
            }
            if (supported)
            {
                kept.Add(events[i]);
            }
            last[y * width + x] = t;
        }
        return sample.With([.. kept]);
    }
}
