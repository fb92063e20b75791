using Snn.Core.Validation;

namespace Snn.Datasets.Transforms;

/// <summary>Spatial and temporal cropping of event streams.</summary>
public static class Crop
{
    /// <summary>
    /// Keeps the events inside the rectangle [x0, x0 + width) × [y0, y0 + height), shifted so the
    /// rectangle's corner becomes (0, 0), on a sensor of width × height.
    /// </summary>
    /// <param name="sample">The events.</param>
    /// <param name="x0">The left column, in [0, sensor width).</param>
    /// <param name="y0">The top row, in [0, sensor height).</param>
    /// <param name="width">The crop width, in [1, sensor width − x0].</param>
    /// <param name="height">The crop height, in [1, sensor height − y0].</param>
    public static EventSample Spatial(EventSample sample, int x0, int y0, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var sensor = sample.Sensor;
        Guard.InRange(x0, 0, sensor.Width - 1, nameof(x0));
        Guard.InRange(y0, 0, sensor.Height - 1, nameof(y0));
        Guard.InRange(width, 1, sensor.Width - x0, nameof(width));
        Guard.InRange(height, 1, sensor.Height - y0, nameof(height));
        var events = sample.Events;
        var kept = new List<SpikeEvent>(events.Length);
        for (int i = 0; i < events.Length; i++)
        {
            int x = events[i].X - x0, y = events[i].Y - y0;
            if ((uint)x < (uint)width && (uint)y < (uint)height)
            {
                kept.Add(events[i] with { X = x, Y = y });
            }
        }
        return sample.With([.. kept], new SensorSize(width, height, sensor.Polarities));
    }

    /// <summary>Keeps the events with start ≤ t &lt; end, times shifted so <paramref name="startUs"/> becomes 0.</summary>
    /// <param name="sample">The events.</param>
    /// <param name="startUs">The window start (µs, ≥ 0).</param>
    /// <param name="endUs">The window end (µs, &gt; start).</param>
    public static EventSample Time(EventSample sample, long startUs, long endUs)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (startUs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startUs), startUs, $"startUs = {startUs} must be >= 0.");
        }
        if (endUs <= startUs)
        {
            throw new ArgumentOutOfRangeException(nameof(endUs), endUs, $"endUs = {endUs} must be > startUs = {startUs}.");
        }
        var events = sample.Events;
        var kept = new List<SpikeEvent>();
        for (int i = 0; i < events.Length; i++)
        {
            long t = events[i].TimeUs;
            if (t >= startUs && t < endUs)
            {
                kept.Add(events[i] with { TimeUs = t - startUs });
            }
        }
        return sample.With([.. kept]);
    }
}
