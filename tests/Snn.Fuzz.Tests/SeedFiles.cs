using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Snn.Experiments.Nalsm;
using Snn.Learning.Gradient;
using Snn.Learning.Reservoir;

namespace Snn.Fuzz.Tests;

/// <summary>Valid files of each format: the test fixtures, and small files written here.</summary>
public static class SeedFiles
{
    /// <summary>The fixtures copied next to the assembly that match <paramref name="pattern"/>.</summary>
    public static IReadOnlyList<byte[]> Fixtures(string pattern)
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Seeds"), pattern);
        Array.Sort(files, StringComparer.Ordinal);
        return files.Length > 0 ? [.. files.Select(File.ReadAllBytes)] : throw new FileNotFoundException($"No seed fixtures {pattern} next to the test assembly.");
    }

    /// <summary>IDX arrays: unsigned bytes 2 × 3 × 4, big-endian floats 3, and the first gzip-compressed.</summary>
    public static IReadOnlyList<byte[]> Idx()
    {
        var bytes = IdxFile(0x0803, [2, 3, 4], [.. Enumerable.Range(0, 24).Select(i => (byte)i)]);
        var floats = new byte[12];
        for (int i = 0; i < 3; i++)
        {
            BinaryPrimitives.WriteSingleBigEndian(floats.AsSpan(4 * i), 0.5f * i);
        }
        return [bytes, IdxFile(0x0D01, [3], floats), Gzip(bytes)];
    }

    /// <summary>IDX label files, raw and gzip-compressed.</summary>
    public static IReadOnlyList<byte[]> IdxLabels()
    {
        var labels = IdxFile(0x0801, [10], [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
        return [labels, Gzip(labels)];
    }

    /// <summary>An AEDAT 2.0 file of three DVS128 events and an AEDAT 3.1 file with a polarity and a special packet.</summary>
    public static IReadOnlyList<byte[]> Aedat()
    {
        var aedat2 = new MemoryStream();
        aedat2.Write("#!AER-DAT2.0\r\n# This is a raw AE data file\r\n"u8);
        foreach (var (address, time) in new (uint, uint)[] { (0x0102, 5), (0x7F00, 17), (0x3FFE, 40) })
        {
            WriteBigEndian(aedat2, address);
            WriteBigEndian(aedat2, time);
        }
        var aedat31 = new MemoryStream();
        aedat31.Write("#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 1: DVS128\r\n#!END-HEADER\r\n"u8);
        aedat31.Write(Packet(1, [((3u << 17) | (4u << 2) | 3u, 10), ((100u << 17) | (50u << 2) | 1u, 20)]));
        aedat31.Write(Packet(0, [(0u, 30)]));
        return [aedat2.ToArray(), aedat31.ToArray()];
    }

    /// <summary>A DVS Gesture labels file.</summary>
    public static IReadOnlyList<byte[]> GestureLabels() => [Encoding.ASCII.GetBytes("class,startTime_usec,endTime_usec\n1,100,2000\n11,2500,4000\n")];

    /// <summary>A small gradient-trained delay network with learned delays and batch norm.</summary>
    public static IReadOnlyList<byte[]> DelayNetwork()
    {
        var config = new DelayNetworkConfig { Inputs = 4, Hidden = [5], Classes = 2, MaxDelaySteps = 3, TauSteps = 2 };
        var stream = new MemoryStream();
        DelayNetworkFile.Write(Snn.Learning.Gradient.DelayNetwork.Create(config, 3), stream);
        return [stream.ToArray()];
    }

    /// <summary>A liquid feature file with two, one and one samples of three neurons.</summary>
    public static IReadOnlyList<byte[]> LiquidFeatures()
    {
        var features = new LiquidFeatures
        {
            Protocol = "fuzz seed",
            TrainCounts = [[1, 0, 7], [2, 3, 0]],
            TrainLabels = [0, 1],
            ValidationCounts = [[0, 0, 1]],
            ValidationLabels = [1],
            TestCounts = [[5, 5, 5]],
            TestLabels = [0],
            Measurements = new LiquidMeasurements
            {
                BranchingFactor = 0.9, MeanRateHz = 12.5, LiquidSynapses = 40, InputSynapses = 9, InitializationSeconds = 0.1, FeatureSeconds = 0.2,
            },
        };
        string path = Path.Combine(Path.GetTempPath(), $"snn-fuzz-seed-{Guid.NewGuid():N}.liqf");
        try
        {
            LiquidFeatureFile.Save(features, path);
            return [File.ReadAllBytes(path)];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] IdxFile(int magic, int[] dims, byte[] data)
    {
        var stream = new MemoryStream();
        WriteBigEndian(stream, (uint)magic);
        foreach (int d in dims)
        {
            WriteBigEndian(stream, (uint)d);
        }
        stream.Write(data);
        return stream.ToArray();
    }

    private static byte[] Packet(short type, (uint Data, int TimeUs)[] events)
    {
        const int eventSize = 8;
        var bytes = new byte[28 + eventSize * events.Length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt16LittleEndian(span, type);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], eventSize);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], events.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], events.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], events.Length);
        for (int k = 0; k < events.Length; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(28 + eventSize * k)..], events[k].Data);
            BinaryPrimitives.WriteInt32LittleEndian(span[(32 + eventSize * k)..], events[k].TimeUs);
        }
        return bytes;
    }

    private static void WriteBigEndian(Stream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        stream.Write(bytes);
    }

    private static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }
}
