using System.Buffers.Binary;
using Snn.Backends.Checkpointing;
using Snn.Experiments.Nalsm;
using Snn.Learning.Reservoir;

namespace Snn.Fuzz.Tests;

/// <summary>
/// The partial feature file of a NALSM run (<see cref="LiquidCheckpoint"/>) under fuzzing: a liquid
/// of 12 neurons and 4 inputs, chunks of two samples, and a seed holding W_INI, two training chunks
/// and the last (one-sample) validation chunk.
/// </summary>
public sealed class LiquidPartialTarget
{
    /// <summary>The protocol the seed was written for and mutants are opened with.</summary>
    public static readonly NalsmOptions Options = new()
    {
        Liquid = new LiquidOptions { GridX = 3, GridY = 2, GridZ = 2, InputCount = 4 },
        InitializationSamples = 2, InitializationMs = 20, PresentationMs = 60, BranchingMarginMs = 5,
        ChunkSamples = 2, Workers = 1, BranchingSamples = 3, TrainCount = 6, ValidationCount = 3, TestCount = 3,
    };

    private readonly LiquidTopology _topology = LiquidTopology.Build(Options.Liquid);

    /// <summary>Writes the seed.</summary>
    public LiquidPartialTarget()
    {
        string path = Path.Combine(Path.GetTempPath(), $"snn-fuzz-seed-{Guid.NewGuid():N}.partial");
        try
        {
            using (var checkpoint = LiquidCheckpoint.Open(path, Options, _topology))
            {
                int[] lengths = [_topology.Excitatory.Count, _topology.Inhibitory.Count, _topology.Input.Count];
                checkpoint.SaveInitialWeights([.. lengths.Select((n, g) => Enumerable.Range(0, n).Select(w => 0.25f * (w + g)).ToArray())], seconds: 0.5);
                var train = checkpoint.Journal(LiquidSplit.Train, () => 1.5);
                train.Keep(0, Chunk(samples: 2, first: 0));
                train.Keep(2, Chunk(samples: 2, first: 7));
                checkpoint.Journal(LiquidSplit.Validation, () => 2.5).Keep(1, Chunk(samples: 1, first: 3));
            }
            Seed = File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The valid partial file mutants start from.</summary>
    public byte[] Seed { get; }

    /// <summary>Opens the partial file at <paramref name="path"/> as a resumed run does.</summary>
    public void Open(string path)
    {
        using var checkpoint = LiquidCheckpoint.Open(path, Options, _topology);
        _ = checkpoint.Summary();
    }

    /// <summary>Rewrites the FNV-1a 64 hash after the header and after every record whose length field fits in the file.</summary>
    public static byte[] Reseal(byte[] data)
    {
        const int headerFixed = 16;
        if (data.Length < headerFixed)
        {
            return data;
        }
        int protocol = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(12));
        if (protocol < 0 || headerFixed + (long)protocol + 8 > data.Length)
        {
            return data;
        }
        Seal(data, 0, headerFixed + protocol);
        long start = headerFixed + protocol + 8;
        while (start + 8 <= data.Length)
        {
            int payload = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan((int)start + 4));
            long end = start + 8 + payload;
            if (payload < 0 || end + 8 > data.Length)
            {
                break;
            }
            Seal(data, (int)start, (int)end);
            start = end + 8;
        }
        return data;
    }

    private static void Seal(byte[] data, int start, int end)
        => BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(end), Fnv1a.Hash(data.AsSpan(start, end - start)));

    private static LiquidChunk Chunk(int samples, int first)
    {
        int neurons = Options.Liquid.LiquidCount;
        var counts = Enumerable.Range(0, samples).Select(s => Enumerable.Range(0, neurons).Select(i => (first + s * neurons + i) % 9).ToArray()).ToArray();
        return new LiquidChunk(counts, Spikes: counts.Sum(row => row.Sum()), new BranchingTotals(0.75 * samples, samples, 3 * samples));
    }
}
