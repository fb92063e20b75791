using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Snn.Learning.Reservoir;
using static Snn.Experiments.Nalsm.LiquidCheckpointRecords;

namespace Snn.Experiments.Nalsm;

/// <summary>Reads a <see cref="LiquidCheckpoint"/> file: the header first (<see cref="ReadHeader"/>,
/// so that the protocol can be compared before anything else), then the records, checking every
/// field and naming the byte offset of the first one that is wrong. A last record cut short (a crash
/// while it was written) is not an error: <see cref="ValidLength"/> ends before it.</summary>
internal sealed class LiquidCheckpointReader(byte[] data, string path)
{
    private int _offset;

    /// <summary>The bytes up to the end of the last complete record.</summary>
    public int ValidLength { get; private set; }

    /// <summary>The W_INI record's weights, null when there is none.</summary>
    public float[][]? InitialWeights { get; private set; }

    /// <summary>The W_INI record's initialisation time (s).</summary>
    public double InitializationSeconds { get; private set; }

    /// <summary>The largest feature time a chunk record holds (s).</summary>
    public double FeatureSeconds { get; private set; }

    /// <summary>The saved chunks of each split (indexed by <see cref="LiquidSplit"/>), by chunk index.</summary>
    public Dictionary<int, LiquidChunk>[] Chunks { get; } = [[], [], []];

    public InvalidDataException Corrupt(long offset, string problem)
        => new($"Liquid checkpoint '{path}' corrupt at byte {offset}: {problem}.");

    /// <summary>Reads and checks the header; returns the protocol key it holds.</summary>
    public string ReadHeader()
    {
        if (!Bytes(Magic.Length).SequenceEqual(Magic))
        {
            throw Corrupt(0, "the magic 'SNNLIQP1' is missing (not a liquid checkpoint)");
        }
        int version = Int32();
        if (version != LiquidCheckpointRecords.Version)
        {
            throw Corrupt(_offset - 4, $"version {version}, this reader understands {LiquidCheckpointRecords.Version}");
        }
        int length = Int32();
        if (length < 0)
        {
            throw Corrupt(_offset - 4, $"protocol length {length} is negative");
        }
        int protocolOffset = _offset;
        string protocol = Encoding.UTF8.GetString(Bytes(length));
        CheckHash(0);
        if (NotAJsonObject(protocol) is { } problem)
        {
            throw Corrupt(protocolOffset, $"the protocol is not a JSON object ({problem})");
        }
        ValidLength = _offset;
        return protocol;
    }

    /// <summary>Why <paramref name="protocol"/> is not a JSON object with distinct names (as every
    /// <see cref="NalsmProtocol.Key"/> is), or null when it is one.</summary>
    private static string? NotAJsonObject(string protocol)
    {
        try
        {
            if (JsonNode.Parse(protocol) is not JsonObject settings)
            {
                return "another JSON value";
            }
            _ = settings.Count;
            return null;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return e.Message;
        }
    }

    /// <summary>Reads every complete record after the header.</summary>
    /// <param name="chunkCounts">Samples of each split.</param>
    /// <param name="chunkSamples">Samples per chunk.</param>
    /// <param name="neurons">Liquid neurons.</param>
    /// <param name="weightLengths">Weights of each group (excitatory, inhibitory, input).</param>
    public void ReadRecords(int[] chunkCounts, int chunkSamples, int neurons, int[] weightLengths)
    {
        int weightBytes = InitialWeightsBytes(weightLengths);
        long largestChunk = ChunkFixedBytes + 2L * chunkSamples * neurons;
        while (data.Length - _offset > 0)
        {
            int start = _offset;
            if (data.Length - start < RecordHeaderBytes)
            {
                return;
            }
            int kind = Int32();
            int length = Int32();
            bool fits = kind switch
            {
                InitialWeightsKind => length == weightBytes,
                ChunkKind => length >= ChunkFixedBytes + 2 * neurons && length <= largestChunk && (length - ChunkFixedBytes) % (2 * neurons) == 0,
                _ => throw Corrupt(start, $"record kind {kind} is neither {InitialWeightsKind} (W_INI) nor {ChunkKind} (chunk)"),
            };
            if (!fits)
            {
                throw Corrupt(start + 4, $"a record of kind {kind} cannot hold {length} bytes");
            }
            if ((long)data.Length - _offset < (long)length + HashBytes)
            {
                if (kind == ChunkKind)
                {
                    CheckTornChunkLength(start, length, chunkCounts, chunkSamples, neurons);
                }
                return;
            }
            int payload = _offset;
            _offset += length;
            CheckHash(start);
            _offset = payload;
            if (kind == InitialWeightsKind)
            {
                ReadInitialWeights(start, weightLengths);
            }
            else
            {
                ReadChunk(start, chunkCounts, chunkSamples, neurons, length);
            }
            _offset += HashBytes;
            ValidLength = _offset;
        }
    }

