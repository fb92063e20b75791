using System.Runtime.CompilerServices;
using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Core.Distributions;

/// <summary>Log-normal exp(N(Mu, Sigma²)).</summary>
public sealed class LogNormalDist : Dist
{
    /// <summary>Creates the distribution.</summary>
    public LogNormalDist(double mu, double sigma)
    {
        Mu = Guard.Finite(mu, nameof(mu));
        Sigma = Guard.NonNegative(sigma, nameof(sigma));
    }

    /// <summary>Mean of the underlying normal.</summary>
    public double Mu { get; }

    /// <summary>Standard deviation of the underlying normal.</summary>
    public double Sigma { get; }

    /// <inheritdoc />
    public override double Sample(ref CounterRng rng) => Math.Exp(Mu + Sigma * rng.NextNormal());

    internal override bool SamplesFromFirstBlock => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal override void SampleFromFirstBlocks(ReadOnlySpan<Block4> firsts, Span<double> values, Span<bool> complete)
    {
        for (int i = 0; i < firsts.Length; i++)
        {
            values[i] = Math.Exp(Mu + Sigma * CounterRng.StandardNormal(firsts[i]));
            complete[i] = true;
        }
    }

    /// <inheritdoc />
    public override double Minimum => 0;

    /// <inheritdoc />
    public override double Maximum => double.PositiveInfinity;

    /// <inheritdoc />
    public override string ToString() => $"LogN({Mu}, {Sigma})";
}
