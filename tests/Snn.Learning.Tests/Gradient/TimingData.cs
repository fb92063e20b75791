using Snn.Datasets;
using Snn.Datasets.Synthetic;
using Snn.Learning.Gradient;

namespace Snn.Learning.Tests.Gradient;

/// <summary>Binned samples of Snn.Datasets' temporal-pattern task (classes differ only in timing).</summary>
internal static class TimingData
{
    public static (SpikeTensorSet Train, SpikeTensorSet Test) Create(int channels, int classes, int train, int test, double durationMs = 300, double binMs = 10)
    {
        var task = new TemporalPatternTask(channels, classes, durationMs, jitterMs: 3, new RandomSource(7));
        int steps = (int)Math.Ceiling(durationMs / binMs);
        return (Bin(task, 0, train, binMs, steps), Bin(task, train, test, binMs, steps));
    }

    private static SpikeTensorSet Bin(TemporalPatternTask task, int start, int count, double binMs, int steps)
    {
        var times = new double[count][][];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            var sample = task.Sample(start + i);
            times[i] = sample.Trains.ToArray();
            labels[i] = sample.Label;
        }
        return SpikeTensorSet.FromSpikeTimes(times, labels, task.Classes, binMs, steps);
    }
}