    private void ReadInitialWeights(int start, int[] weightLengths)
    {
        if (InitialWeights is not null)
        {
            throw Corrupt(start, "a second W_INI record");
        }
        InitializationSeconds = Seconds("initialisation seconds");
        var weights = new float[weightLengths.Length][];
        for (int g = 0; g < weights.Length; g++)
        {
            int at = _offset;
            int length = Int32();
            if (length != weightLengths[g])
            {
                throw Corrupt(at, $"weight group {g} has {length} weights; the liquid has {weightLengths[g]}");
            }
            weights[g] = new float[length];
            for (int w = 0; w < length; w++)
            {
                weights[g][w] = BinaryPrimitives.ReadSingleLittleEndian(Bytes(4));
            }
        }
        InitialWeights = weights;
    }

    private void ReadChunk(int start, int[] chunkCounts, int chunkSamples, int neurons, int length)
    {
        if (InitialWeights is null)
        {
            throw Corrupt(start, "a chunk record before the W_INI record");
        }
        int at = _offset;
        int split = Int32();
        int chunk = Int32();
        int expected = SamplesOfChunk(at, split, chunk, chunkCounts, chunkSamples);
        if (Chunks[split].ContainsKey(chunk))
        {
            throw Corrupt(start, $"a second record of chunk {chunk} of {(LiquidSplit)split}");
        }
        int samples = Int32();
        if (samples != expected)
        {
            throw Corrupt(at + 8, $"chunk {chunk} of {(LiquidSplit)split} holds {samples} samples; it has {expected}");
        }
        int stored = Int32();
        if (stored != neurons || length != ChunkFixedBytes + 2 * samples * neurons)
        {
            throw Corrupt(at + 12, $"chunk {chunk} of {(LiquidSplit)split} holds {stored} neurons in {length} bytes; the liquid has {neurons}");
        }
        var counts = new int[samples][];
        for (int s = 0; s < samples; s++)
        {
            var row = new int[neurons];
            var bytes = Bytes(2 * neurons);
            for (int i = 0; i < neurons; i++)
            {
                row[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(2 * i, 2));
            }
            counts[s] = row;
        }
        long spikes = Count("spikes");
        double sum = BinaryPrimitives.ReadDoubleLittleEndian(Bytes(8));
        var branching = new BranchingTotals(sum, Count("branching presentations"), Count("branching spikes"));
        if (!double.IsFinite(sum))
        {
            throw Corrupt(_offset - 24, $"branching sum {sum} is not finite");
        }
        FeatureSeconds = Math.Max(FeatureSeconds, Seconds("feature seconds"));
        Chunks[split].Add(chunk, new LiquidChunk(counts, spikes, branching));
    }

    /// <summary>The samples of chunk <paramref name="chunk"/> of <paramref name="split"/>, read at
    /// <paramref name="at"/> (the split) and 4 bytes after (the chunk), checking both.</summary>
    private int SamplesOfChunk(int at, int split, int chunk, int[] chunkCounts, int chunkSamples)
    {
        if ((uint)split >= (uint)chunkCounts.Length)
        {
            throw Corrupt(at, $"split {split} is not in [0, {chunkCounts.Length - 1}]");
        }
        int chunks = (chunkCounts[split] + chunkSamples - 1) / chunkSamples;
        if ((uint)chunk >= (uint)chunks)
        {
            throw Corrupt(at + 4, $"chunk {chunk} of {(LiquidSplit)split} is not in [0, {chunks - 1}]");
        }
        return Math.Min(chunkSamples, chunkCounts[split] - chunk * chunkSamples);
    }

    /// <summary>A chunk record that runs past the end of the file is only a torn last record when
    /// its length is that of the chunk it names (once the split and chunk were written): a length
    /// changed to a larger one would otherwise drop it and every record after it as torn.</summary>
    private void CheckTornChunkLength(int start, int length, int[] chunkCounts, int chunkSamples, int neurons)
    {
        if (data.Length - _offset < 8)
        {
            return;
        }
        int at = _offset;
        int split = Int32();
        int chunk = Int32();
        long expected = ChunkFixedBytes + 2L * SamplesOfChunk(at, split, chunk, chunkCounts, chunkSamples) * neurons;
        if (length != expected)
        {
            throw Corrupt(start + 4, $"a record of chunk {chunk} of {(LiquidSplit)split} that runs past the end of the file claims {length} bytes; "
                + $"that chunk's record has {expected} (a length changed, not a record cut short)");
        }
    }

    private void CheckHash(int start)
    {
        int end = _offset;
        ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(Bytes(HashBytes));
        ulong actual = Hash(data.AsSpan(start, end - start));
        if (stored != actual)
        {
            throw Corrupt(end, $"hash 0x{stored:x16} does not match the 0x{actual:x16} of bytes [{start}, {end})");
        }
    }

    private long Count(string what)
    {
        int at = _offset;
        long value = BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));
        return value >= 0 ? value : throw Corrupt(at, $"{what} = {value} is negative");
    }

    private double Seconds(string what)
    {
        int at = _offset;
        double value = BinaryPrimitives.ReadDoubleLittleEndian(Bytes(8));
        return double.IsFinite(value) && value >= 0 ? value : throw Corrupt(at, $"{what} = {value} is not a finite time ≥ 0");
    }

    private int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

    private ReadOnlySpan<byte> Bytes(int count)
    {
        if (count > data.Length - _offset)
        {
            throw new InvalidDataException($"Liquid checkpoint '{path}' truncated at byte {data.Length}: {count} bytes needed from byte {_offset}.");
        }
        var span = data.AsSpan(_offset, count);
        _offset += count;
        return span;
    }
}
