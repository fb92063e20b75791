using Snn.Core.Validation;

namespace Snn.Datasets;

/// <summary>
/// A labelled recording of address events, as the event readers return it. Events are in
/// non-decreasing time order (µs).
/// </summary>
public sealed class EventSample
{
    /// <summary>Creates a sample.</summary>
    /// <param name="events">The events, in non-decreasing <see cref="SpikeEvent.TimeUs"/> order, each on the sensor.</param>
    /// <param name="sensor">The sensor geometry.</param>
    /// <param name="label">The class label, from 0.</param>
    /// <param name="source">Where the sample came from (a file name), for messages.</param>
    public EventSample(SpikeEvent[] events, SensorSize sensor, int label, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        Guard.InRange(label, 0, int.MaxValue, nameof(label));
        for (int i = 0; i < events.Length; i++)
        {
            if (!sensor.Contains(events[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(events), events[i], $"events[{i}] at (x = {events[i].X}, y = {events[i].Y}) must lie on the {sensor} sensor.");
            }
            if (i > 0 && events[i].TimeUs < events[i - 1].TimeUs)
            {
                throw new ArgumentException($"events[{i}].TimeUs = {events[i].TimeUs} µs must be >= events[{i - 1}].TimeUs = {events[i - 1].TimeUs} µs (events must be in time order).", nameof(events));
            }
        }
        Events = events;
        Sensor = sensor;
        Label = label;
        Source = source;
    }

    /// <summary>The events in time order.</summary>
    public SpikeEvent[] Events { get; }

    /// <summary>The sensor geometry.</summary>
    public SensorSize Sensor { get; }

    /// <summary>The class label, from 0.</summary>
    public int Label { get; }

    /// <summary>Where the sample came from (a file name), if known.</summary>
    public string? Source { get; }

    /// <summary>The time of the last event (µs), or 0 for an empty sample.</summary>
    public long EndTimeUs => Events.Length == 0 ? 0 : Events[^1].TimeUs;

    /// <summary>A copy with other events (and optionally another sensor), keeping label and source.</summary>
    /// <param name="events">The new events, in time order.</param>
    /// <param name="sensor">The new sensor geometry; the current one when null.</param>
    public EventSample With(SpikeEvent[] events, SensorSize? sensor = null) => new(events, sensor ?? Sensor, Label, Source);

    /// <summary>
    /// The events as one spike train per flat channel (<see cref="SensorSize.ChannelOf"/>),
    /// times in ms (TimeUs / 1000). Pass the result's <see cref="SpikeTrains.ToSourceTimes"/>
    /// to <c>Network.AddSpikeSource</c>.
    /// </summary>
    public SpikeTrains ToSpikeTrains() => SpikeTrains.FromEvents(Events, Sensor);
}
