using System.Buffers.Binary;
using Snn.Backends.Checkpointing;
using Snn.Backends.Gpu;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Gpu;

/// <summary>Checkpoints of the GPU engine: a restored run continues as if never stopped, and the
/// GPU and CPU engines read each other's checkpoints (same format), presynaptic spikes still
/// travelling to plastic synapses included; a corrupt checkpoint is refused without a trace.</summary>
public class GpuCheckpointTests
{
    private static void AssertSameRun(ISimulation expected, ISimulation actual, (Snn.Core.Network Network, Snn.Core.Projection Plastic, Snn.Core.Monitors.SpikeMonitor Spikes, Snn.Core.Monitors.WeightMonitor Weights, Snn.Core.Plasticity.Modulator Modulator) built)
    {
        Assert.Equal(expected.StepCount, actual.StepCount);
        SimulationHelpers.AssertSameSpikes(expected.GetSpikes(built.Spikes), actual.GetSpikes(built.Spikes));
        SimulationHelpers.AssertBitIdentical(expected.GetWeights(built.Plastic), actual.GetWeights(built.Plastic));
        Assert.Equal(expected.GetModulator(built.Modulator), actual.GetModulator(built.Modulator));
    }

    [Fact]
    public void GpuCheckpointRestoredOnTheGpuContinuesAsAnUninterruptedRun()
    {
        var built = GpuTestNetworks.Plastic(seed: 21);
        using var whole = GpuTestSupport.Compile(built.Network, CpuEmulationPreset.Default);
        whole.Run(4.5);
        using var saved = new MemoryStream();
        whole.SaveCheckpoint(saved);
        whole.Run(5);
        using var resumed = GpuTestSupport.Compile(built.Network, CpuEmulationPreset.Nvidia);
        saved.Position = 0;
        resumed.RestoreCheckpoint(saved);
        resumed.Run(5);
        AssertSameRun(whole, resumed, built);
    }

    [Fact]
    public void CheckpointsMoveBetweenTheCpuAndGpuEngines()
    {
        var built = GpuTestNetworks.Plastic(seed: 22);
        using var cpu = SimulationHelpers.Compile(built.Network);
        cpu.Run(4.5);
        using var fromCpu = new MemoryStream();
        cpu.SaveCheckpoint(fromCpu);
        using var gpu = GpuTestSupport.Compile(built.Network, CpuEmulationPreset.Default);
        fromCpu.Position = 0;
        gpu.RestoreCheckpoint(fromCpu);
        cpu.Run(4);
        gpu.Run(4);
        AssertSameRun(cpu, gpu, built);
        using var fromGpu = new MemoryStream();
        gpu.SaveCheckpoint(fromGpu);
        using var back = SimulationHelpers.Compile(built.Network);
        fromGpu.Position = 0;
        back.RestoreCheckpoint(fromGpu);
        cpu.Run(3);
        back.Run(3);
        AssertSameRun(cpu, back, built);
    }

    [Fact]
    public void ACheckpointWithASpikeArrivingBeforeItsStepIsRefusedAndTheRunGoesOnAsIfNeverAsked()
    {
        var built = GpuTestNetworks.Plastic(seed: 23);
        using var whole = GpuTestSupport.Compile(built.Network, CpuEmulationPreset.Default);
        whole.Run(10);
        using var gpu = GpuTestSupport.Compile(built.Network, CpuEmulationPreset.Default);
        gpu.Run(4.5);
        using var saved = new MemoryStream();
        gpu.SaveCheckpoint(saved);
        long taken = gpu.StepCount;
        var corrupt = WithFirstPendingSpikeArrivingAt(saved.ToArray(), taken, taken - 1);
        gpu.Run(1.5);

        var error = Assert.Throws<InvalidDataException>(() => gpu.RestoreCheckpoint(new MemoryStream(corrupt)));

        Assert.Contains($"arrives in step {taken - 1}", error.Message);
        gpu.Run(4);
        AssertSameRun(whole, gpu, built);
    }

    /// <summary>The checkpoint <paramref name="bytes"/>, taken at <paramref name="step"/>, with its first pending
    /// plastic spike moved to arrive at <paramref name="arrival"/> and the checksum made valid again. The
    /// pending spikes are the one pair of equally long arrays (synapse ints, then arrival longs in the next
    /// few steps) in the checkpoint.</summary>
    private static byte[] WithFirstPendingSpikeArrivingAt(byte[] bytes, long step, long arrival)
    {
        var copy = (byte[])bytes.Clone();
        int body = copy.Length - sizeof(ulong);
        for (int at = 0; at + 8 <= body; at++)
        {
            long count = BinaryPrimitives.ReadInt64LittleEndian(copy.AsSpan(at));
            long stepsAt = at + 8 + 4 * count;
            if (count <= 0 || count > 4096 || stepsAt + 8 + 8 * count > body
                || BinaryPrimitives.ReadInt64LittleEndian(copy.AsSpan((int)stepsAt)) != count)
            {
                continue;
            }
            var arrivals = Enumerable.Range(0, (int)count).Select(i => BinaryPrimitives.ReadInt64LittleEndian(copy.AsSpan((int)stepsAt + 8 + 8 * i)));
            if (arrivals.All(a => a >= step && a < step + 8))
            {
                BinaryPrimitives.WriteInt64LittleEndian(copy.AsSpan((int)stepsAt + 8), arrival);
                BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan(body), Fnv1a.Hash(copy.AsSpan(0, body)));
                return copy;
            }
        }
        throw new InvalidOperationException("The checkpoint holds no pending plastic spike.");
    }
}
