using System.Runtime.CompilerServices;
using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Core.Distributions;

/// <summary>Uniform on [Low, High).</summary>
public sealed class UniformDist : Dist
{
    /// <summary>Creates the distribution.</summary>
    public UniformDist(double low, double high)
    {
        Low = Guard.Finite(low, nameof(low));
        High = Guard.Finite(high, nameof(high));
        if (high < low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"high = {high} must be >= low = {low}.");
        }
    }

    /// <summary>Lower bound.</summary>
    public double Low { get; }

    /// <summary>Upper bound.</summary>
    public double High { get; }

    /// <inheritdoc />
    public override double Sample(ref CounterRng rng) => FromUnit(rng.NextDouble());

    internal override bool SamplesFromFirstBlock => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal override void SampleFromFirstBlocks(ReadOnlySpan<Block4> firsts, Span<double> values, Span<bool> complete)
    {
        for (int i = 0; i < firsts.Length; i++)
        {
            values[i] = FromUnit(Philox.ToUnitDouble(firsts[i].X0, firsts[i].X1));
            complete[i] = true;
        }
    }

    private double FromUnit(double unit) => Low + (High - Low) * unit;

    /// <inheritdoc />
    public override double Minimum => Low;

    /// <inheritdoc />
    public override double Maximum => High;

    /// <inheritdoc />
    public override string ToString() => $"U({Low}, {High})";
}
