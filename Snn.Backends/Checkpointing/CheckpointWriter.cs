using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Snn.Backends.Checkpointing;

/// <summary>
/// Writes a checkpoint: the 8-byte magic <c>SNNCKPT1</c>, a format version, little-endian fields
/// and arrays (each array prefixed by its length), and a trailing FNV-1a 64-bit checksum of all
/// preceding bytes.
/// </summary>
public sealed class CheckpointWriter
{
    /// <summary>The magic bytes at offset 0.</summary>
    public static ReadOnlySpan<byte> Magic => "SNNCKPT1"u8;

    /// <summary>The format version written after the magic.</summary>
    public const int Version = 1;

    private readonly MemoryStream _buffer = new();

    /// <summary>Starts a checkpoint with the magic and version.</summary>
    public CheckpointWriter()
    {
        _buffer.Write(Magic);
        Write(Version);
    }

    /// <summary>Writes an int32.</summary>
    public void Write(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        _buffer.Write(bytes);
    }

    /// <summary>Writes an int64.</summary>
    public void Write(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        _buffer.Write(bytes);
    }

    /// <summary>Writes a uint64.</summary>
    public void Write(ulong value) => Write(unchecked((long)value));

    /// <summary>Writes a float64.</summary>
    public void Write(double value) => Write(BitConverter.DoubleToInt64Bits(value));

    /// <summary>Writes a length-prefixed array.</summary>
    public void Write<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        Write((long)values.Length);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Checkpoints are written on little-endian machines only.");
        }
        _buffer.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>Writes a count and that many length-prefixed rows (monitor samples).</summary>
    public void WriteRows(IReadOnlyList<float[]> rows)
    {
        Write(rows.Count);
        foreach (var row in rows)
        {
            Write<float>(row);
        }
    }

    /// <summary>Appends the checksum and copies the checkpoint to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        ulong checksum = Fnv1a.Hash(_buffer.GetBuffer().AsSpan(0, (int)_buffer.Length));
        Write(checksum);
        _buffer.Position = 0;
        _buffer.CopyTo(stream);
        stream.Flush();
    }
}
