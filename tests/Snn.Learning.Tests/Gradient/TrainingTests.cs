using Snn.Learning.Gradient;

namespace Snn.Learning.Tests.Gradient;

public class TrainingTests
{
    [Fact]
    public void TinyNetworkLearnsATimingTaskWellAboveChance()
    {
        var (train, test) = TimingData.Create(channels: 5, classes: 3, train: 150, test: 60, durationMs: 200);
        var config = new DelayNetworkConfig { Inputs = 5, Hidden = [16, 16], Classes = 3, MaxDelaySteps = 9, SigmaInit = 4, Dropout = 0.1 };
        var result = DelayTrainer.Train(config, train, test, new TrainingOptions { Epochs = 4, BatchSize = 16, Seed = 1 });
        Assert.True(result.TestAccuracy >= 0.7, $"test accuracy {result.TestAccuracy} (chance 0.33)");
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss);
        Assert.True(result.SamplesPerSecond > 0);
    }

    [Fact]
    public void TrainingIsReproducibleForASeed()
    {
        var (train, test) = TimingData.Create(channels: 4, classes: 2, train: 40, test: 10, durationMs: 100);
        var config = new DelayNetworkConfig { Inputs = 4, Hidden = [6], Classes = 2, MaxDelaySteps = 5, SigmaInit = 2 };
        var options = new TrainingOptions { Epochs = 2, BatchSize = 8, Seed = 4 };
        var first = DelayTrainer.Train(config, train, test, options);
        var second = DelayTrainer.Train(config, train, test, options);
        Assert.Equal(first.Network.GetWeights(0), second.Network.GetWeights(0));
        Assert.Equal(first.Network.GetPositions(1), second.Network.GetPositions(1));
        Assert.Equal(first.History[^1].TrainLoss, second.History[^1].TrainLoss);
    }

    [Fact]
    public void FixedRandomDelaysStayPutDuringTraining()
    {
        var (train, _) = TimingData.Create(channels: 4, classes: 2, train: 32, test: 2, durationMs: 100);
        var config = new DelayNetworkConfig { Inputs = 4, Hidden = [6], Classes = 2, MaxDelaySteps = 5, Delays = DelayMode.FixedRandom };
        var initial = DelayNetwork.Create(config, 3).GetDelays(0);
        var trained = DelayTrainer.Train(config, train, null, new TrainingOptions { Epochs = 2, BatchSize = 8, Seed = 3 });
        Assert.Equal(initial, trained.Network.GetDelays(0));
        Assert.Contains(initial, d => d != initial[0]);
    }

    [Fact]
    public void MismatchedDataIsRejectedNamingTheSet()
    {
        var (train, _) = TimingData.Create(channels: 4, classes: 2, train: 8, test: 2, durationMs: 100);
        var config = new DelayNetworkConfig { Inputs = 5, Hidden = [6], Classes = 2 };
        var error = Assert.Throws<ArgumentException>(() => DelayTrainer.Train(config, train, null, new TrainingOptions()));
        Assert.Equal("train", error.ParamName);
    }

    [Fact]
    public void ConfigRejectsATauOfOneStepOrLess()
    {
        var config = new DelayNetworkConfig { Inputs = 2, Hidden = [3], Classes = 2, TauSteps = 1 };
        var error = Assert.Throws<ArgumentOutOfRangeException>(config.Validate);
        Assert.Equal("TauSteps", error.ParamName);
    }
}
