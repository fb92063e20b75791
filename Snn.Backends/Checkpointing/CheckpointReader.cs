using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Snn.Backends.Checkpointing;

/// <summary>
/// Reads a checkpoint written by <see cref="CheckpointWriter"/>, checking magic, version and
/// checksum first; every failure is an <see cref="InvalidDataException"/> naming the byte offset.
/// </summary>
public sealed class CheckpointReader
{
    private readonly byte[] _data;
    private readonly int _end;
    private int _offset;

    /// <summary>Reads the whole stream and verifies its framing.</summary>
    public CheckpointReader(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        _data = copy.ToArray();
        var magic = CheckpointWriter.Magic;
        if (_data.Length < magic.Length || !_data.AsSpan(0, magic.Length).SequenceEqual(magic))
        {
            throw new InvalidDataException("Checkpoint corrupt at byte 0: the magic 'SNNCKPT1' is missing (not a Snn checkpoint).");
        }
        _offset = magic.Length;
        _end = _data.Length - 8;
        if (_end < _offset + 4)
        {
            throw new InvalidDataException($"Checkpoint truncated at byte {_data.Length}: too short to hold a version and checksum.");
        }
        int version = ReadInt32();
        if (version != CheckpointWriter.Version)
        {
            throw new InvalidDataException($"Checkpoint corrupt at byte {magic.Length}: version {version}, this reader understands {CheckpointWriter.Version}.");
        }
        ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(_data.AsSpan(_end));
        ulong actual = Fnv1a.Hash(_data.AsSpan(0, _end));
        if (stored != actual)
        {
            throw new InvalidDataException($"Checkpoint corrupt: the checksum at byte {_end} does not match bytes 0..{_end - 1} (the file was truncated or altered).");
        }
    }

    /// <summary>The offset of the next field.</summary>
    public int Offset => _offset;

    /// <summary>Reads an int32.</summary>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    /// <summary>Reads an int64.</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>Reads a uint64.</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>Reads a float64.</summary>
    public double ReadDouble() => BitConverter.Int64BitsToDouble(ReadInt64());

    /// <summary>Reads a length-prefixed array of exactly <paramref name="expectedLength"/> elements
    /// (any length when negative).</summary>
    public T[] ReadArray<T>(long expectedLength, string what) where T : unmanaged
    {
        int at = _offset;
        long length = ReadInt64();
        if (length < 0 || (expectedLength >= 0 && length != expectedLength))
        {
            throw new InvalidDataException($"Checkpoint corrupt at byte {at}: {what} has {length} elements, expected {expectedLength}.");
        }
        int size = Marshal.SizeOf<T>();
        if (length > (_end - _offset) / size)
        {
            throw new InvalidDataException($"Checkpoint truncated at byte {_offset}: {what} has {length} elements of {size} bytes, {_end - _offset} bytes remain.");
        }
        return MemoryMarshal.Cast<byte, T>(Take((int)length * size)).ToArray();
    }

    /// <summary>Reads rows written by <see cref="CheckpointWriter.WriteRows"/>, each of <paramref name="width"/> values.</summary>
    public List<float[]> ReadRows(int width, string what)
    {
        int at = Offset;
        int count = ReadInt32();
        long rowBytes = 8 + 4L * width;
        if (count < 0 || count > (_end - _offset) / rowBytes)
        {
            throw new InvalidDataException($"Checkpoint corrupt at byte {at}: {count} {what} of {rowBytes} bytes each, {_end - _offset} bytes remain.");
        }
        var rows = new List<float[]>(count);
        for (int r = 0; r < count; r++)
        {
            rows.Add(ReadArray<float>(width, what));
        }
        return rows;
    }

    /// <summary>Requires <paramref name="actual"/> to equal <paramref name="expected"/>, naming the field's offset.</summary>
    public void Expect<T>(T actual, T expected, string what, int at) where T : IEquatable<T>
    {
        if (!actual.Equals(expected))
        {
            throw new InvalidDataException($"Checkpoint does not match this simulation at byte {at}: {what} is {actual}, the simulation has {expected}.");
        }
    }

    /// <summary>Requires that every byte before the checksum was read.</summary>
    public void ExpectEnd()
    {
        if (_offset != _end)
        {
            throw new InvalidDataException($"Checkpoint corrupt at byte {_offset}: {_end - _offset} unexpected bytes before the checksum.");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _end - _offset)
        {
            throw new InvalidDataException($"Checkpoint truncated at byte {_offset}: {count} bytes needed, {_end - _offset} remain.");
        }
        var span = _data.AsSpan(_offset, count);
        _offset += count;
        return span;
    }
}
