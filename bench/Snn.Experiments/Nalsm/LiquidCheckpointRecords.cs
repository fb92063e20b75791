using System.Buffers.Binary;
using System.Text;
using Snn.Core;

namespace Snn.Experiments.Nalsm;

/// <summary>Encodes the header and the records of a <see cref="LiquidCheckpoint"/> file (its layout is
/// documented there) and computes their hashes.</summary>
internal static class LiquidCheckpointRecords
{
    public const int InitialWeightsKind = 1;
    public const int ChunkKind = 2;

    /// <summary>Bytes before a record's payload: int32 kind, int32 payload length.</summary>
    public const int RecordHeaderBytes = 8;

    /// <summary>Bytes after a record's payload: its uint64 hash.</summary>
    public const int HashBytes = 8;

    /// <summary>Payload bytes of a chunk record other than its counts: four int32 (split, chunk,
    /// samples, neurons), int64 spikes, float64 branching sum, two int64 branching counts, float64 seconds.</summary>
    public const int ChunkFixedBytes = 4 * 4 + 5 * 8;

    public static ReadOnlySpan<byte> Magic => "SNNLIQP1"u8;

    public const int Version = 1;

    public static byte[] Header(string protocol)
    {
        byte[] key = Encoding.UTF8.GetBytes(protocol);
        var bytes = new byte[Magic.Length + 4 + 4 + key.Length + HashBytes];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), Version);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), key.Length);
        key.CopyTo(bytes, 16);
        int end = bytes.Length - HashBytes;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(end), Hash(bytes.AsSpan(0, end)));
        return bytes;
    }

    public static int InitialWeightsBytes(IReadOnlyList<int> lengths)
    {
        int bytes = 8;
        foreach (int length in lengths)
        {
            bytes += 4 + 4 * length;
        }
        return bytes;
    }

    public static byte[] InitialWeights(IReadOnlyList<float[]> weights, double seconds)
    {
        var payload = new BinaryPayload(InitialWeightsBytes([.. weights.Select(w => w.Length)]));
        payload.Double(seconds);
        foreach (var group in weights)
        {
            payload.Int32(group.Length);
            foreach (float w in group)
            {
                payload.Single(w);
            }
        }
        return Record(InitialWeightsKind, payload.Bytes);
    }

    public static byte[] Chunk(LiquidSplit split, int chunk, LiquidChunk responses, int neurons, double featureSeconds)
    {
        var payload = new BinaryPayload(ChunkFixedBytes + 2 * responses.Counts.Length * neurons);
        payload.Int32((int)split);
        payload.Int32(chunk);
        payload.Int32(responses.Counts.Length);
        payload.Int32(neurons);
        for (int s = 0; s < responses.Counts.Length; s++)
        {
            var row = responses.Counts[s];
            if (row.Length != neurons)
            {
                throw new ArgumentException($"Sample {s} of chunk {chunk} has {row.Length} counts; the liquid has {neurons} neurons.", nameof(responses));
            }
            foreach (int c in row)
            {
                if ((uint)c > ushort.MaxValue)
                {
                    throw new ArgumentOutOfRangeException(nameof(responses), c, $"Sample {s} of chunk {chunk} holds the count {c}; the checkpoint stores counts in [0, {ushort.MaxValue}].");
                }
                payload.UInt16((ushort)c);
            }
        }
        payload.Int64(responses.Spikes);
        payload.Double(responses.Branching.SampleSum);
        payload.Int64(responses.Branching.Samples);
        payload.Int64(responses.Branching.Spikes);
        payload.Double(featureSeconds);
        return Record(ChunkKind, payload.Bytes);
    }

    /// <summary>The hash stored after the header and after every record: 64-bit FNV-1a.</summary>
    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = new StableHash();
        hash.Add(bytes);
        return hash.Value;
    }

    private static byte[] Record(int kind, byte[] payload)
    {
        var bytes = new byte[RecordHeaderBytes + payload.Length + HashBytes];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, kind);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), payload.Length);
        payload.CopyTo(bytes, RecordHeaderBytes);
        int end = RecordHeaderBytes + payload.Length;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(end), Hash(bytes.AsSpan(0, end)));
        return bytes;
    }

    /// <summary>Fills a payload of known size, little-endian.</summary>
    private sealed class BinaryPayload(int size)
    {
        private int _at;

        public byte[] Bytes { get; } = new byte[size];

        public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

        public void Int64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

        public void UInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), value);

        public void Single(float value) => BinaryPrimitives.WriteSingleLittleEndian(Take(4), value);

        public void Double(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), value);

        private Span<byte> Take(int count)
        {
            var span = Bytes.AsSpan(_at, count);
            _at += count;
            return span;
        }
    }
}
