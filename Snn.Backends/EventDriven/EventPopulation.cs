using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.EventDriven;

/// <summary>The engine side of one population in an event-driven simulation: it schedules its
/// initial events, handles the events addressed to its neurons and reports their state.</summary>
internal abstract class EventPopulation(Population population)
{
    public Population Population { get; } = population;

    public int Offset => Population.Offset;

    public int Size => Population.Size;

    /// <summary>Schedules the events that exist before the first run (source spikes, predicted firings, input changes).</summary>
    public abstract void Start(EventSimulation simulation);

    /// <summary>Handles an event addressed to neuron <c>e.Neuron</c> at <paramref name="time"/> (ms).</summary>
    public abstract void Handle(EventSimulation simulation, in ScheduledEvent e, double time);

    /// <summary>The value of <paramref name="variable"/> of a neuron at <paramref name="time"/> (ms), without changing it.</summary>
    public virtual float Sample(int local, double time, StateVariable variable) => 0f;
}
