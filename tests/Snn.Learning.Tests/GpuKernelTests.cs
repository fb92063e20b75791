using Snn.Backends.Gpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Plasticity;
using Snn.Learning.Homeostasis;
using Snn.Learning.Plasticity;
using Snn.Learning.Reservoir;

namespace Snn.Learning.Tests;

/// <summary>Every rule and model of Snn.Learning compiles into GPU kernels (checked offline, without a GPU).</summary>
public class GpuKernelTests
{
    public static TheoryData<string> Rules => ["pair", "triplet", "inhibitory", "reward", "hebbian", "scaling", "astrocyte"];

    private static Network WithRule<TRule>(TRule rule) where TRule : struct, IPlasticityRule<TRule>
    {
        var network = new Network(seed: 1);
        var input = network.AddPoissonInput("input", 10, 10);
        var neurons = network.AddPopulation("neurons", 10, new AdaptiveThresholdLif());
        var modulator = network.AddModulator("signal", 100);
        network.Connect(input, neurons, Connectivity.AllToAll(), Synapse.Excitatory(1.0)).WithPlasticity(rule, modulator);
        return network;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void RuleCompilesToPtxAndOpenCl(string name)
    {
        Network Build() => name switch
        {
            "pair" => WithRule(new PairStdp()),
            "triplet" => WithRule(TripletStdp.VisualCortex),
            "inhibitory" => WithRule(new InhibitoryStdp()),
            "reward" => WithRule(new RewardModulatedStdp()),
            "hebbian" => WithRule(new ErrorModulatedHebbian()),
            "astrocyte" => WithRule(new AstrocyteStdp { WindowSteps = 20 }),
            _ => WithRule(new SynapticScaling()),
        };
        Assert.NotEmpty(GpuBackend.GenerateKernelSource(Build(), GpuKernelLanguage.Ptx));
        Assert.NotEmpty(GpuBackend.GenerateKernelSource(Build(), GpuKernelLanguage.OpenClC));
    }
}
