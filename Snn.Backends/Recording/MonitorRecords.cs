using Snn.Core.Monitors;
using Snn.Core.Validation;

namespace Snn.Backends.Recording;

/// <summary>Turns the spikes an engine recorded into the records of the monitors, the same way for
/// every engine.</summary>
internal static class MonitorRecords
{
    /// <summary>Which neurons of its population <paramref name="monitor"/> records.</summary>
    public static bool[] Mask(NeuronMonitor monitor)
    {
        var wanted = new bool[monitor.Population.Size];
        foreach (int neuron in monitor.Neurons)
        {
            wanted[neuron] = true;
        }
        return wanted;
    }

    /// <summary>The time <paramref name="sinceMs"/> (validated, ≥ 0) in whole steps.</summary>
    public static long SinceStep(double sinceMs, double dt)
    {
        Guard.NonNegative(sinceMs, nameof(sinceMs));
        return (long)Math.Round(sinceMs / dt);
    }

    /// <summary>Frees the spikes of <paramref name="log"/> at or before <paramref name="untilMs"/> (finite, ≥ 0).</summary>
    public static void Discard(SpikeLog log, double untilMs, double dt)
        => log.RemoveUpTo(SinceStep(Guard.Finite(untilMs, nameof(untilMs)), dt));

    /// <summary>The record of a spike monitor from its spikes later than step <paramref name="since"/>.</summary>
    public static SpikeRecord Spikes(SpikeMonitor monitor, long[] times, int[] neurons, double dt, long since, double timeMs)
        => new(times, neurons, dt, monitor.Neurons.Count, monitor.Population.Size, Math.Max(0, timeMs - since * dt));

    /// <summary>The per-step spike counts of a rate monitor over the first <paramref name="steps"/> steps.</summary>
    public static RateRecord Rate(RateMonitor monitor, IEnumerable<long> times, long steps, double dt)
    {
        var counts = new int[steps];
        foreach (long time in times)
        {
            counts[time - 1]++;
        }
        return new RateRecord(counts, dt, monitor.Population.Size);
    }
}
