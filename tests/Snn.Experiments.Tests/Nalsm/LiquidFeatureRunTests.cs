using Snn.Experiments.Nalsm;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Tests.Nalsm;

public sealed class LiquidFeatureRunTests : IDisposable
{
    private readonly ResumeFixture _run = new();

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData(ReservoirMode.Astrocyte)]
    [InlineData(ReservoirMode.Stdp)]
    public void ARunStoppedBetweenChunksResumesToTheUninterruptedFeatures(ReservoirMode mode)
    {
        var options = ResumeFixture.Tiny with { Mode = mode };
        var whole = _run.Uninterrupted(options);

        _run.RunUntil(options with { Workers = 2 }, r => r.Phase == "features validation");
        var (resumed, summary, reports) = _run.Finish(options);

        ResumeFixture.AssertSameResponses(whole, resumed);
        ResumeFixture.AssertSameResponses(whole, LiquidFeatureFile.Load(_run.FeaturesPath));
        Assert.False(File.Exists(_run.PartialPath));
        Assert.NotNull(summary);
        Assert.Contains("W_INI saved", summary);
        Assert.Contains("train 6/6 samples (3/3 chunks)", summary);
        Assert.DoesNotContain(reports, r => r.Phase == "initialisation");
        Assert.Equal([new ReservoirProgress("features train", 6, 6)], reports.Where(r => r.Phase == "features train"));
    }

    [Fact]
    public void ARunStoppedAfterTheInitialisationSkipsItAndResumesToTheUninterruptedFeatures()
    {
        var whole = _run.Uninterrupted(ResumeFixture.Tiny);

        _run.RunUntil(ResumeFixture.Tiny, r => r.Phase == "initialisation" && r.Done == r.Total);
        var (resumed, summary, reports) = _run.Finish(ResumeFixture.Tiny);

        ResumeFixture.AssertSameResponses(whole, resumed);
        Assert.Contains("W_INI saved", summary);
        Assert.Contains("train 0/6 samples (0/3 chunks)", summary);
        Assert.DoesNotContain(reports, r => r.Phase == "initialisation");
    }

    [Fact]
    public void ARunStoppedDuringTheInitialisationStartsItOver()
    {
        var options = ResumeFixture.Tiny with { InitializationSamples = 12 };
        var whole = _run.Uninterrupted(options);

        _run.RunUntil(options, r => r.Phase == "initialisation" && r.Done < r.Total);
        var (resumed, summary, reports) = _run.Finish(options);

        ResumeFixture.AssertSameResponses(whole, resumed);
        Assert.Contains("W_INI not saved", summary);
        Assert.Contains(reports, r => r.Phase == "initialisation");
    }

    [Fact]
    public void ALastRecordCutShortByACrashIsDroppedAndItsChunkSimulatedAgain()
    {
        var whole = _run.Uninterrupted(ResumeFixture.Tiny);
        var snapshots = new List<byte[]>();
        _run.RunUntil(ResumeFixture.Tiny, r => r.Phase == "features validation",
            r => snapshots.Add(r.Phase.StartsWith("features", StringComparison.Ordinal) ? File.ReadAllBytes(_run.PartialPath) : []));
        byte[] before = snapshots[^2];
        byte[] after = snapshots[^1];
        File.WriteAllBytes(_run.PartialPath, [.. after.AsSpan(0, before.Length + (after.Length - before.Length) / 2)]);

        var (resumed, summary, _) = _run.Finish(ResumeFixture.Tiny);

        ResumeFixture.AssertSameResponses(whole, resumed);
        Assert.Contains("a last record cut short by a crash was dropped", summary);
        Assert.Contains("validation 0/3 samples", summary);
    }

    [Fact]
    public void APartialFileOfAnotherProtocolIsRefusedNamingTheDifference()
    {
        _run.RunUntil(ResumeFixture.Tiny, r => r.Phase == "features train");
        byte[] saved = File.ReadAllBytes(_run.PartialPath);

        var error = Assert.Throws<InvalidOperationException>(() => _run.Finish(ResumeFixture.Tiny with { Seed = 2 }));

        Assert.Contains("Seed: 1 in the features, 2 in options", error.Message);
        Assert.Contains(_run.PartialPath, error.Message);
        Assert.Equal(saved, File.ReadAllBytes(_run.PartialPath));
    }

    /// <summary>A run that died after writing the feature file but before removing its partial file
    /// (the partial file is put back here, as it was halfway through the run): reading the feature
    /// file removes the partial file and says so.</summary>
    [Fact]
    public void AStalePartialFileOfTheSameProtocolIsRemovedWhenTheFeaturesAreRead()
    {
        _run.RunUntil(ResumeFixture.Tiny, r => r.Phase == "features validation");
        byte[] stale = File.ReadAllBytes(_run.PartialPath);
        var (finished, _, _) = _run.Finish(ResumeFixture.Tiny);
        File.WriteAllBytes(_run.PartialPath, stale);

        var (features, removed) = LiquidFeatureRun.Load(_run.FeaturesPath);

        Assert.True(removed);
        Assert.False(File.Exists(_run.PartialPath));
        ResumeFixture.AssertSameResponses(finished, features);
        Assert.False(LiquidFeatureRun.Load(_run.FeaturesPath).RemovedStalePartial);
    }

    [Fact]
    public void APartialFileOfAnotherProtocolNextToTheFeaturesIsKeptAndRefused()
    {
        var other = ResumeFixture.Tiny with { TrainCount = 4 };
        _run.Finish(ResumeFixture.Tiny);
        LiquidCheckpoint.Open(_run.PartialPath, other, LiquidTopology.Build(other.Liquid)).Dispose();
        byte[] partial = File.ReadAllBytes(_run.PartialPath);

        var error = Assert.Throws<InvalidOperationException>(() => LiquidFeatureRun.Load(_run.FeaturesPath));

        Assert.Contains("TrainCount: 4 in the features, 6 in options", error.Message);
        Assert.Contains(_run.PartialPath, error.Message);
        Assert.Equal(partial, File.ReadAllBytes(_run.PartialPath));
    }

    [Fact]
    public void APartialFileWithADamagedHeaderNextToTheFeaturesIsKeptAndRefused()
    {
        _run.Finish(ResumeFixture.Tiny);
        LiquidCheckpoint.Open(_run.PartialPath, ResumeFixture.Tiny, LiquidTopology.Build(ResumeFixture.Tiny.Liquid)).Dispose();
        byte[] partial = File.ReadAllBytes(_run.PartialPath);
        partial[20] ^= 1;
        File.WriteAllBytes(_run.PartialPath, partial);

        var error = Assert.Throws<InvalidDataException>(() => LiquidFeatureRun.Load(_run.FeaturesPath));

        Assert.Contains($"corrupt at byte {partial.Length - 8}", error.Message);
        Assert.Equal(partial, File.ReadAllBytes(_run.PartialPath));
    }
}
