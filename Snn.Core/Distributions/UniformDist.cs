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
    public override double Sample(ref CounterRng rng) => Low + (High - Low) * rng.NextDouble();

    /// <inheritdoc />
    public override double Minimum => Low;

    /// <inheritdoc />
    public override double Maximum => High;

    /// <inheritdoc />
    public override string ToString() => $"U({Low}, {High})";
}
