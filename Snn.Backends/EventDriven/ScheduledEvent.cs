namespace Snn.Backends.EventDriven;

/// <summary>A pending event of the exact engine.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Neuron">The global index of the neuron it concerns.</param>
/// <param name="Synapse">The synapse (position in the engine's synapse arrays), or a backend-specific id.</param>
/// <param name="Value">A payload: a current step (pA) or a backend-specific number.</param>
/// <param name="Version">For <see cref="EventKind.Fire"/>: the neuron's prediction version when it was queued.</param>
internal readonly record struct ScheduledEvent(EventKind Kind, int Neuron, int Synapse, double Value, long Version);
