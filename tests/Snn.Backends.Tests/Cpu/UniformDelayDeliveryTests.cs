using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// When every synapse has the same delay the engine delivers a spike's row straight into one ring
/// slot without reading the delays. The same network with one more projection, from a source that
/// never fires and with another delay, takes the general walk (per-synapse delays, a longer ring);
/// that projection carries nothing, so both must give the same spikes and bit-identical states.
/// The weights are random (N(w, (w/10)²)) so that a change in the order in which a target's inputs
/// are summed would show.
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class UniformDelayDeliveryTests
{
    private const int Size = 2000;
    private const double Duration = 300;

    private static (SpikeRecord Excitatory, SpikeRecord Inhibitory, StateRecord State) Run(int threads, double delayMs, bool silentProjection)
    {
        var network = new Network(42, dt: 0.1);
        var model = new LifCurrent { CM = 250, TauM = 20, TauSynE = 5, TauSynI = 10, EL = -49, VThreshold = -50, VReset = -60, RefractoryPeriod = 5 };
        var excitatory = network.AddPopulation("exc", Size * 4 / 5, model);
        var inhibitory = network.AddPopulation("inh", Size / 5, model);
        foreach (var population in new Population[] { excitatory, inhibitory })
        {
            population.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        }
        double toCurrent = model.CM / model.TauM;
        foreach (var source in new Population[] { excitatory, inhibitory })
        {
            double weight = source == excitatory ? 1.62 * toCurrent : -9 * toCurrent;
            var weights = Dist.Normal(weight, Math.Abs(weight) / 10);
            var synapse = source == excitatory ? Synapse.Excitatory(weights, delayMs) : Synapse.Inhibitory(weights, delayMs);
            network.Connect(source, excitatory, Connectivity.Probability(80.0 / Size, allowAutapses: true), synapse);
            network.Connect(source, inhibitory, Connectivity.Probability(80.0 / Size, allowAutapses: true), synapse);
        }
        if (silentProjection)
        {
            var silent = network.AddSpikeSource("silent", [[]]);
            network.Connect(silent, excitatory, Connectivity.AllToAll(), Synapse.Excitatory(100.0, delayMs + 1.9));
        }
        var excitatorySpikes = network.RecordSpikes(excitatory);
        var inhibitorySpikes = network.RecordSpikes(inhibitory);
        var v = network.RecordState(excitatory, StateVariable.V, intervalMs: 10);
        using var simulation = SimulationHelpers.Compile(network, threads);
        simulation.Run(Duration);
        return (simulation.GetSpikes(excitatorySpikes), simulation.GetSpikes(inhibitorySpikes), simulation.GetState(v));
    }

    [Theory]
    [InlineData(1, 0.1)]
    [InlineData(2, 0.1)]
    [InlineData(3, 1.5)]
    public void UniformDelayDeliveryEqualsTheGeneralWalk(int threads, double delayMs)
    {
        var uniform = Run(threads, delayMs, silentProjection: false);
        Assert.True(uniform.Excitatory.MeanRate() > 1, $"the probe network is nearly silent ({uniform.Excitatory.MeanRate()} Hz)");
        var general = Run(threads, delayMs, silentProjection: true);
        SimulationHelpers.AssertSameSpikes(uniform.Excitatory, general.Excitatory);
        SimulationHelpers.AssertSameSpikes(uniform.Inhibitory, general.Inhibitory);
        SimulationHelpers.AssertSameStates(uniform.State, general.State);
    }
}
