using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Simulation;
using Snn.Learning.Plasticity;

namespace Snn.Learning.Tests;

/// <summary>The C# example of the README, kept compiling and running.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void ReadmeNetworkRunsAndLearns()
    {
        var net = new Network(seed: 42);
        var lif = new LifCurrent { TauM = 20, EL = -49, VThreshold = -50, VReset = -60, RefractoryPeriod = 5, TauSynE = 5, TauSynI = 10 };
        var exc = net.AddPopulation("exc", 3200, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        var inh = net.AddPopulation("inh", 800, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        var ee = net.Connect(exc, exc, Connectivity.Probability(0.02), Synapse.Excitatory(weight: 20, delay: 1.0))
            .WithPlasticity(new PairStdp { APlus = 0.2, AMinus = 0.21, WMax = 40 });
        net.Connect(exc, inh, Connectivity.Probability(0.02), Synapse.Excitatory(weight: 20, delay: 1.0));
        net.Connect(inh, exc, Connectivity.Probability(0.02), Synapse.Inhibitory(weight: -112, delay: Dist.Uniform(1, 5)));
        var spikes = net.RecordSpikes(exc);
        using var sim = new CpuBackend().Compile(net);
        sim.Run(200);

        double rate = sim.GetSpikes(spikes).MeanRate();
        Assert.InRange(rate, 0.1, 100);
        Assert.NotEqual(ee.Instantiate().Weights, sim.GetWeights(ee));
    }
}
