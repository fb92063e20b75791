using Snn.Core;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// The recurrent excitatory-inhibitory LIF network that the synapse-matrix partition tests wire up
/// in different ways, and the run they share: one, two and three threads must give the first run's spikes.
/// </summary>
internal static class PartitionProbe
{
    /// <summary>The neuron model of both populations (CUBA-like, tonically near threshold).</summary>
    public static readonly LifCurrent Model = new() { CM = 250, TauM = 20, TauSynE = 5, TauSynI = 10, EL = -49, VThreshold = -50, VReset = -60, RefractoryPeriod = 5 };

    /// <summary>pA per mV of a weight given as a voltage jump: C_m / τ_m.</summary>
    public static double ToCurrent => Model.CM / Model.TauM;

    /// <summary>A network with the two populations, membranes uniform in [reset, threshold].</summary>
    public static (Network Network, Population Excitatory, Population Inhibitory) Create(ulong seed, int excitatory, int inhibitory)
    {
        var network = new Network(seed, dt: 0.1);
        var excitatoryPopulation = network.AddPopulation("exc", excitatory, Model);
        var inhibitoryPopulation = network.AddPopulation("inh", inhibitory, Model);
        foreach (var population in new[] { excitatoryPopulation, inhibitoryPopulation })
        {
            population.WithInitial(StateVariable.V, Dist.Uniform(Model.VReset, Model.VThreshold));
        }
        return (network, excitatoryPopulation, inhibitoryPopulation);
    }

    /// <summary>
    /// Asserts that <paramref name="record"/> is the first run's spikes, or makes it the first run
    /// after checking that the network is not nearly silent.
    /// </summary>
    public static void AssertSameAsFirst(ref SpikeRecord? first, SpikeRecord record)
    {
        if (first is null)
        {
            Assert.True(record.MeanRate() > 1, $"the probe network is nearly silent ({record.MeanRate()} Hz)");
            first = record;
        }
        else
        {
            SimulationHelpers.AssertSameSpikes(first, record);
        }
    }
}
