using Snn.Learning.Gradient;

namespace Snn.Learning.Tests.Gradient;

public class ScheduleTests
{
    [Fact]
    public void SigmaDecaysExponentiallyToItsFinalValueOverTheFirstQuarter()
    {
        Assert.Equal(12, Schedules.Sigma(12, 0.23, 0.25, 0), 12);
        Assert.Equal(Math.Sqrt(12 * 0.23), Schedules.Sigma(12, 0.23, 0.25, 0.125), 12);
        Assert.Equal(0.23, Schedules.Sigma(12, 0.23, 0.25, 0.25), 12);
        Assert.Equal(0.23, Schedules.Sigma(12, 0.23, 0.25, 0.9), 12);
        Assert.True(Schedules.Sigma(12, 0.23, 0.25, 0.1) > Schedules.Sigma(12, 0.23, 0.25, 0.2));
    }

    [Fact]
    public void OneCycleWarmsUpToThePeakThenAnnealsBelowTheStart()
    {
        Assert.Equal(5e-3 / 25, Schedules.LearningRate(LearningRateSchedule.OneCycle, 5e-3, 0), 12);
        Assert.Equal(5e-3, Schedules.LearningRate(LearningRateSchedule.OneCycle, 5e-3, Schedules.OneCycleWarmupFraction), 12);
        Assert.Equal(5e-3 / 25 / 1e4, Schedules.LearningRate(LearningRateSchedule.OneCycle, 5e-3, 1), 15);
    }

    [Fact]
    public void CosineFallsFromTheRateToZero()
    {
        Assert.Equal(0.1, Schedules.LearningRate(LearningRateSchedule.Cosine, 0.1, 0), 12);
        Assert.Equal(0.05, Schedules.LearningRate(LearningRateSchedule.Cosine, 0.1, 0.5), 12);
        Assert.Equal(0, Schedules.LearningRate(LearningRateSchedule.Cosine, 0.1, 1), 12);
    }

    [Fact]
    public void ScheduleRejectsProgressOutsideTheRun()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.Sigma(12, 0.23, 0.25, 1.5));
        Assert.Equal("progress", error.ParamName);
        Assert.Contains("1.5", error.Message);
    }

    [Fact]
    public void LearnedDelayTrainingEndsWithTheFinalSigma()
    {
        var (train, _) = TimingData.Create(channels: 4, classes: 2, train: 16, test: 2, durationMs: 100);
        var config = new DelayNetworkConfig { Inputs = 4, Hidden = [4], Classes = 2, MaxDelaySteps = 5, SigmaInit = 2, Dropout = 0 };
        var result = DelayTrainer.Train(config, train, null, new TrainingOptions { Epochs = 8, BatchSize = 8 });
        Assert.True(result.History[0].Sigma > 0.23);
        Assert.Equal(0.23, result.History[^1].Sigma, 5);
    }
}
