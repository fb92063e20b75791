using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.EventDriven;

/// <summary>Builds the exact engine's population for each supported model; throws
/// <see cref="NotSupportedException"/> naming any other.</summary>
internal sealed class EventDrivenPopulationFactory : IPopulationVisitor<EventPopulation>
{
    public EventPopulation Visit<TModel>(Population<TModel> population) where TModel : struct, INeuronModel<TModel>
    {
        if (population is Population<LifCurrent> lif)
        {
            return new LifCurrentNeurons(lif);
        }
        if (population is Population<PoissonSource> poisson)
        {
            return new PoissonNeurons(poisson);
        }
        throw new NotSupportedException($"The event-driven backend supports LifCurrent, PoissonSource and spike-source populations; '{population.Name}' uses {population.ModelName}.");
    }

    public EventPopulation Visit(SpikeSourcePopulation population) => new SpikeSourceNeurons(population);
}
