using System.Buffers.Binary;
using Snn.Core.Validation;

namespace Snn.Datasets.Formats;

/// <summary>A whole IDX array: its dimensions, element type and the elements as stored (big-endian).</summary>
public sealed class IdxArray
{
    internal IdxArray(int[] dimensions, IdxElementType elementType, byte[] rawData)
    {
        Dimensions = dimensions;
        ElementType = elementType;
        RawData = rawData;
    }

    /// <summary>The extent of each dimension (for MNIST images: count, rows, columns).</summary>
    public int[] Dimensions { get; }

    /// <summary>The element type.</summary>
    public IdxElementType ElementType { get; }

    /// <summary>The elements as stored in the file: row-major, multi-byte types big-endian.</summary>
    public byte[] RawData { get; }

    /// <summary>The number of elements.</summary>
    public int Length => RawData.Length / IdxReader.ElementSize(ElementType);

    /// <summary>Element <paramref name="index"/> (row-major) as a double.</summary>
    /// <param name="index">The flat index, in [0, Length).</param>
    public double GetDouble(int index)
    {
        Guard.InRange(index, 0, Length - 1, nameof(index));
        var raw = RawData.AsSpan(index * IdxReader.ElementSize(ElementType));
        return ElementType switch
        {
            IdxElementType.UnsignedByte => raw[0],
            IdxElementType.SignedByte => (sbyte)raw[0],
            IdxElementType.Int16 => BinaryPrimitives.ReadInt16BigEndian(raw),
            IdxElementType.Int32 => BinaryPrimitives.ReadInt32BigEndian(raw),
            IdxElementType.Single => BinaryPrimitives.ReadSingleBigEndian(raw),
            _ => BinaryPrimitives.ReadDoubleBigEndian(raw),
        };
    }
}
