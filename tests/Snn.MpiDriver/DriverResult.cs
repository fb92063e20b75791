using System.Text.Json;
using Snn.Backends.Mpi;
using Snn.Core.Simulation;

namespace Snn.MpiDriver;

/// <summary>What a driver run records, written by rank 0 as JSON: every monitor's record (floats as
/// their bit patterns, so comparisons are exact), the first projection's weights and the ranks'
/// timings.</summary>
public sealed record DriverResult
{
    /// <summary>Number of ranks (1 for the one-process reference).</summary>
    public int Ranks { get; init; }

    /// <summary>Steps between spike exchanges.</summary>
    public int IntervalSteps { get; init; }

    /// <summary>Per spike monitor: spike times (steps).</summary>
    public long[][] SpikeSteps { get; init; } = [];

    /// <summary>Per spike monitor: spiking neurons (population-local).</summary>
    public int[][] SpikeNeurons { get; init; } = [];

    /// <summary>Per state monitor: samples, row-major, as float bits.</summary>
    public int[][] StateBits { get; init; } = [];

    /// <summary>Per rate monitor: spike counts per step.</summary>
    public int[][] RateCounts { get; init; } = [];

    /// <summary>The first projection's weights as float bits.</summary>
    public int[] WeightBits { get; init; } = [];

    /// <summary>Per weight monitor: snapshots, row-major, as float bits.</summary>
    public int[][] WeightSnapshotBits { get; init; } = [];

    /// <summary>Each modulator's value at the end, as the bits of the double.</summary>
    public long[] ModulatorBits { get; init; } = [];

    /// <summary>Each rank's time split (empty for the reference).</summary>
    public MpiRunTiming[] Timings { get; init; } = [];

    /// <summary>Wall time of the runs on rank 0 (s).</summary>
    public double RunSeconds { get; init; }

    /// <summary>Reads the records of <paramref name="simulation"/> (collective on MPI).</summary>
    public static DriverResult Collect(ISimulation simulation, DriverNetwork network, double runSeconds)
    {
        var mpi = simulation as MpiSimulation;
        return new DriverResult
        {
            Ranks = mpi?.Ranks ?? 1,
            IntervalSteps = mpi?.IntervalSteps ?? 1,
            SpikeSteps = network.Spikes.Select(m => simulation.GetSpikes(m).Steps).ToArray(),
            SpikeNeurons = network.Spikes.Select(m => simulation.GetSpikes(m).Neurons).ToArray(),
            StateBits = network.States.Select(m => simulation.GetState(m).Values.SelectMany(row => row.Select(BitConverter.SingleToInt32Bits)).ToArray()).ToArray(),
            RateCounts = network.Rates.Select(m => simulation.GetRate(m).Counts).ToArray(),
            WeightBits = simulation.GetWeights(network.Network.Projections[0]).Select(BitConverter.SingleToInt32Bits).ToArray(),
            WeightSnapshotBits = network.Weights.Select(m => simulation.GetWeights(m).Snapshots.SelectMany(row => row.Select(BitConverter.SingleToInt32Bits)).ToArray()).ToArray(),
            ModulatorBits = network.Network.Modulators.Select(m => BitConverter.DoubleToInt64Bits(simulation.GetModulator(m))).ToArray(),
            Timings = mpi?.GatherTimings() ?? [],
            RunSeconds = runSeconds,
        };
    }

    /// <summary>Writes this result as JSON to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this));

    /// <summary>Reads a result written by <see cref="Save"/>.</summary>
    public static DriverResult Load(string path)
        => JsonSerializer.Deserialize<DriverResult>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} holds no result.");
}
