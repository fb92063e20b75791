using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Distribution.Tests.Packages;

/// <summary>The network the packaging test runs twice: in this test process against the projects,
/// and in a fresh console program against the packed packages. This file is compiled into both.</summary>
public static class ConsumerNetwork
{
    /// <summary>160 self-driven LIF neurons (EL above threshold) with recurrent excitation, 200 ms on
    /// the CPU engine; returns the number of spikes.</summary>
    public static int CountSpikes()
    {
        var net = new Network(seed: 7);
        var lif = new LifCurrent { TauM = 20, EL = -49, VThreshold = -50, VReset = -60, RefractoryPeriod = 5, TauSynE = 5, TauSynI = 10 };
        var exc = net.AddPopulation("exc", 160, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        net.Connect(exc, exc, Connectivity.Probability(0.1), Synapse.Excitatory(weight: 16, delay: Dist.Uniform(1, 3)));
        var spikes = net.RecordSpikes(exc);
        using var simulation = new CpuBackend().Compile(net);
        simulation.Run(200);
        return simulation.GetSpikes(spikes).Count;
    }
}
