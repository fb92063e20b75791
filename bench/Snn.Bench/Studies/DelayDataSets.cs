using Snn.Datasets;
using Snn.Datasets.Formats;
using Snn.Datasets.Synthetic;
using Snn.Datasets.Transforms;
using Snn.Experiments.Delays;
using Snn.Learning.Gradient;

namespace Snn.Bench.Studies;

/// <summary>
/// The data of the learnable-delay studies as <see cref="SpikeTensorSet"/>s: the synthetic
/// temporal-pattern task in 10 ms bins, row-sequential Fashion-MNIST (one row per step, a pixel
/// spikes at intensity ≥ 128) and SHD pooled to 140 channels in 10 ms bins (<see cref="ShdRecipe"/>).
/// </summary>
public static class DelayDataSets
{
    /// <summary>Bin width of the temporal-pattern task (ms).</summary>
    public const double TimingBinMs = 10;

    /// <summary>Steps of a temporal-pattern sample (500 ms in 10 ms bins).</summary>
    public const int TimingSteps = 50;

    /// <summary>The seed of the temporal-pattern task's templates and jitter: the task is fixed, the seeds vary training.</summary>
    public const ulong TimingTaskSeed = 7;

    /// <summary>The temporal-pattern task of the published ablation: 6 channels, 20 classes, 500 ms, jitter 5 ms.</summary>
    public static TemporalPatternTask TimingTask() => new(6, 20, 500, 5, new RandomSource(TimingTaskSeed));

    /// <summary>Samples <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> − 1 of the task, binned.</summary>
    public static SpikeTensorSet Timing(TemporalPatternTask task, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(task);
        var times = new double[count][][];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            var sample = task.Sample(start + i);
            times[i] = sample.Trains.ToArray();
            labels[i] = sample.Label;
        }
        return SpikeTensorSet.FromSpikeTimes(times, labels, task.Classes, TimingBinMs, TimingSteps);
    }

    /// <summary>The first <paramref name="count"/> images of a Fashion-MNIST split, row-sequential.</summary>
    /// <param name="split">Train or test.</param>
    /// <param name="count">Images, ≥ 1.</param>
    /// <param name="directory">The IDX folder; null for Debian's package folder, then the cache.</param>
    /// <exception cref="FileNotFoundException">Fashion-MNIST is not there.</exception>
    public static SpikeTensorSet FashionMnist(DataSplit split, int count, string? directory)
    {
        var pixels = new List<byte[]>(count);
        var labels = new List<int>(count);
        foreach (var image in IdxDataset.FashionMnist(split, directory))
        {
            pixels.Add(image.Pixels);
            labels.Add(image.Label);
            if (pixels.Count == count)
            {
                break;
            }
        }
        return SpikeTensorSet.FromRowSequentialImages([.. pixels], [.. labels], 10, 28, 28, 128);
    }

    /// <summary>
    /// <paramref name="count"/> samples of an SHD file (all when null, else evenly spaced over the
    /// file, so every class appears), 700 channels pooled by <see cref="ShdRecipe.PoolFactor"/>,
    /// binary in <see cref="ShdRecipe.BinMs"/> bins, <see cref="ShdRecipe.Steps"/> steps.
    /// </summary>
    public static SpikeTensorSet Shd(string path, int? count)
    {
        using var file = HeidelbergSpikesFile.Open(path);
        int n = Math.Min(count ?? file.Count, file.Count);
        int width = ShdRecipe.Steps * ShdRecipe.Channels;
        var data = new float[(long)n * width];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            var sample = file.Read((int)((long)i * file.Count / n));
            var tensor = EventBinning.ToStepTensor(ChannelPooling.Apply(sample, ShdRecipe.PoolFactor), ShdRecipe.BinMs, ShdRecipe.Steps);
            tensor.Data.AsSpan().CopyTo(data.AsSpan(i * width, width));
            labels[i] = sample.Label;
        }
        return new SpikeTensorSet(data, labels, ShdRecipe.Steps, ShdRecipe.Channels, ShdRecipe.Classes);
    }
}
