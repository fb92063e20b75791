using Snn.Backends.Cpu;
using Snn.Backends.Gpu;
using Snn.Experiments.Nalsm;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Tests.Nalsm;

/// <summary>
/// The NALSM liquid on the GPU engine (ILGPU's CPU accelerator): astrocyte-modulated STDP with the
/// authors' last-spike kernel initialises the liquid to the CPU engine's weights bit for bit, and
/// the presentations give the CPU engine's spike counts, so the protocol can move to a GPU machine.
/// </summary>
public class LiquidGpuTests
{
    private static readonly NalsmOptions Options = new()
    {
        Liquid = LiquidSimulatorTests.Small, Mode = ReservoirMode.Astrocyte, InitializationSamples = 6, InitializationMs = 20, PresentationMs = 60, BranchingMarginMs = 5,
        ChunkSamples = 3, Workers = 1, BranchingSamples = 3,
    };

    [Fact]
    public void PlasticLiquidOnTheGpuEngineGivesTheCpuEnginesWeightsAndCounts()
    {
        var topology = LiquidTopology.Build(LiquidSimulatorTests.Small);
        var inputs = LiquidSimulatorTests.RandomInputs(6);
        var cpu = new LiquidSimulator(topology, Options, new CpuBackend(new CpuBackendOptions { Threads = 1 }));
        var gpu = new LiquidSimulator(topology, Options, new GpuBackend(new GpuBackendOptions { Accelerator = GpuAccelerator.Cpu }));
        cpu.Initialize(inputs);
        gpu.Initialize(inputs);
        Assert.NotEqual(topology.Input.Weights, cpu.Weights[2]);
        for (int g = 0; g < 3; g++)
        {
            Assert.Equal(cpu.Weights[g].Select(BitConverter.SingleToInt32Bits), gpu.Weights[g].Select(BitConverter.SingleToInt32Bits));
        }
        var expected = cpu.Present(inputs[..3], 0);
        var actual = gpu.Present(inputs[..3], 0);
        Assert.True(expected.Counts.Sum(c => c.Sum()) > 100, "too few spikes to compare");
        Assert.Equal(expected.Counts, actual.Counts);
    }
}
