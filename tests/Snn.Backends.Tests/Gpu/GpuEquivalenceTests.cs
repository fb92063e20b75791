using Snn.Backends.Gpu;
using Snn.Core.Models;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Gpu;

/// <summary>
/// The GPU engine (on ILGPU's CPU accelerator, under both emulated GPU shapes) against the CPU
/// engine: same network, same seed, same spikes and bit-identical state, wherever the float sums
/// into a neuron cannot depend on the order of the device's atomic adds (weights that add up
/// exactly, or at most one synaptic input per neuron and step). On the CPU accelerator the rest of
/// the arithmetic is the .NET code itself; see the README for what differs on a real GPU.
/// </summary>
public class GpuEquivalenceTests
{
    [Theory]
    [MemberData(nameof(GpuTestSupport.Presets), MemberType = typeof(GpuTestSupport))]
    public void RecurrentCubaNetworkGivesTheCpuEnginesSpikesAndVoltages(CpuEmulationPreset preset)
    {
        var cpu = SimulationHelpers.Cuba(300, seed: 7);
        var gpu = SimulationHelpers.Cuba(300, seed: 7);
        var cpuV = cpu.Network.RecordState(cpu.Excitatory, StateVariable.V, [0, 5, 100], intervalMs: 0.5);
        var gpuV = gpu.Network.RecordState(gpu.Excitatory, StateVariable.V, [0, 5, 100], intervalMs: 0.5);
        var cpuRate = cpu.Network.RecordRate(cpu.Inhibitory);
        var gpuRate = gpu.Network.RecordRate(gpu.Inhibitory);
        using var reference = SimulationHelpers.Run(cpu.Network, 12);
        using var simulation = GpuTestSupport.Compile(gpu.Network, preset, monitorBatchSteps: 7);
        simulation.Run(5);
        simulation.Run(7);
        var expected = reference.GetSpikes(cpu.ExcitatorySpikes);
        Assert.True(expected.Count > 15, $"the probe network is nearly silent ({expected.Count} spikes)");
        SimulationHelpers.AssertSameSpikes(expected, simulation.GetSpikes(gpu.ExcitatorySpikes));
        SimulationHelpers.AssertSameSpikes(reference.GetSpikes(cpu.InhibitorySpikes), simulation.GetSpikes(gpu.InhibitorySpikes));
        SimulationHelpers.AssertSameSpikes(reference.GetSpikes(cpu.ExcitatorySpikes, sinceMs: 6), simulation.GetSpikes(gpu.ExcitatorySpikes, sinceMs: 6));
        SimulationHelpers.AssertSameStates(reference.GetState(cpuV), simulation.GetState(gpuV));
        Assert.Equal(reference.GetRate(cpuRate).Counts, simulation.GetRate(gpuRate).Counts);
    }

    [Theory]
    [MemberData(nameof(GpuTestSupport.Presets), MemberType = typeof(GpuTestSupport))]
    public void EveryNeuronModelGivesTheCpuEnginesSpikesWithRandomWeightsAndDelays(CpuEmulationPreset preset)
    {
        var cpu = GpuTestNetworks.AllModels(seed: 11);
        var gpu = GpuTestNetworks.AllModels(seed: 11);
        using var reference = SimulationHelpers.Run(cpu.Network, 12);
        using var simulation = GpuTestSupport.Compile(gpu.Network, preset);
        simulation.Run(12);
        for (int p = 0; p < cpu.Spikes.Length; p++)
        {
            var expected = reference.GetSpikes(cpu.Spikes[p]);
            Assert.True(expected.Count > 5, $"population {cpu.Spikes[p].Population.Name} is nearly silent ({expected.Count} spikes)");
            SimulationHelpers.AssertSameSpikes(expected, simulation.GetSpikes(gpu.Spikes[p]));
        }
        for (int m = 0; m < cpu.States.Length; m++)
        {
            SimulationHelpers.AssertSameStates(reference.GetState(cpu.States[m]), simulation.GetState(gpu.States[m]));
        }
    }

