using Snn.Backends.Gpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Inputs;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Gpu;

/// <summary>
/// Without a GPU, ILGPU's PTX and OpenCL back ends still compile the kernels: every Core neuron
/// model, spike replay and an unmanaged plasticity rule compile to CUDA and OpenCL code from the
/// same structs the CPU engine runs. (The CPU accelerator runs the .NET code of a kernel as it is,
/// so only this proves that the device compilers accept it.)
/// </summary>
public class GpuKernelSourceTests
{
    internal static Network EveryModel()
    {
        var network = new Network(1);
        var input = network.AddPoissonInput("input", 4, 10);
        var lif = network.AddPopulation("lif", 4, new LifCurrent());
        network.AddPopulation("cond", 4, new LifConductance());
        network.AddPopulation("izh", 4, Izhikevich.RegularSpiking);
        network.AddSpikeSource("replay", [[1.0]]);
        var reward = network.AddModulator("reward", 10);
        network.Connect(input, lif, Connectivity.AllToAll(), Synapse.Excitatory(1.0)).WithPlasticity(new TestStdp { PeriodMs = 1 }, reward);
        network.Inject(lif, new NoiseCurrent(1, 1));
        return network;
    }

    [Theory]
    [InlineData(GpuKernelLanguage.Ptx, ".entry")]
    [InlineData(GpuKernelLanguage.OpenClC, "kernel void")]
    public void CoreModelsAndAnUnmanagedRuleCompileForGpus(GpuKernelLanguage language, string entryMarker)
    {
        var sources = GpuBackend.GenerateKernelSource(EveryModel(), language);
        string[] expected =
        [
            "UpdateNeurons<PoissonSource>", "UpdateNeurons<LifCurrent>", "UpdateNeurons<LifConductance>", "UpdateNeurons<Izhikevich>",
            "ReplaySpikeTimes", "Arrivals<TestStdp>", "PostSpikes<TestStdp>", "Periodic<TestStdp>", "DeliverStatic", "AddCurrent", "Drive",
        ];
        foreach (string kernel in expected)
        {
            var source = Assert.Single(sources, s => s.Kernel == kernel);
            Assert.Contains(entryMarker, source.Source);
        }
    }
}
