using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Core.Distributions;

/// <summary>Given values, one per element in order; not sampled.</summary>
public sealed class ExplicitValues : Dist
{
    private readonly double[] _values;

    /// <summary>Creates the list.</summary>
    public ExplicitValues(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Guard.AllFinite(values, nameof(values));
        _values = (double[])values.Clone();
    }

    /// <summary>The values.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Number of values.</summary>
    public int Count => _values.Length;

    /// <summary>The value for element <paramref name="index"/>.</summary>
    public double this[int index] => _values[index];

    /// <summary>Explicit values are read by index, never sampled.</summary>
    public override double Sample(ref CounterRng rng)
        => throw new InvalidOperationException("Explicit values are taken by index, not sampled.");

    /// <inheritdoc />
    public override double Minimum => _values.Length == 0 ? 0 : _values.Min();

    /// <inheritdoc />
    public override double Maximum => _values.Length == 0 ? 0 : _values.Max();

    /// <inheritdoc />
    public override string ToString() => $"explicit[{_values.Length}]";
}
