using Snn.Backends.Gpu;
using Snn.Backends.Tests.Gpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.ShortTerm;

/// <summary>
/// Short-term plasticity on the GPU engine (ILGPU's CPU accelerator): the transmitted weights of a
/// train follow the integrated model and equal the CPU engine's bit for bit; a layer whose neurons
/// each receive one train (so no sum depends on the order of atomic adds) gives the CPU engine's
/// spikes and currents, also after a checkpoint taken mid-run (plastic projections with short-term
/// plasticity: <see cref="ShortTermGpuPlasticTests"/>).
/// </summary>
public class ShortTermGpuTests
{
    private static ISimulation Gpu(Network network) => GpuTestSupport.Compile(network, CpuEmulationPreset.Default);

    [Fact]
    public void TrainAmplitudesFollowTheModelAndEqualTheCpuEngines()
    {
        const double weight = 10;
        var times = ShortTermProbe.Irregular(16, 3);
        var (cpuNetwork, cpuCurrent) = ShortTermProbe.Build(times, weight, new ShortTermPlasticity(0.3, 60, 120), 2);
        var (gpuNetwork, gpuCurrent) = ShortTermProbe.Build(times, weight, new ShortTermPlasticity(0.3, 60, 120), 2);
        using var cpu = SimulationHelpers.Run(cpuNetwork, times[^1] + 3);
        using var gpu = Gpu(gpuNetwork);
        gpu.Run(times[^1] + 3);

        var amplitudes = ShortTermProbe.Amplitudes(gpu, gpuCurrent, times.Length);
        ShortTermProbe.AssertClose(ShortTermProbe.Integrate(times, weight, 0.3, 60, 120), amplitudes, 1e-4, "gpu");
        SimulationHelpers.AssertSameStates(cpu.GetState(cpuCurrent), gpu.GetState(gpuCurrent));
    }

    /// <summary>12 LIF neurons, each driven by its own replayed train through one of three projections
    /// (depressing, facilitating, last-spike with a reset interval), strong enough to fire them.</summary>
    private static (Network Network, SpikeMonitor Spikes, StateMonitor Current) Layer()
    {
        var network = new Network(4, 0.1);
        var random = new Random(12);
        var trains = Enumerable.Range(0, 12).Select(_ =>
        {
            var times = new List<double>();
            for (double t = 1 + random.Next(30) * 0.1; t < 200; t += 0.2 + random.Next(60) * 0.1)
            {
                times.Add(Math.Round(t, 1));
            }
            return times.ToArray();
        }).ToArray();
        var source = network.AddSpikeSource("trains", trains);
        var layer = network.AddPopulation("layer", 12, new LifCurrent { TauM = 10, TauSynE = 3, VThreshold = -60, RefractoryPeriod = 1 });
        var kinds = new[]
        {
            ShortTermPlasticity.Depressing(0.6, 120),
            ShortTermPlasticity.Facilitating(0.1, 50, 300),
            ShortTermPlasticity.LastSpike(2) with { ResetIntervalMs = 40 },
        };
        for (int k = 0; k < 3; k++)
        {
            var pairs = Enumerable.Range(0, 4).Select(i => 4 * k + i).ToArray();
            network.Connect(source, layer, Connectivity.Pairs(pairs, pairs), Synapse.Excitatory(Dist.Uniform(800, 2000), Dist.Uniform(0.1, 3)))
                .WithShortTermPlasticity(kinds[k]);
        }
        return (network, network.RecordSpikes(layer), network.RecordState(layer, StateVariable.SynE, intervalMs: 1));
    }

    [Fact]
    public void LayerGivesTheCpuEnginesSpikesAndCurrentsAcrossACheckpoint()
    {
        var cpu = Layer();
        using var reference = SimulationHelpers.Run(cpu.Network, 200);
        var expected = reference.GetSpikes(cpu.Spikes);
        Assert.True(expected.Count > 80, $"the layer is nearly silent ({expected.Count} spikes)");

        var first = Layer();
        using var gpu = Gpu(first.Network);
        gpu.Run(90);
        using var checkpoint = new MemoryStream();
        gpu.SaveCheckpoint(checkpoint);
        gpu.Run(110);
        SimulationHelpers.AssertSameSpikes(expected, gpu.GetSpikes(first.Spikes));
        SimulationHelpers.AssertSameStates(reference.GetState(cpu.Current), gpu.GetState(first.Current));

        var second = Layer();
        using var restored = Gpu(second.Network);
        restored.RestoreCheckpoint(new MemoryStream(checkpoint.ToArray()));
        restored.Run(110);
        SimulationHelpers.AssertSameSpikes(expected, restored.GetSpikes(second.Spikes));

        var third = Layer();
        using var fromGpu = SimulationHelpers.Compile(third.Network);
        fromGpu.RestoreCheckpoint(new MemoryStream(checkpoint.ToArray()));
        fromGpu.Run(110);
        SimulationHelpers.AssertSameSpikes(expected, fromGpu.GetSpikes(third.Spikes));
    }

    /// <summary>Without a GPU, ILGPU's PTX and OpenCL back ends compile the short-term kernels (the
    /// CPU accelerator runs their .NET code as it is, so only this shows the device compilers accept them).</summary>
    [Theory]
    [InlineData(GpuKernelLanguage.Ptx, ".entry")]
    [InlineData(GpuKernelLanguage.OpenClC, "kernel void")]
    public void ShortTermKernelsCompileForGpus(GpuKernelLanguage language, string entryMarker)
    {
        var sources = GpuBackend.GenerateKernelSource(Layer().Network, language);
        foreach (string kernel in new[] { "Emit", "Deliver" })
        {
            var source = Assert.Single(sources, s => s.Kernel == kernel);
            Assert.Contains(entryMarker, source.Source);
        }
    }
}
