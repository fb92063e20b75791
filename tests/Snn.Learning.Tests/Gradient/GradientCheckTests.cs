using Snn.Learning.Gradient;

namespace Snn.Learning.Tests.Gradient;

public class GradientCheckTests
{
    private const float Epsilon = 1e-3f;

    /// <summary>The resolution of a float32 loss (~10⁻⁷) divided by 2ε/2: the finite differences' noise floor.</summary>
    private const double FloatNoise = 5e-4;

    [Theory]
    [InlineData(DelayMode.Learned)]
    [InlineData(DelayMode.FixedRandom)]
    [InlineData(DelayMode.None)]
    public void ReadoutWeightGradientMatchesFiniteDifferences(DelayMode mode)
    {
        var fixture = new GradientFixture(mode);
        var readout = fixture.Network.Layers[^1];
        AssertGradientsMatch(fixture, readout.Weights, readout.WeightGrad);
    }

    [Theory]
    [InlineData(DelayMode.Learned)]
    [InlineData(DelayMode.FixedRandom)]
    public void HiddenWeightGradientThroughSurrogateMatchesFiniteDifferencesOfSmoothedForward(DelayMode mode)
    {
        var fixture = new GradientFixture(mode);
        var hidden = fixture.Network.Layers[0];
        AssertGradientsMatch(fixture, hidden.Weights, hidden.WeightGrad);
    }

    [Fact]
    public void HiddenWeightGradientWithoutBatchNormMatchesFiniteDifferences()
    {
        var fixture = new GradientFixture(DelayMode.Learned, batchNorm: false);
        var hidden = fixture.Network.Layers[0];
        AssertGradientsMatch(fixture, hidden.Weights, hidden.WeightGrad);
    }

    [Fact]
    public void ReadoutPositionGradientMatchesFiniteDifferences()
    {
        var fixture = new GradientFixture(DelayMode.Learned);
        var readout = fixture.Network.Layers[^1];
        AssertGradientsMatch(fixture, readout.Positions, readout.PositionGrad);
    }

    [Fact]
    public void HiddenPositionGradientMatchesFiniteDifferences()
    {
        var fixture = new GradientFixture(DelayMode.Learned);
        var hidden = fixture.Network.Layers[0];
        AssertGradientsMatch(fixture, hidden.Positions, hidden.PositionGrad);
    }

    [Fact]
    public void BatchNormGradientsMatchFiniteDifferences()
    {
        var fixture = new GradientFixture(DelayMode.Learned);
        var hidden = fixture.Network.Layers[0];
        AssertGradientsMatch(fixture, hidden.Gamma, hidden.GammaGrad);
        AssertGradientsMatch(fixture, hidden.Beta, hidden.BetaGrad);
    }

    /// <summary>
    /// Compares the analytic gradient with central differences of the smoothed forward pass. A
    /// parameter whose differences at ε and ε/2 disagree sits next to a reset (the Heaviside reset
    /// makes the loss jump) and is skipped; at least 80 % must be smooth and checked.
    /// </summary>
    private static void AssertGradientsMatch(GradientFixture fixture, float[] values, float[] gradient)
    {
        fixture.Gradients();
        var analytic = (float[])gradient.Clone();
        double largest = 0;
        for (int i = 0; i < analytic.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(analytic[i]));
        }
        Assert.True(largest > 1e-4, $"gradient is vanishingly small ({largest}); the check would be vacuous");
        int checkedCount = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double numeric = fixture.FiniteDifference(values, i, Epsilon);
            double half = fixture.FiniteDifference(values, i, Epsilon / 2);
            double tolerance = 0.01 * Math.Max(Math.Abs(numeric), Math.Abs(analytic[i])) + 1e-3 * largest + FloatNoise;
            if (Math.Abs(numeric - half) > tolerance)
            {
                continue;
            }
            checkedCount++;
            Assert.True(Math.Abs(numeric - analytic[i]) <= tolerance,
                $"parameter {i}: analytic {analytic[i]}, finite difference {numeric} (largest {largest})");
        }
        Assert.True(checkedCount >= 0.8 * values.Length, $"only {checkedCount} of {values.Length} parameters had a smooth loss around them");
    }
}
