using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Snn.Datasets.Tests.Support;

/// <summary>Writes the binary formats the readers read, to make round-trip fixtures.</summary>
internal static class Writers
{
    public static byte[] Idx(int magic, int[] dims, byte[] data)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int d = 0; d < dims.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dims[d]);
        }
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        return bytes;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }

    /// <summary>N-MNIST records; an event with Y = 240 is written as an overflow marker.</summary>
    public static byte[] NMnist(IEnumerable<(int X, int Y, bool On, int TimeUs)> records)
    {
        var output = new List<byte>();
        foreach (var (x, y, on, t) in records)
        {
            output.Add((byte)x);
            output.Add((byte)y);
            output.Add((byte)((on ? 0x80 : 0) | ((t >> 16) & 0x7F)));
            output.Add((byte)(t >> 8));
            output.Add((byte)t);
        }
        return [.. output];
    }

    public static byte[] Aedat2(IEnumerable<(uint Address, uint TimeUs)> records)
    {
        var output = new MemoryStream();
        var header = Encoding.ASCII.GetBytes("#!AER-DAT2.0\r\n# This is a raw AE data file - do not edit\r\n# Data format is int32 address, int32 timestamp (8 bytes total)\r\n");
        output.Write(header);
        Span<byte> record = stackalloc byte[8];
        foreach (var (address, t) in records)
        {
            BinaryPrimitives.WriteUInt32BigEndian(record, address);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], t);
            output.Write(record);
        }
        return output.ToArray();
    }

    /// <summary>The DVS128 address of jAER's layout (x flipped, bit 0 = 1 for OFF).</summary>
    public static uint Dvs128Address(int x, int y, bool on) => (uint)((y << 8) | ((127 - x) << 1) | (on ? 0 : 1));

    public static byte[] Aedat31Header() => Encoding.ASCII.GetBytes("#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 1: DVS128\r\n#Start-Time: 2017-01-01 00:00:00\r\n#!END-HEADER\r\n");

    public static byte[] Aedat31Packet(short type, int eventSize, int overflow, int capacity, IReadOnlyList<(uint Data, int TimeUs)> events)
    {
        var bytes = new byte[28 + capacity * eventSize];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt16LittleEndian(span, type);
        BinaryPrimitives.WriteInt16LittleEndian(span[2..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], eventSize);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], overflow);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], capacity);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], events.Count);
        int valid = 0;
        for (int k = 0; k < events.Count; k++)
        {
            valid += (int)(events[k].Data & 1);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(28 + k * eventSize)..], events[k].Data);
            BinaryPrimitives.WriteInt32LittleEndian(span[(28 + k * eventSize + 4)..], events[k].TimeUs);
        }
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], valid);
        return bytes;
    }

    public static uint PolarityData(int x, int y, bool on, bool valid = true) => (uint)((x << 17) | (y << 2) | (on ? 2 : 0) | (valid ? 1 : 0));

    public static byte[] Concat(params byte[][] parts)
    {
        var output = new MemoryStream();
        foreach (var part in parts)
        {
            output.Write(part);
        }
        return output.ToArray();
    }
}
