using Snn.Core.Monitors;

namespace Snn.Backends.Engine;

/// <summary>Weight snapshots of one monitor; rows for a run are allocated before it.</summary>
internal sealed class WeightMonitorBuffer(WeightMonitor monitor, int synapses)
{
    public WeightMonitor Monitor { get; } = monitor;

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
