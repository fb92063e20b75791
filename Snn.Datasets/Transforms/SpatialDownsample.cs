using Snn.Core.Validation;

namespace Snn.Datasets.Transforms;

/// <summary>
/// Spatial downsampling of an event stream: pixel (x, y) maps to (⌊x / fx⌋, ⌊y / fy⌋) on a
/// sensor of ⌈W / fx⌉ × ⌈H / fy⌉. Every event is kept (coincident events are not merged), so
/// a downsampled pixel's rate is the sum of its source pixels' rates.
/// </summary>
public static class SpatialDownsample
{
    /// <summary>Downsamples by integer factors.</summary>
    /// <param name="sample">The events.</param>
    /// <param name="factorX">The horizontal factor, in [1, width].</param>
    /// <param name="factorY">The vertical factor, in [1, height].</param>
    public static EventSample Apply(EventSample sample, int factorX, int factorY)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var sensor = sample.Sensor;
        Guard.InRange(factorX, 1, sensor.Width, nameof(factorX));
        Guard.InRange(factorY, 1, sensor.Height, nameof(factorY));
        var target = new SensorSize((sensor.Width + factorX - 1) / factorX, (sensor.Height + factorY - 1) / factorY, sensor.Polarities);
        var events = sample.Events;
        var result = new SpikeEvent[events.Length];
        for (int i = 0; i < events.Length; i++)
        {
            result[i] = events[i] with { X = events[i].X / factorX, Y = events[i].Y / factorY };
        }
        return sample.With(result, target);
    }
}
