using Snn.Core.Monitors;

namespace Snn.Backends.Engine;

/// <summary>Weight snapshots of one monitor; rows for a run are allocated before it.</summary>
internal sealed class WeightMonitorBuffer(WeightMonitor monitor, int synapses)
{
    public WeightMonitor Monitor { get; } = monitor;

    /// <summary>Synapses of the monitored projection (the width of a row).</summary>
    public int SynapseCount => synapses;

    public List<float[]> Rows { get; } = [];

    public void PrepareUntil(long lastStep)
    {
        long samples = (lastStep + 1) / Monitor.IntervalSteps;
        while (Rows.Count < samples)
        {
            Rows.Add(new float[synapses]);
        }
    }

    /// <summary>The row to fill after <paramref name="step"/>, or null when it is not a sampling step.</summary>
    public float[]? RowAfter(long step)
    {
        long time = step + 1;
        return time % Monitor.IntervalSteps == 0 ? Rows[(int)(time / Monitor.IntervalSteps - 1)] : null;
    }

    /// <summary>The buffer of <paramref name="monitor"/> among <paramref name="buffers"/>; throws
    /// <see cref="ArgumentException"/> when it belongs to another network.</summary>
    public static WeightMonitorBuffer Of(IEnumerable<WeightMonitorBuffer> buffers, WeightMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        return buffers.FirstOrDefault(m => m.Monitor == monitor)
            ?? throw new ArgumentException("The weight monitor belongs to another network.", nameof(monitor));
    }

    public WeightRecord ToRecord(double dt)
    {
        var times = new double[Rows.Count];
        for (int s = 0; s < times.Length; s++)
        {
            times[s] = (s + 1) * Monitor.IntervalSteps * dt;
        }
        return new WeightRecord(times, [.. Rows.Select(r => (float[])r.Clone())]);
    }
}
