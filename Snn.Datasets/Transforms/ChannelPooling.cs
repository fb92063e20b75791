using Snn.Core.Validation;

namespace Snn.Datasets.Transforms;

/// <summary>
/// Pools neighbouring channels of a one-dimensional source: channel c maps to ⌊c / factor⌋,
/// as is common for SHD (700 cochlea channels pooled by 5 into 140). Every event is kept.
/// </summary>
public static class ChannelPooling
{
    /// <summary>Pools channels by an integer factor.</summary>
    /// <param name="sample">Events of a one-dimensional sensor (height 1, one polarity).</param>
    /// <param name="factor">Channels per pooled channel, in [1, width].</param>
    public static EventSample Apply(EventSample sample, int factor)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var sensor = sample.Sensor;
        if (sensor.Height != 1 || sensor.Polarities != 1)
        {
            throw new ArgumentException($"sample.Sensor = {sensor} must be one-dimensional (height 1, one polarity); use SpatialDownsample for images.", nameof(sample));
        }
        Guard.InRange(factor, 1, sensor.Width, nameof(factor));
        var events = sample.Events;
        var result = new SpikeEvent[events.Length];
        for (int i = 0; i < events.Length; i++)
        {
            result[i] = events[i] with { X = events[i].X / factor };
        }
        return sample.With(result, new SensorSize((sensor.Width + factor - 1) / factor, 1, 1));
    }
}
