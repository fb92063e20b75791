using Snn.Core.Validation;

namespace Snn.Datasets;

/// <summary>
/// A dense row-major array of <see cref="float"/> with a shape, as the binning transforms
/// produce: frames [T, polarities, height, width] or per-step spikes [steps, channels].
/// </summary>
public sealed class DenseTensor
{
    /// <summary>Creates a zero tensor of a shape.</summary>
    /// <param name="shape">The extent of each dimension, each at least 1.</param>
    public DenseTensor(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == 0)
        {
            throw new ArgumentException("shape must have at least one dimension.", nameof(shape));
        }
        long length = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            Guard.PositiveCount(shape[i], $"{nameof(shape)}[{i}]");
            length *= shape[i];
            if (length > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException(nameof(shape), length, $"the product of shape must be at most {Array.MaxLength}.");
            }
        }
        Shape = (int[])shape.Clone();
        Data = new float[length];
    }

    /// <summary>The extent of each dimension.</summary>
    public int[] Shape { get; }

    /// <summary>The elements, row-major (last index fastest).</summary>
    public float[] Data { get; }

    /// <summary>The number of dimensions.</summary>
    public int Rank => Shape.Length;

    /// <summary>The element at a multi-index.</summary>
    /// <param name="index">One index per dimension, each in [0, extent).</param>
    public float this[params int[] index]
    {
        get => Data[Offset(index)];
        set => Data[Offset(index)] = value;
    }

    /// <summary>The sum of all elements.</summary>
    public double Sum()
    {
        double sum = 0;
        for (int i = 0; i < Data.Length; i++)
        {
            sum += Data[i];
        }
        return sum;
    }

    private int Offset(int[] index)
    {
        if (index.Length != Shape.Length)
        {
            throw new ArgumentException($"index has {index.Length} dimensions; the tensor has {Shape.Length}.", nameof(index));
        }
        int offset = 0;
        for (int d = 0; d < index.Length; d++)
        {
            Guard.InRange(index[d], 0, Shape[d] - 1, $"{nameof(index)}[{d}]");
            offset = offset * Shape[d] + index[d];
        }
        return offset;
    }
}
