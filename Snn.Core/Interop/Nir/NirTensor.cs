namespace Snn.Core.Interop.Nir;

/// <summary>
/// A numeric array of a NIR node (a weight matrix, a vector of time constants, a stride), stored
/// row-major (C order, as NumPy and HDF5 store it) as doubles whatever its type in the file.
/// </summary>
public sealed class NirTensor
{
    private readonly double[] _values;
    private readonly int[] _shape;

    /// <summary>Creates a tensor over a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The elements in row-major order.</param>
    /// <param name="shape">The dimensions; null for a vector of <paramref name="values"/>.Length, empty for a scalar.</param>
    /// <param name="isInteger">Whether the elements are integers (written as 64-bit integers).</param>
    public NirTensor(double[] values, int[]? shape = null, bool isInteger = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        shape ??= [values.Length];
        long count = 1;
        foreach (int dimension in shape)
        {
            if (dimension < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(shape), dimension, $"shape ({string.Join(", ", shape)}) has a negative dimension.");
            }
            count *= dimension;
        }
        if (count != values.Length)
        {
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) holds {count} elements but values has {values.Length}.", nameof(shape));
        }
        _values = (double[])values.Clone();
        _shape = (int[])shape.Clone();
        IsInteger = isInteger;
    }

    /// <summary>The elements in row-major order.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The dimensions (empty for a scalar).</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>Number of elements.</summary>
    public int Count => _values.Length;

    /// <summary>Whether the elements are integers.</summary>
    public bool IsInteger { get; }

    /// <summary>Element <paramref name="index"/> in row-major order.</summary>
    public double this[int index] => _values[index];

    /// <summary>A scalar (shape ()).</summary>
    /// <param name="value">The value.</param>
    public static NirTensor Scalar(double value) => new([value], []);

    /// <summary>A vector (shape (n)).</summary>
    /// <param name="values">The values.</param>
    public static NirTensor Vector(params double[] values) => new(values);

    /// <summary>An integer vector (shape (n)), e.g. a shape or a stride.</summary>
    /// <param name="values">The values.</param>
    public static NirTensor Integers(params int[] values) => new(Array.ConvertAll(values, v => (double)v), [values.Length], isInteger: true);

    /// <summary>A matrix (shape (rows, columns)) from row-major values.</summary>
    /// <param name="rows">Number of rows, ≥ 0.</param>
    /// <param name="columns">Number of columns, ≥ 0.</param>
    /// <param name="values">rows × columns values, row-major.</param>
    public static NirTensor Matrix(int rows, int columns, double[] values) => new(values, [rows, columns]);

    /// <inheritdoc />
    public override string ToString() => $"({string.Join(", ", _shape)})";
}
