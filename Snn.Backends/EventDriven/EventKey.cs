namespace Snn.Backends.EventDriven;

/// <summary>
/// The total order of the event queue: time (ms), then <see cref="EventKind"/>, then global
/// neuron index, then the order of scheduling. Every field is deterministic, so equal-time
/// events are processed in the same order on every run (deterministic tie-breaking).
/// </summary>
/// <param name="Time">Event time (ms).</param>
/// <param name="Kind">Event kind (rank within a time).</param>
/// <param name="Neuron">Global neuron index.</param>
/// <param name="Sequence">Scheduling order.</param>
internal readonly record struct EventKey(double Time, EventKind Kind, int Neuron, long Sequence) : IComparable<EventKey>
{
    public int CompareTo(EventKey other)
    {
        int c = Time.CompareTo(other.Time);
        if (c != 0)
        {
            return c;
        }
        c = Kind.CompareTo(other.Kind);
        if (c != 0)
        {
            return c;
        }
        c = Neuron.CompareTo(other.Neuron);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }
}
