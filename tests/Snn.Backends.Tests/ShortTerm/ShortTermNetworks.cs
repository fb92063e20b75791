using Snn.Backends.Tests.Gpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;

namespace Snn.Backends.Tests.ShortTerm;

/// <summary>A small recurrent network with short-term plasticity of every kind on random weights and
/// delays (so any change in a transmitted weight or the order of sums changes spikes): Poisson input
/// with depressing synapses, excitatory recurrence with facilitating ones, a plastic (STDP)
/// projection with short-term plasticity too, and static inhibition.</summary>
internal static class ShortTermNetworks
{
    public sealed record Probe(Network Network, SpikeMonitor Excitatory, SpikeMonitor Inhibitory, Projection[] Projections);

    public static Probe Recurrent(ulong seed, int size = 240, bool shortTerm = true, bool plastic = true)
    {
        var network = new Network(seed, 0.1);
        var model = new LifCurrent { TauM = 20, TauSynE = 5, TauSynI = 10, EL = -60, VThreshold = -50, VReset = -60, RefractoryPeriod = 2 };
        var exc = network.AddPopulation("exc", size, model);
        var inh = network.AddPopulation("inh", size / 4, model);
        exc.WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        var input = network.AddPoissonInput("input", 80, 40);
        var projections = new List<Projection>
        {
            network.Connect(input, exc, Connectivity.FixedInDegree(12), Synapse.Excitatory(Dist.Uniform(200, 400), Dist.Uniform(0.5, 3))),
            network.Connect(exc, exc, Connectivity.Probability(0.05), Synapse.Excitatory(Dist.Uniform(50, 150), Dist.Uniform(0.5, 4))),
            network.Connect(exc, inh, Connectivity.Probability(0.1), Synapse.Excitatory(Dist.Uniform(50, 150), 1)),
            network.Connect(inh, exc, Connectivity.Probability(0.1), Synapse.Inhibitory(Dist.Uniform(-300, -100), Dist.Uniform(0.5, 2))),
        };
        if (plastic)
        {
            projections.Add(network.Connect(exc, exc, Connectivity.Probability(0.03), Synapse.Excitatory(Dist.Uniform(50, 150), Dist.Uniform(1, 6)))
                .WithPlasticity(new TestStdp { APlus = 5, AMinus = 6, WMax = 300 }));
        }
        if (shortTerm)
        {
            projections[0].WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.5, 150));
            projections[1].WithShortTermPlasticity(ShortTermPlasticity.Facilitating(0.15, 100, 400));
            if (plastic)
            {
                projections[4].WithShortTermPlasticity(ShortTermPlasticity.Facilitating(0.3, 50, 100));
            }
        }
        return new Probe(network, network.RecordSpikes(exc), network.RecordSpikes(inh), [.. projections]);
    }
}
