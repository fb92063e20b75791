using Snn.Backends.Checkpointing;
using Snn.Core.Interop.Nir;
using Snn.Core.Simulation;
using Snn.Datasets;
using Snn.Datasets.Formats;
using Snn.Experiments.Nalsm;
using Snn.Learning.Gradient;
using Snn.Learning.Reservoir;

namespace Snn.Fuzz.Tests;

/// <summary>Every file reader of Snn with its documented exception types and its seed corpus.</summary>
public static class FuzzTargets
{
    private static readonly Type[] DataFormat = [typeof(DataFormatException)];

    private static readonly Type[] InvalidData = [typeof(InvalidDataException)];

    private static readonly Lazy<CheckpointTarget> Checkpoints = new(() => new CheckpointTarget());

    private static readonly Lazy<LiquidPartialTarget> LiquidPartial = new(() => new LiquidPartialTarget());

    /// <summary>The readers, by name.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("idx", ".idx", DataFormat, path => IdxReader.Read(path), SeedFiles.Idx),
        new("idx-labels", ".idx", DataFormat, path => IdxReader.ReadLabels(path), SeedFiles.IdxLabels),
        new("nmnist", ".bin", DataFormat, path => NMnistBinReader.ReadEvents(path), () => SeedFiles.Fixtures("*.bin")),
        new("aedat", ".aedat", DataFormat, path => AedatReader.Read(path), SeedFiles.Aedat),
        new("dvs-gesture-labels", ".csv", DataFormat, path => DvsGestureReader.ReadLabels(path), SeedFiles.GestureLabels),
        new("shd", ".h5", DataFormat, ReadHeidelberg, () => SeedFiles.Fixtures("*.h5"), AllocationCap: FuzzRunner.PureHdfCap),
        new("nir", ".nir", InvalidData, path => NirFile.Read(path), () => SeedFiles.Fixtures("*.nir"), AllocationCap: FuzzRunner.PureHdfCap),
        new("checkpoint", ".ckpt", InvalidData, path => Checkpoints.Value.Restore(path), () => [Checkpoints.Value.Seed], ResealCheckpoint),
        new("delay-network", ".snndelay", InvalidData, path => DelayNetworkFile.Read(path), SeedFiles.DelayNetwork, ResealDelayNetwork),
        new("liquid-features", ".liqf", InvalidData, path => LiquidFeatureFile.Load(path), SeedFiles.LiquidFeatures),
        new("liquid-partial", ".partial", [typeof(InvalidDataException), typeof(InvalidOperationException)], path => LiquidPartial.Value.Open(path),
            () => [LiquidPartial.Value.Seed], LiquidPartialTarget.Reseal),
    ];

    /// <summary>The reader named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No reader has that name.</exception>
    public static FuzzTarget Named(string name) => All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"No fuzz target '{name}'; the targets are {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));

    private static void ReadHeidelberg(string path)
    {
        using var file = HeidelbergSpikesFile.Open(path);
        foreach (var _ in file.ReadAll(batchSize: 2))
        {
        }
    }

    /// <summary>Rewrites the trailing FNV-1a 64 checksum of a checkpoint.</summary>
    private static byte[] ResealCheckpoint(byte[] data)
    {
        if (data.Length < 8)
        {
            return data;
        }
        BitConverter.GetBytes(Fnv1a.Hash(data.AsSpan(0, data.Length - 8))).CopyTo(data, data.Length - 8);
        return data;
    }

    /// <summary>Rewrites the trailing FNV-1a 32 hash of a delay-network file.</summary>
    private static byte[] ResealDelayNetwork(byte[] data)
    {
        if (data.Length < 4)
        {
            return data;
        }
        uint hash = 2166136261;
        foreach (byte b in data.AsSpan(0, data.Length - 4))
        {
            hash = (hash ^ b) * 16777619;
        }
        BitConverter.GetBytes(hash).CopyTo(data, data.Length - 4);
        return data;
    }
}
