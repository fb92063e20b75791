using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.EventDriven;

/// <summary>
/// The exact event-driven engine (Brette et al. 2007, "Simulation of networks of spiking neurons: a
/// review of tools and strategies", §2.2; Brette 2007 for exponential currents): continuous spike
/// times in a priority queue with deterministic tie-breaking, analytic LIF between events (no time
/// step), per-synapse continuous delays. Supported: <see cref="Snn.Core.Models.LifCurrent"/>,
/// <see cref="Snn.Core.Models.PoissonSource"/> and spike-source populations, static synapses,
/// <see cref="Snn.Core.Inputs.DcCurrent"/> injections, spike, rate and state monitors. Not
/// supported (compile throws <see cref="NotSupportedException"/>): other neuron models, plasticity, Poisson drives,
/// modulators, weight monitors, other current sources; checkpoints throw when called.
/// </summary>
public sealed class EventDrivenBackend : IBackend
{
    /// <inheritdoc />
    public string Name => "event-driven";

    /// <inheritdoc />
    public SimulationCapabilities Capabilities => SimulationCapabilities.WeightReading | SimulationCapabilities.WeightWriting;

    /// <inheritdoc />
    public ISimulation Compile(Network network) => CompileExact(network);

    /// <summary>Compiles <paramref name="network"/> and returns the engine's own type, which also
    /// gives exact spike times (<see cref="EventSimulation.GetExactSpikes"/>).</summary>
    /// <param name="network">The network.</param>
    public EventDrivenSimulation CompileExact(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        NetworkSupport.RequireStaticNetwork(network, Name);
        NetworkSupport.RequireDcInjectionsOnly(network, Name);
        network.Seal();
        return new EventDrivenSimulation(network);
    }
}
