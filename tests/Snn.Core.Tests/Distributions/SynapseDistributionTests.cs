using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Core.Tests.Distributions;

/// <summary>
/// Weights and delays drawn from distributions have the distribution's bounds and moments. Sample
/// means are compared with the exact mean within five standard errors (σ/√n) and sample variances
/// within five standard errors of the variance (σ² √(2/(n − 1)) for near-normal samples, with the
/// fourth moment where it matters).
/// </summary>
public class SynapseDistributionTests
{
    private const int Sources = 300, Targets = 300;
    private const int Count = Sources * Targets;

    private static SynapseTable Realise(Dist weight, Dist? delay = null, double dt = 0.1)
    {
        var network = Statistics.TwoPopulations(Sources, Targets, out var source, out var target, seed: 31, dt: dt);
        return network.Connect(source, target, Connectivity.AllToAll(), Synapse.Excitatory(weight, delay)).Instantiate();
    }

    [Fact]
    public void UniformWeightsLieInTheIntervalWithTheUniformMoments()
    {
        const double low = 2, high = 5;
        var weights = Realise(Dist.Uniform(low, high)).Weights.Select(w => (double)w).ToArray();
        Assert.All(weights, w => Assert.InRange(w, low, high));
        var (mean, variance) = Statistics.Moments(weights);
        double sigma2 = (high - low) * (high - low) / 12;
        Assert.Equal((low + high) / 2, mean, 5 * Math.Sqrt(sigma2 / Count));
        // A uniform variable's fourth central moment is 9/5 σ⁴: Var(s²) ≈ (μ4 − σ⁴)/n = 0.8 σ⁴ / n.
        Assert.Equal(sigma2, variance, 5 * sigma2 * Math.Sqrt(0.8 / Count));
        Assert.True(weights.Min() < low + 0.01 && weights.Max() > high - 0.01, "the draws do not fill the interval");
    }

    /// <summary>Normal(μ, σ) redrawn until it lies in [a, b] is the truncated normal: with
    /// α = (a − μ)/σ, β = (b − μ)/σ and Z = Φ(β) − Φ(α), mean μ + σ (φ(α) − φ(β))/Z and variance
    /// σ² (1 + (α φ(α) − β φ(β))/Z − ((φ(α) − φ(β))/Z)²).</summary>
    [Theory]
    [InlineData(1.0, 0.5, 0.2, 1.5)]
    [InlineData(0.0, 1.0, double.NegativeInfinity, double.PositiveInfinity)]
    [InlineData(-80.0, 20.0, -100.0, double.PositiveInfinity)]
    public void ClippedNormalWeightsFollowTheTruncatedNormal(double mu, double sigma, double min, double max)
    {
        var weights = Realise(Dist.Normal(mu, sigma, min, max)).Weights.Select(w => (double)w).ToArray();
        Assert.All(weights, w => Assert.InRange(w, (float)min, (float)max));
        double alpha = (min - mu) / sigma, beta = (max - mu) / sigma;
        double phiA = double.IsInfinity(alpha) ? 0 : Statistics.NormalPdf(alpha);
        double phiB = double.IsInfinity(beta) ? 0 : Statistics.NormalPdf(beta);
        double z = Statistics.NormalCdf(beta) - Statistics.NormalCdf(alpha);
        double aPhiA = double.IsInfinity(alpha) ? 0 : alpha * phiA;
        double bPhiB = double.IsInfinity(beta) ? 0 : beta * phiB;
        double expectedMean = mu + sigma * (phiA - phiB) / z;
        double expectedVariance = sigma * sigma * (1 + (aPhiA - bPhiB) / z - Math.Pow((phiA - phiB) / z, 2));

        var (mean, variance) = Statistics.Moments(weights);
        Assert.Equal(expectedMean, mean, 5 * Math.Sqrt(expectedVariance / Count));
        Assert.Equal(expectedVariance, variance, 5 * expectedVariance * Math.Sqrt(2.0 / Count));
    }

