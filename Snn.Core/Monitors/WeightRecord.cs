namespace Snn.Core.Monitors;

/// <summary>Weight snapshots: <c>Snapshots[s]</c> holds every weight of the projection (in the order
/// of <see cref="Projection.Instantiate"/>) at <c>Times[s]</c> (ms).</summary>
/// <param name="Times">Snapshot times (ms).</param>
/// <param name="Snapshots">The weights at each time.</param>
public sealed record WeightRecord(double[] Times, float[][] Snapshots)
{
    /// <summary>A histogram of snapshot <paramref name="snapshot"/> over [min, max) in
    /// <paramref name="bins"/> equal bins; values at max count in the last bin.</summary>
    public int[] Histogram(int snapshot, int bins, double min, double max)
    {
        Validation.Guard.PositiveCount(bins, nameof(bins));
        if (!(max > min))
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"max = {max} must exceed min = {min}.");
        }
        var counts = new int[bins];
        foreach (float w in Snapshots[snapshot])
        {
            int bin = (int)Math.Floor((w - min) / (max - min) * bins);
            if (w == max)
            {
                bin = bins - 1;
            }
            if (bin >= 0 && bin < bins)
            {
                counts[bin]++;
            }
        }
        return counts;
    }

    /// <summary>Mean weight of each snapshot.</summary>
    public double[] Means() => Snapshots.Select(s => s.Length == 0 ? 0 : s.Average(w => (double)w)).ToArray();
}
