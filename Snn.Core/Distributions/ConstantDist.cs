using Snn.Core.Randomness;

namespace Snn.Core.Distributions;

/// <summary>A single value.</summary>
/// <param name="value">The value.</param>
public sealed class ConstantDist(double value) : Dist
{
    /// <summary>The value.</summary>
    public double Value { get; } = value;

    /// <inheritdoc />
    public override double Sample(ref CounterRng rng) => Value;

    /// <inheritdoc />
    public override double Minimum => Value;

    /// <inheritdoc />
    public override double Maximum => Value;

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
