using Snn.Backends.Cpu;
using Snn.Core.Randomness;
using Snn.Experiments.Nalsm;
using Snn.Learning.Readout;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Tests.Nalsm;

/// <summary>A tiny protocol with several chunks per split (the branching factor measured over the
/// first one and a half chunks), its data and a feature file path, for the resume tests.</summary>
internal sealed class ResumeFixture : IDisposable
{
    public static readonly NalsmOptions Tiny = new()
    {
        Liquid = LiquidOptions.Liquid100 with { InputCount = 16 }, InitializationSamples = 6, InitializationMs = 20, PresentationMs = 60, BranchingMarginMs = 5,
        ChunkSamples = 2, Workers = 1, BranchingSamples = 3, TrainCount = 6, ValidationCount = 3, TestCount = 3, Softmax = new SoftmaxOptions { Epochs = 5 },
    };

    public string FeaturesPath { get; } = Path.Combine(Path.GetTempPath(), $"snn-resume-{Guid.NewGuid():N}.bin");

    public string PartialPath => LiquidFeatureRun.PartialPath(FeaturesPath);

    public LabelledImages Train { get; } = Images(9, 1);

    public LabelledImages Test { get; } = Images(3, 2);

    public static CpuBackend Backend() => new(new CpuBackendOptions { Threads = 1 });

    public LiquidFeatures Uninterrupted(NalsmOptions options) => NalsmExperiment.Simulate(options, Backend(), Train, Test);

    /// <summary>Runs into <see cref="FeaturesPath"/> and cancels once <paramref name="stop"/> holds for a progress report.</summary>
    public void RunUntil(NalsmOptions options, Func<ReservoirProgress, bool> stop, Action<ReservoirProgress>? onReport = null)
    {
        using var cancel = new CancellationTokenSource();
        var progress = new Reports(report =>
        {
            onReport?.Invoke(report);
            if (stop(report))
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => LiquidFeatureRun.Simulate(options, Backend(), Train, Test, FeaturesPath, null, progress, cancel.Token));
        Assert.True(File.Exists(PartialPath));
        Assert.False(File.Exists(FeaturesPath));
    }

    /// <summary>Runs to the end into <see cref="FeaturesPath"/>; returns the resume summary (null when nothing was resumed) and the progress reports.</summary>
    public (LiquidFeatures Features, string? Summary, List<ReservoirProgress> Reports) Finish(NalsmOptions options)
    {
        string? summary = null;
        var reports = new List<ReservoirProgress>();
        var features = LiquidFeatureRun.Simulate(options, Backend(), Train, Test, FeaturesPath, s => summary = s, new Reports(reports.Add));
        return (features, summary, reports);
    }

    public static void AssertSameResponses(LiquidFeatures expected, LiquidFeatures actual)
    {
        Assert.Equal(expected.Protocol, actual.Protocol);
        Assert.Equal(expected.TrainCounts, actual.TrainCounts);
        Assert.Equal(expected.TrainLabels, actual.TrainLabels);
        Assert.Equal(expected.ValidationCounts, actual.ValidationCounts);
        Assert.Equal(expected.ValidationLabels, actual.ValidationLabels);
        Assert.Equal(expected.TestCounts, actual.TestCounts);
        Assert.Equal(expected.TestLabels, actual.TestLabels);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Measurements.BranchingFactor), BitConverter.DoubleToInt64Bits(actual.Measurements.BranchingFactor));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Measurements.MeanRateHz), BitConverter.DoubleToInt64Bits(actual.Measurements.MeanRateHz));
        Assert.Equal(expected.Measurements.LiquidSynapses, actual.Measurements.LiquidSynapses);
        Assert.Equal(expected.Measurements.InputSynapses, actual.Measurements.InputSynapses);
    }

    public void Dispose()
    {
        File.Delete(FeaturesPath);
        File.Delete(PartialPath);
    }

    /// <summary>Random 16-pixel images labelled 0, 1, 2, … from stream <paramref name="stream"/>.</summary>
    public static LabelledImages Images(int count, uint stream)
    {
        var rng = new CounterRng(5, stream, 0);
        var images = new float[count][];
        var labels = new int[count];
        for (int s = 0; s < count; s++)
        {
            images[s] = [.. Enumerable.Range(0, 16).Select(_ => (float)rng.NextDouble())];
            labels[s] = s % 3;
        }
        return new LabelledImages(images, labels);
    }

    /// <summary>Passes every report on synchronously (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class Reports(Action<ReservoirProgress> report) : IProgress<ReservoirProgress>
    {
        public void Report(ReservoirProgress value) => report(value);
    }
}
