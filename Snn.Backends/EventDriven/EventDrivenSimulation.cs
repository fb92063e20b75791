using Snn.Core;

namespace Snn.Backends.EventDriven;

/// <summary>
/// A network compiled by <see cref="EventDrivenBackend"/>: <see cref="Snn.Core.Models.LifCurrent"/>
/// neurons integrated exactly between events, with threshold crossings found by root finding on
/// the closed-form membrane trajectory (<see cref="LifCurrentSolution"/>), spike sources at their
/// exact times, Poisson sources in continuous time and per-synapse continuous delays.
/// </summary>
public sealed class EventDrivenSimulation : EventSimulation
{
    internal EventDrivenSimulation(Network network)
        : base(network, p => p.Accept(new EventDrivenPopulationFactory()))
    {
        Start();
    }
}