    /// <summary>LogNormal(μ, σ) = exp(N(μ, σ²)): positive, ln w ~ N(μ, σ²), mean e^(μ + σ²/2).</summary>
    [Fact]
    public void LogNormalWeightsArePositiveWithNormalLogarithms()
    {
        const double mu = 0.5, sigma = 0.4;
        var weights = Realise(Dist.LogNormal(mu, sigma)).Weights.Select(w => (double)w).ToArray();
        Assert.All(weights, w => Assert.True(w > 0));
        var (logMean, logVariance) = Statistics.Moments(weights.Select(w => Math.Log(w)).ToArray());
        Assert.Equal(mu, logMean, 5 * sigma / Math.Sqrt(Count));
        Assert.Equal(sigma * sigma, logVariance, 5 * sigma * sigma * Math.Sqrt(2.0 / Count));
        double expectedMean = Math.Exp(mu + sigma * sigma / 2);
        double expectedVariance = (Math.Exp(sigma * sigma) - 1) * Math.Exp(2 * mu + sigma * sigma);
        Assert.Equal(expectedMean, weights.Average(), 5 * Math.Sqrt(expectedVariance / Count));
    }

    [Fact]
    public void ExplicitWeightsAreAssignedInGenerationOrder()
    {
        var values = Enumerable.Range(0, Count).Select(i => i * 0.25 - 1000).ToArray();
        var table = Realise(Dist.Explicit(values));
        Assert.Equal(values.Select(v => (float)v), table.Weights);
    }

    [Fact]
    public void ConstantWeightIsExact()
    {
        Assert.All(Realise(1.62 * 250 / 20).Weights, w => Assert.Equal((float)(1.62 * 250 / 20), w));
    }

    /// <summary>Delays are rounded to whole steps: Uniform(1, 5) ms at dt = 0.1 gives 10..50 steps,
    /// the inner values with probability dt/4 each and the two ends half that; the mean is 30 steps.</summary>
    [Fact]
    public void UniformDelaysAreRoundedToStepsWithinTheirBounds()
    {
        var delays = Realise(1, Dist.Uniform(1, 5)).DelaySteps;
        Assert.All(delays, d => Assert.InRange(d, (ushort)10, (ushort)50));
        double sigma = Math.Sqrt(40.0 * 40 / 12);
        Assert.Equal(30, delays.Average(d => (double)d), 5 * sigma / Math.Sqrt(Count));
        var histogram = Statistics.Histogram(delays.Select(d => (int)d), 51);
        double inner = Count / 40.0;
        Assert.InRange(histogram[30], inner - 5 * Math.Sqrt(inner), inner + 5 * Math.Sqrt(inner));
        Assert.InRange(histogram[10], inner / 2 - 5 * Math.Sqrt(inner / 2), inner / 2 + 5 * Math.Sqrt(inner / 2));
        Assert.InRange(histogram[50], inner / 2 - 5 * Math.Sqrt(inner / 2), inner / 2 + 5 * Math.Sqrt(inner / 2));
    }

    [Fact]
    public void ConstantDelayIsWholeStepsAtAnyTimeStep()
    {
        Assert.All(Realise(1, 1.5, dt: 0.1).DelaySteps, d => Assert.Equal(15, d));
        Assert.All(Realise(1, 3.0, dt: 1.0).DelaySteps, d => Assert.Equal(3, d));
        Assert.All(Realise(1, 0.25, dt: 0.05).DelaySteps, d => Assert.Equal(5, d));
        Assert.All(Realise(1, null, dt: 0.1).DelaySteps, d => Assert.Equal(1, d));
    }

    [Fact]
    public void WeightsAndDelaysAreIndependentOfEachOther()
    {
        var table = Realise(Dist.Uniform(0, 1), Dist.Uniform(1, 5));
        var w = table.Weights.Select(x => (double)x).ToArray();
        var d = table.DelaySteps.Select(x => (double)x).ToArray();
        double wm = w.Average(), dm = d.Average();
        double covariance = w.Zip(d, (a, b) => (a - wm) * (b - dm)).Sum() / (Count - 1);
        double correlation = covariance / Math.Sqrt(Statistics.Moments(w).Variance * Statistics.Moments(d).Variance);
        Assert.InRange(correlation, -5 / Math.Sqrt(Count), 5 / Math.Sqrt(Count));
    }
}
