namespace Snn.Backends.Engine;

/// <summary>
/// The named phases of one simulation step, as <see cref="StepLoop.Run"/> calls them in order. The
/// engine core supplies them for the CPU-side engines (per partition, with the engine's own
/// <see cref="IEnginePhases"/>); the GPU engine supplies them as device kernel launches. Every method
/// gets the step k and its delay-ring slot k mod slots.
/// </summary>
internal interface IStepPhases
{
    /// <summary>Inputs: the injected currents of step <paramref name="step"/>.</summary>
    void Inputs(long step, int slot);

    /// <summary>Plastic arrivals: presynaptic spikes of plastic synapses that arrive now run the rule's
    /// <c>OnPreArrival</c> and transmit the synapse's weight into ring slot <paramref name="slot"/>.</summary>
    void PlasticArrivals(long step, int slot);

    /// <summary>Neuron update: Poisson drives join ring slot <paramref name="slot"/>, every neuron reads and
    /// clears its input there, integrates and, when it fires, joins the step's spike list.</summary>
    void NeuronUpdate(long step, int slot);

    /// <summary>Post-spike events: <c>OnPostSpike</c>/<c>AfterPostSpike</c> for the targets that fired,
    /// modulator spike counts, recorded spikes and state samples.</summary>
    void PostSpikeEvents(long step, int slot);

    /// <summary>Delivery: the step's spikes travel through the synapses into the ring, to arrive at
    /// ring slot <paramref name="slot"/> plus each delay.</summary>
    void Delivery(long step, int slot);

    /// <summary>Periodic updates: modulators advance, rules run <c>OnPeriod</c> when due, weights are
    /// snapshotted when due.</summary>
    void PeriodicUpdates(long step, int slot);
}
