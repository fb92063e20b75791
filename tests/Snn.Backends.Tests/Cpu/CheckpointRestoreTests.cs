using System.Buffers.Binary;
using Snn.Backends.Checkpointing;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// A restored checkpoint gives back the recorded spikes exactly as the uninterrupted run has them,
/// whatever the number of recorded populations and threads, and a checkpoint whose checksum is
/// right but whose content is invalid (a NaN weight or potential) is refused before anything in the
/// simulation changes.
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class CheckpointRestoreTests
{
    private const double Half = 50;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SpikesSinceATimeAfterRestoreMatchTheUninterruptedRun(int threads)
    {
        var whole = SimulationHelpers.Cuba(1000, seed: 5);
        using var uninterrupted = SimulationHelpers.Compile(whole.Network, threads);
        uninterrupted.Run(2 * Half);

        var first = SimulationHelpers.Cuba(1000, seed: 5);
        using var saved = SimulationHelpers.Compile(first.Network, threads);
        saved.Run(Half);
        using var checkpoint = new MemoryStream();
        saved.SaveCheckpoint(checkpoint);

        var second = SimulationHelpers.Cuba(1000, seed: 5);
        using var restored = SimulationHelpers.Compile(second.Network, threads);
        restored.RestoreCheckpoint(new MemoryStream(checkpoint.ToArray()));
        foreach (double since in new[] { 0.0, 25.0, Half })
        {
            SimulationHelpers.AssertSameSpikes(saved.GetSpikes(first.ExcitatorySpikes, since), restored.GetSpikes(second.ExcitatorySpikes, since));
            SimulationHelpers.AssertSameSpikes(saved.GetSpikes(first.InhibitorySpikes, since), restored.GetSpikes(second.InhibitorySpikes, since));
        }
        restored.Run(Half);
        var expected = uninterrupted.GetSpikes(whole.ExcitatorySpikes, sinceMs: 25);
        Assert.True(expected.Count > 100, "the CUBA network is nearly silent");
        SimulationHelpers.AssertSameSpikes(expected, restored.GetSpikes(second.ExcitatorySpikes, sinceMs: 25));
        SimulationHelpers.AssertSameSpikes(uninterrupted.GetSpikes(whole.InhibitorySpikes, sinceMs: 25), restored.GetSpikes(second.InhibitorySpikes, sinceMs: 25));
        var all = restored.GetSpikes(second.ExcitatorySpikes);
        Assert.True(all.Steps.Zip(all.Steps.Skip(1)).All(pair => pair.First <= pair.Second), "the restored record is out of time order");
    }

    /// <summary>The checkpoint of <paramref name="simulation"/> with the 4 bytes of the unique
    /// <paramref name="marker"/> value replaced by <paramref name="replacement"/> and the checksum
    /// recomputed, as a checkpoint written from a state that went bad would be.</summary>
    private static byte[] CheckpointWithReplacedValue(ISimulation simulation, float marker, float replacement)
    {
        using var stream = new MemoryStream();
        simulation.SaveCheckpoint(stream);
        var bytes = stream.ToArray();
        var pattern = BitConverter.GetBytes(marker);
        int at = bytes.AsSpan().IndexOf(pattern);
        Assert.True(at > 0 && bytes.AsSpan(at + 1).IndexOf(pattern) < 0, "the marker value must occur once in the checkpoint");
        BitConverter.GetBytes(replacement).CopyTo(bytes, at);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8), Fnv1a.Hash(bytes.AsSpan(0, bytes.Length - 8)));
        return bytes;
    }

    private sealed record Snapshot(long Step, SpikeRecord Spikes, StateRecord V, float[][] Weights);

    private static Snapshot Take(ISimulation simulation, CubaNetwork cuba, StateMonitor v)
        => new(simulation.StepCount, simulation.GetSpikes(cuba.ExcitatorySpikes), simulation.GetState(v), cuba.Projections.Select(simulation.GetWeights).ToArray());

    private static void AssertSame(Snapshot expected, Snapshot actual)
    {
        Assert.Equal(expected.Step, actual.Step);
        SimulationHelpers.AssertSameSpikes(expected.Spikes, actual.Spikes);
        SimulationHelpers.AssertSameStates(expected.V, actual.V);
        for (int p = 0; p < expected.Weights.Length; p++)
        {
            SimulationHelpers.AssertBitIdentical(expected.Weights[p], actual.Weights[p]);
        }
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void CheckpointWithANonFiniteWeightLeavesTheSimulationExactlyAsBefore(float bad)
    {
        var cuba = SimulationHelpers.Cuba(400, seed: 8);
        var v = cuba.Network.RecordState(cuba.Excitatory, Snn.Core.Models.StateVariable.V, [0, 1, 2]);
        using var source = SimulationHelpers.Compile(cuba.Network, threads: 2);
        source.Run(30);
        var weights = source.GetWeights(cuba.Projections[0]);
        weights[7] = 1234.5678f;
        source.SetWeights(cuba.Projections[0], weights);
        var damaged = CheckpointWithReplacedValue(source, 1234.5678f, bad);

        using var target = SimulationHelpers.Compile(cuba.Network, threads: 2);
        target.Run(10);
        var before = Take(target, cuba, v);
        var error = Assert.Throws<InvalidDataException>(() => target.RestoreCheckpoint(new MemoryStream(damaged)));
        Assert.Contains("weights of", error.Message);
        Assert.Matches(@"byte \d+", error.Message);
        AssertSame(before, Take(target, cuba, v));
        target.Run(10);
        Assert.Equal(SimulationHelpers.Steps(20, 0.1), target.StepCount);
    }

    [Fact]
    public void CheckpointWithANaNPotentialIsRefusedNamingTheNeuron()
    {
        var cuba = SimulationHelpers.Cuba(400, seed: 8);
        var v = cuba.Network.RecordState(cuba.Excitatory, Snn.Core.Models.StateVariable.V, [0]);
        using var simulation = SimulationHelpers.Compile(cuba.Network);
        simulation.Run(10);
        using var stream = new MemoryStream();
        simulation.SaveCheckpoint(stream);
        var bytes = stream.ToArray();
        // The V array follows magic (8), version (4), fingerprint (8), step (8) and its length (8).
        BitConverter.GetBytes(float.NaN).CopyTo(bytes, 36 + 4 * 3);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8), Fnv1a.Hash(bytes.AsSpan(0, bytes.Length - 8)));
        simulation.Run(5);
        var before = Take(simulation, cuba, v);
        var error = Assert.Throws<InvalidDataException>(() => simulation.RestoreCheckpoint(new MemoryStream(bytes)));
        Assert.Contains("V[3]", error.Message);
        Assert.Contains("byte 48", error.Message);
        AssertSame(before, Take(simulation, cuba, v));
    }

    [Fact]
    public void ReadingAfterDisposeThrowsObjectDisposed()
    {
        var cuba = SimulationHelpers.Cuba(100, seed: 1);
        var simulation = SimulationHelpers.Compile(cuba.Network);
        simulation.Run(5);
        var weights = simulation.GetWeights(cuba.Projections[0]);
        simulation.Dispose();
        Assert.Throws<ObjectDisposedException>(() => simulation.GetSpikes(cuba.ExcitatorySpikes));
        Assert.Throws<ObjectDisposedException>(() => simulation.GetWeights(cuba.Projections[0]));
        Assert.Throws<ObjectDisposedException>(() => simulation.SetWeights(cuba.Projections[0], weights));
    }
}
