namespace Snn.Datasets;

/// <summary>Stable time ordering of events.</summary>
internal static class EventOrder
{
    /// <summary>Sorts events by time in place, keeping the original order among equal times; a no-op when already sorted.</summary>
    public static void SortStable(SpikeEvent[] events)
    {
        bool sorted = true;
        for (int i = 1; i < events.Length && sorted; i++)
        {
            sorted = events[i].TimeUs >= events[i - 1].TimeUs;
        }
        if (sorted)
        {
            return;
        }
        var keys = new (long Time, int Index)[events.Length];
        for (int k = 0; k < keys.Length; k++)
        {
            keys[k] = (events[k].TimeUs, k);
        }
        var copy = (SpikeEvent[])events.Clone();
        Array.Sort(keys, copy);
        copy.CopyTo(events, 0);
    }
}
