namespace Snn.Core.Monitors;

/// <summary>Takes a snapshot of all weights of a projection every <see cref="IntervalSteps"/> steps.</summary>
public sealed class WeightMonitor
{
    internal WeightMonitor(int index, Projection projection, int intervalSteps)
    {
        Index = index;
        Projection = projection;
        IntervalSteps = intervalSteps;
    }

    /// <summary>Position in <see cref="Network.WeightMonitors"/>.</summary>
    public int Index { get; }

    /// <summary>The recorded projection.</summary>
    public Projection Projection { get; }

    /// <summary>Snapshot interval (steps).</summary>
    public int IntervalSteps { get; }
}
