using Snn.Experiments.Nalsm;
using Snn.Learning.Readout;

namespace Snn.Experiments.Tests.Nalsm;

public sealed class NalsmExperimentTests : IDisposable
{
    private static readonly NalsmOptions Tiny = ResumeFixture.Tiny with { ChunkSamples = 3 };

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"snn-nalsm-{Guid.NewGuid():N}.bin");

    public void Dispose()
    {
        File.Delete(_path);
    }

    [Fact]
    public void ReadoutsFromSavedFeaturesEqualTheWholeRun()
    {
        var train = ResumeFixture.Images(9, 1);
        var test = ResumeFixture.Images(3, 2);

        var whole = NalsmExperiment.Run(Tiny, ResumeFixture.Backend(), train, test);
        LiquidFeatureFile.Save(NalsmExperiment.Simulate(Tiny, ResumeFixture.Backend(), train, test), _path);
        var fromFile = NalsmExperiment.Evaluate(LiquidFeatureFile.Load(_path), Tiny);

        Assert.Equal(whole.TestAccuracy, fromFile.TestAccuracy);
        Assert.Equal(whole.ValidationAccuracy, fromFile.ValidationAccuracy);
        Assert.Equal(whole.BestEpoch, fromFile.BestEpoch);
        Assert.Equal(whole.RidgeTestAccuracy, fromFile.RidgeTestAccuracy);
        Assert.Equal(whole.Liquid.BranchingFactor, fromFile.Liquid.BranchingFactor);
        Assert.Equal(whole.Liquid.MeanRateHz, fromFile.Liquid.MeanRateHz);
    }

    [Fact]
    public void FeaturesCarryTheLabelsOfTheirSplits()
    {
        var train = ResumeFixture.Images(9, 1);
        var test = ResumeFixture.Images(3, 2);

        var features = NalsmExperiment.Simulate(Tiny, ResumeFixture.Backend(), train, test);

        Assert.Equal(train.Labels[..6], features.TrainLabels);
        Assert.Equal(train.Labels[6..], features.ValidationLabels);
        Assert.Equal(test.Labels, features.TestLabels);
        Assert.Equal(100, features.Neurons);
    }

    [Fact]
    public void OnlyTheReadoutSettingsMayDifferFromTheSimulatedProtocol()
    {
        var features = NalsmExperiment.Simulate(Tiny, ResumeFixture.Backend(), ResumeFixture.Images(9, 1), ResumeFixture.Images(3, 2));

        var otherReadout = NalsmExperiment.Evaluate(features, Tiny with { Softmax = SoftmaxOptions.Paper with { Epochs = 3 }, RidgePenalty = null, Workers = 2 });
        var error = Assert.Throws<ArgumentException>(() => NalsmExperiment.Evaluate(features, Tiny with { Seed = 2 }));

        Assert.Null(otherReadout.RidgeTestAccuracy);
        Assert.Equal("features", error.ParamName);
        Assert.Contains("Seed: 1 in the features, 2 in options", error.Message);
        Assert.Contains("only the readout settings may differ", error.Message);
    }

    [Fact]
    public void TheProtocolKeyLeavesOutTheReadoutSoThatNewReadoutDefaultsKeepOldFilesValid()
    {
        string key = NalsmProtocol.Key(Tiny);

        Assert.DoesNotContain("LearningRate", key);
        Assert.DoesNotContain(nameof(NalsmOptions.RidgePenalty), key);
        Assert.DoesNotContain(nameof(NalsmOptions.Workers), key);
        Assert.Equal(key, NalsmProtocol.Key(Tiny with { Softmax = new SoftmaxOptions { LearningRate = 0.5 }, Workers = 7 }));
        Assert.NotEqual(key, NalsmProtocol.Key(Tiny with { AstrocyteWeight = 0.1 }));
    }
}
