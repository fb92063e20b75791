using Snn.Learning.Readout;

namespace Snn.Learning.Tests.Reservoir;

public class SoftmaxOptimizerTests
{
    private static readonly float[][] OneSample = [[1f]];

    [Fact]
    public void AdadeltaFirstStepIsTheLearningRateTimesRootEpsilonOverRootMeanSquareGradient()
    {
        var options = new SoftmaxOptions { Optimizer = SoftmaxOptimizer.Adadelta, LearningRate = 0.1, Rho = 0.95, Epsilon = 1e-8, L2 = 0, Epochs = 1, BatchSize = 1 };

        var readout = SoftmaxReadout.Train(OneSample, [0], 2, options);

        // Zero weights: p = (1/2, 1/2), so the gradient of class 0 is p - 1 = -1/2 and of class 1 +1/2.
        double meanSquare = (1 - 0.95) * 0.25;
        double step = 0.1 * Math.Sqrt(1e-8) / Math.Sqrt(meanSquare + 1e-8) * 0.5;
        Assert.Equal(step, readout.Weights[0][0], 1e-9);
        Assert.Equal(-step, readout.Weights[1][0], 1e-9);
        Assert.Equal(step, readout.Biases[0], 1e-9);
    }

    [Fact]
    public void AdamFirstStepIsTheStepSizeInTheGradientsDirection()
    {
        var options = new SoftmaxOptions { LearningRate = 0.01, L2 = 0, Epochs = 1, BatchSize = 1 };

        var readout = SoftmaxReadout.Train(OneSample, [0], 2, options);

        // Bias-corrected m/√v = g/|g| on the first step.
        Assert.Equal(0.01, readout.Weights[0][0], 1e-6);
        Assert.Equal(-0.01, readout.Weights[1][0], 1e-6);
    }

    /// <summary>With no information in the features only the biases learn; toward softmax(one-hot)
    /// targets the cross-entropy is smallest when softmax(b) equals the target, i.e. when the true
    /// class's bias is exactly 1 above the others, while one-hot targets push the gap without bound.</summary>
    [Fact]
    public void SmoothedTargetsStopTheTrueClassOneLogitAboveTheOthers()
    {
        float[][] silent = [.. Enumerable.Range(0, 10).Select(_ => new float[] { 0f })];
        int[] labels = new int[10];
        var options = new SoftmaxOptions { LearningRate = 0.05, Epochs = 3000, BatchSize = 10, L2 = 0 };

        var smoothed = SoftmaxReadout.Train(silent, labels, 3, options with { SmoothedTargets = true });
        var oneHot = SoftmaxReadout.Train(silent, labels, 3, options);

        Assert.Equal(1.0, smoothed.Biases[0] - smoothed.Biases[1], 0.01);
        Assert.Equal(smoothed.Biases[1], smoothed.Biases[2], 1e-4);
        Assert.True(oneHot.Biases[0] - oneHot.Biases[1] > 5, $"one-hot gap {oneHot.Biases[0] - oneHot.Biases[1]}");
    }

    [Fact]
    public void WithoutShufflingTheSeedDoesNotMatter()
    {
        float[][] x = [[1f, 0f], [0f, 1f], [1f, 1f], [0.2f, 0.9f], [0.8f, 0.1f], [0.5f, 0.4f]];
        int[] y = [0, 1, 0, 1, 0, 1];
        var options = new SoftmaxOptions { Epochs = 3, BatchSize = 2, LearningRate = 0.1 };

        float[] Weights(bool shuffle, ulong seed) => SoftmaxReadout.Train(x, y, 2, options with { Shuffle = shuffle, Seed = seed }).Weights[0];

        Assert.Equal(Weights(false, 1), Weights(false, 2));
        Assert.NotEqual(Weights(true, 1), Weights(true, 2));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void RhoOutsideZeroToOneIsRefusedByName(double rho)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxOptions { Rho = rho }.Validate());

        Assert.Equal("Rho", error.ParamName);
    }
}