    [Fact]
    public void InjectedCurrentsGiveTheCpuEnginesVoltagesBitForBit()
    {
        var cpu = GpuTestNetworks.Injected(seed: 3);
        var gpu = GpuTestNetworks.Injected(seed: 3);
        using var reference = SimulationHelpers.Run(cpu.Network, 14);
        using var simulation = GpuTestSupport.Compile(gpu.Network, CpuEmulationPreset.Default);
        simulation.Run(14);
        Assert.True(reference.GetSpikes(cpu.Spikes).Count > 10, "the injected currents should make the neurons fire");
        SimulationHelpers.AssertSameSpikes(reference.GetSpikes(cpu.Spikes), simulation.GetSpikes(gpu.Spikes));
        SimulationHelpers.AssertSameStates(reference.GetState(cpu.Voltage), simulation.GetState(gpu.Voltage));
        SimulationHelpers.AssertSameStates(reference.GetState(cpu.Current), simulation.GetState(gpu.Current));
    }

    [Theory]
    [MemberData(nameof(GpuTestSupport.Presets), MemberType = typeof(GpuTestSupport))]
    public void PlasticProjectionLearnsTheCpuEnginesWeights(CpuEmulationPreset preset)
    {
        var cpu = GpuTestNetworks.Plastic(seed: 5);
        var gpu = GpuTestNetworks.Plastic(seed: 5);
        using var reference = SimulationHelpers.Run(cpu.Network, 12);
        using var simulation = GpuTestSupport.Compile(gpu.Network, preset);
        simulation.Run(12);
        var before = cpu.Network.Projections[0].Instantiate().Weights;
        var learned = reference.GetWeights(cpu.Plastic);
        Assert.NotEqual(before, learned);
        SimulationHelpers.AssertBitIdentical(learned, simulation.GetWeights(gpu.Plastic));
        SimulationHelpers.AssertSameSpikes(reference.GetSpikes(cpu.Spikes), simulation.GetSpikes(gpu.Spikes));
        var expectedSnapshots = reference.GetWeights(cpu.Weights);
        var actualSnapshots = simulation.GetWeights(gpu.Weights);
        Assert.Equal(expectedSnapshots.Times, actualSnapshots.Times);
        for (int s = 0; s < expectedSnapshots.Snapshots.Length; s++)
        {
            SimulationHelpers.AssertBitIdentical(expectedSnapshots.Snapshots[s], actualSnapshots.Snapshots[s]);
        }
        Assert.Equal(reference.GetModulator(cpu.Modulator), simulation.GetModulator(gpu.Modulator));
    }

    [Fact]
    public void SetWeightsAndModulatorsChangeTheRunAsOnTheCpuEngine()
    {
        var cpu = GpuTestNetworks.Plastic(seed: 9);
        var gpu = GpuTestNetworks.Plastic(seed: 9);
        using var reference = SimulationHelpers.Compile(cpu.Network);
        using var simulation = GpuTestSupport.Compile(gpu.Network, CpuEmulationPreset.Default);
        foreach (var run in new ISimulation[] { reference, simulation })
        {
            var projection = run.Network.Projections[0];
            var weights = run.GetWeights(projection);
            for (int s = 0; s < weights.Length; s++)
            {
                weights[s] = s % 3 == 0 ? 0 : weights[s] * 2;
            }
            run.SetWeights(projection, weights);
            run.SetModulator(run.Network.Modulators[0], 0.5);
            run.Run(6);
        }
        SimulationHelpers.AssertBitIdentical(reference.GetWeights(cpu.Plastic), simulation.GetWeights(gpu.Plastic));
        SimulationHelpers.AssertSameSpikes(reference.GetSpikes(cpu.Spikes), simulation.GetSpikes(gpu.Spikes));
        Assert.Equal(reference.GetModulator(cpu.Modulator), simulation.GetModulator(gpu.Modulator));
    }
}
