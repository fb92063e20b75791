using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>How an engine lays the network out for <see cref="EngineCore"/>.</summary>
/// <param name="Ranges">Per partition (one thread each), the global neuron ranges [Start, End) it updates, ascending.</param>
/// <param name="UseBlockUpdate">Whether models with a block update use it.</param>
/// <param name="PlasticFactory">Builds each plastic projection's dispatcher with the engine's weight store.</param>
/// <param name="StaticMaxDelay">The longest delay of the static synapses (steps, at least 1).</param>
/// <param name="StateRecorder">Builds the engine's buffer of a state monitor.</param>
/// <param name="RecordFired">Whether the core logs recorded spikes as they fire (false where the engine logs
/// them at delivery, as the MPI engine does with every rank's spikes).</param>
internal sealed record EngineSetup(
    (int Start, int End)[][] Ranges,
    bool UseBlockUpdate,
    IPlasticityVisitor<PlasticProjection> PlasticFactory,
    int StaticMaxDelay,
    Func<StateMonitor, IStateRecorder> StateRecorder,
    bool RecordFired = true);
