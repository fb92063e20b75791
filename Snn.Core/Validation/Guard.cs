namespace Snn.Core.Validation;

/// <summary>
/// Argument checks that throw <see cref="ArgumentException"/>s naming the parameter, the value
/// and the allowed range, as every public entry point of Snn does.
/// </summary>
public static class Guard
{
    /// <summary>Requires a finite number.</summary>
    public static double Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} must be a finite number.");
        }
        return value;
    }

    /// <summary>Requires a finite number greater than zero.</summary>
    public static double Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} must be finite and > 0.");
        }
        return value;
    }

    /// <summary>Requires a finite number greater than or equal to zero.</summary>
    public static double NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} must be finite and >= 0.");
        }
        return value;
    }

    /// <summary>Requires a finite number in [min, max].</summary>
    public static double InRange(double value, double min, double max, string name)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} must be in [{min}, {max}].");
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
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentOutOfRangeException(name, values[i], $"{name}[{i}] = {values[i]} must be a finite number.");
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
