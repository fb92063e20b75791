using Snn.Core;

namespace Snn.Backends.Engine;

/// <summary>
/// The phases an engine supplies to <see cref="EngineCore"/>'s step loop; everything else (neuron
/// update, plastic arrivals and postsynaptic events, recording, modulators, periodic rule updates,
/// weight snapshots) is the core's. The CPU engine delivers with threads over partitions, the
/// crossbar engine through its tile read path, the MPI engine through the interval all-gather.
/// </summary>
internal interface IEnginePhases
{
    /// <summary>Inputs phase: sets the injected currents of partition <paramref name="part"/>'s neurons for
    /// <paramref name="step"/>.</summary>
    void ApplyCurrents(int part, long step);

    /// <summary>Runs after this step's plastic arrivals, before the Poisson drives and the neuron update
    /// (the crossbar engine reads the rows of its plastic tile sets here).</summary>
    void AfterPlasticArrivals(int part, long step, int slot);

    /// <summary>Delivery phase: walks the spikes of <paramref name="step"/> (<see cref="EngineCore.Fired"/> of
    /// <paramref name="buffer"/>, every partition's) through partition <paramref name="part"/>'s synapses into the
    /// delay ring at ring slot <paramref name="slot"/> plus each delay, and hands them to the plastic projections
    /// (<see cref="EngineCore.DeliverPlastic"/>).</summary>
    void Deliver(int part, long step, int slot, int buffer);

    /// <summary>Synapses of the static projection <paramref name="projection"/> (the whole projection).</summary>
    int StaticSynapseCount(Projection projection);

    /// <summary>Copies the weights of the static projection <paramref name="projection"/> held by this process
    /// into <paramref name="row"/> (generation order), inside the step loop: no communication.</summary>
    void SampleStaticWeights(Projection projection, float[] row);
}
