using Snn.Core.Randomness;
using Snn.Learning.Readout;

namespace Snn.Learning.Tests.Reservoir;

public class ReadoutTests
{
    /// <summary>Three well separated clusters in 5 dimensions (centres one unit apart along different axes, spread 0.1).</summary>
    private static (float[][] X, int[] Y) Clusters(int count, uint stream)
    {
        var rng = new CounterRng(7, stream, 0);
        var x = new float[count][];
        var y = new int[count];
        for (int s = 0; s < count; s++)
        {
            int c = s % 3;
            var row = new float[5];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = (float)(0.1 * rng.NextNormal() + (i == c ? 1 : 0));
            }
            x[s] = row;
            y[s] = c;
        }
        return (x, y);
    }

    [Fact]
    public void SoftmaxReadoutSeparatesSeparableClustersAndKeepsTheBestValidationEpoch()
    {
        var (x, y) = Clusters(300, 1);
        var (xv, yv) = Clusters(90, 2);
        var readout = SoftmaxReadout.Train(x, y, 3, new SoftmaxOptions { Epochs = 20, LearningRate = 0.05 }, xv, yv);
        Assert.Equal(1.0, readout.Accuracy(x, y));
        Assert.Equal(1.0, readout.Accuracy(xv, yv));
        Assert.Equal(20, readout.ValidationAccuracies.Count);
        Assert.Equal(readout.ValidationAccuracies.Max(), readout.ValidationAccuracies[readout.BestEpoch - 1]);
    }

    [Fact]
    public void RidgeReadoutSeparatesSeparableClusters()
    {
        var (x, y) = Clusters(300, 1);
        var (xt, yt) = Clusters(90, 3);
        var readout = RidgeReadout.Fit(x, y, 3, 1e-3);
        Assert.Equal(1.0, readout.Accuracy(x, y));
        Assert.Equal(1.0, readout.Accuracy(xt, yt));
    }

    [Fact]
    public void RidgeWithoutPenaltyIsLeastSquaresOnOneHotTargets()
    {
        float[][] x = [[0f], [1f], [2f], [3f]];
        int[] y = [0, 0, 1, 1];
        var readout = RidgeReadout.Fit(x, y, 2, 0);
        Assert.Equal(0.4, readout.Weights[1][0], 5);
        Assert.Equal(-0.1, readout.Biases[1], 5);
        Assert.Equal(-0.4, readout.Weights[0][0], 5);
        Assert.Equal(1.1, readout.Biases[0], 5);
    }

    [Fact]
    public void FeaturesAreL1NormalisedThenScaledByTheBatchMaximum()
    {
        var features = FeatureScaling.L1Normalize([[1, 3, 0], [0, 0, 0], [2, 2, 4]]);
        Assert.Equal([0.25f, 0.75f, 0f], features[0]);
        Assert.Equal([0f, 0f, 0f], features[1]);
        Assert.Equal(0.75f, FeatureScaling.Maximum(features));
        FeatureScaling.Scale(features, 0.75f);
        Assert.Equal(1f, features[0][1]);
        Assert.Equal(2f / 3f, features[2][2], 6);
    }

    [Fact]
    public void StandardisationUsesTheReferenceMeanAndPopulationDeviation()
    {
        float[][] train = [[1, 10], [3, 10], [5, 10]];
        float[][] test = [[7, 4]];
        var shared = train[0];

        FeatureScaling.Standardize(train, train, test, [shared]);

        // mean (3, 10), population sd (√(8/3), 0): a constant feature becomes 0 everywhere; the row given twice changes once.
        float sd = (float)Math.Sqrt(8.0 / 3);
        Assert.Equal(-2 / sd, train[0][0], 6);
        Assert.Equal(0f, train[1][0]);
        Assert.Equal(2 / sd, train[2][0], 6);
        Assert.Equal(4 / sd, test[0][0], 6);
        Assert.All(train.Append(test[0]), row => Assert.Equal(0f, row[1]));
        Assert.Equal("batches", Assert.ThrowsAny<ArgumentException>(() => FeatureScaling.Standardize(train, [[1f]])).ParamName);
        Assert.Equal("reference", Assert.ThrowsAny<ArgumentException>(() => FeatureScaling.Standardize([], train)).ParamName);
    }

    [Fact]
    public void ReadoutsRejectLabelsOutsideTheClasses()
    {
        float[][] x = [[0f], [1f]];
        Assert.Equal("labels", Assert.ThrowsAny<ArgumentException>(() => RidgeReadout.Fit(x, [0, 2], 2, 1)).ParamName);
        Assert.Equal("labels", Assert.ThrowsAny<ArgumentException>(() => SoftmaxReadout.Train(x, [0, -1], 2, new SoftmaxOptions())).ParamName);
        Assert.Equal("Epochs", Assert.ThrowsAny<ArgumentException>(() => SoftmaxReadout.Train(x, [0, 1], 2, new SoftmaxOptions { Epochs = 0 })).ParamName);
    }
}
