namespace Snn.Core.Validation;

/// <summary>
/// Argument checks that throw <see cref="ArgumentException"/>s naming the parameter, the value
/// and the allowed range, as every public entry point of Snn does. The public API takes
/// <see cref="double"/> but engines store <see cref="float"/>, so "finite" means finite as the
/// engine stores it: a magnitude of at most <see cref="float.MaxValue"/> (3.4e38), and a value
/// required to be positive must not round to a float zero (below 1.4e-45).
/// </summary>
public static class Guard
{
    /// <summary>Whether <paramref name="value"/> stays finite when stored as a <see cref="float"/>.</summary>
    public static bool IsStorable(double value) => double.IsFinite(value) && Math.Abs(value) <= float.MaxValue;

    private static string FiniteRange => $"finite within ±{float.MaxValue:G9}, the range of the float the engine stores";

    /// <summary>Requires a number that is finite as a float.</summary>
    public static double Finite(double value, string name)
    {
        if (!IsStorable(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} must be {FiniteRange}.");
        }
        return value;
    }

    /// <summary>Requires a number greater than zero that is finite and non-zero as a float.</summary>
    public static double Positive(double value, string name)
    {
        if (!IsStorable(value) || value <= 0 || (float)value == 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} must be > 0 ({FiniteRange}, and not below {float.Epsilon:G9}).");
        }
        return value;
    }

    /// <summary>Requires a number greater than or equal to zero that is finite as a float.</summary>
    public static double NonNegative(double value, string name)
    {
        if (!IsStorable(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} must be >= 0 and {FiniteRange}.");
        }
        return value;
    }

    /// <summary>Requires a number in [min, max] that is finite as a float.</summary>
    public static double InRange(double value, double min, double max, string name)
    {
        if (!IsStorable(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} must be in [{min}, {max}] ({FiniteRange}).");
        }
        return value;
    }

    /// <summary>Requires a probability in [0, 1].</summary>
    public static double Probability(double value, string name) => InRange(value, 0, 1, name);

    /// <summary>Requires an integer in [min, max].</summary>
    public static int InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} must be in [{min}, {max}].");
        }
        return value;
    }

    /// <summary>Requires an integer of at least 1.</summary>
    public static int PositiveCount(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} must be at least 1.");
        }
        return value;
    }

    /// <summary>Requires a non-null, non-empty name.</summary>
    public static string Name(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must be a non-empty name.", name);
        }
        return value;
    }

    /// <summary>Requires every element of an array to be finite.</summary>
    public static void AllFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!IsStorable(values[i]))
            {
                throw new ArgumentOutOfRangeException(name, values[i], $"{name}[{i}] = {values[i]} must be {FiniteRange}.");
            }
        }
    }

    /// <summary>Requires every index to lie in [0, size).</summary>
    public static void Indices(ReadOnlySpan<int> indices, int size, string name)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)size)
            {
                throw new ArgumentOutOfRangeException(name, indices[i], $"{name}[{i}] = {indices[i]} must be in [0, {size - 1}].");
            }
        }
    }
}
