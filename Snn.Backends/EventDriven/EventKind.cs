namespace Snn.Backends.EventDriven;

/// <summary>What a queued event does. The order of the members is the order in which events of
/// the same time are processed: input changes first, then firings, then pulse arrivals.</summary>
internal enum EventKind
{
    /// <summary>An injected current changes by <see cref="ScheduledEvent.Value"/> (pA).</summary>
    CurrentChange = 0,

    /// <summary>A spike source or Poisson source emits.</summary>
    SourceSpike = 1,

    /// <summary>A model neuron reaches threshold (valid only if its version still matches).</summary>
    Fire = 2,

    /// <summary>A backend-specific event (the SFQ model's refractory-end checks and oscillations).</summary>
    Custom = 3,

    /// <summary>A spike arrives at its target through synapse <see cref="ScheduledEvent.Synapse"/>.</summary>
    Arrival = 4,
}
