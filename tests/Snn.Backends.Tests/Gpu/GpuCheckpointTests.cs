using Snn.Backends.Gpu;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Gpu;

/// <summary>Checkpoints of the GPU engine: a restored run continues as if never stopped, and the
/// GPU and CPU engines read each other's checkpoints (same format), presynaptic spikes still
/// travelling to plastic synapses included.</summary>
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
}
