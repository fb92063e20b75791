using Snn.Backends.EventDriven;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Sfq;

/// <summary>Builds the SFQ engine's population for each supported model; throws
/// <see cref="NotSupportedException"/> naming any other.</summary>
internal sealed class SfqPopulationFactory(SfqTechnology technology, SfqBackendOptions options) : IPopulationVisitor<EventPopulation>
{
    public EventPopulation Visit<TModel>(Population<TModel> population) where TModel : struct, INeuronModel<TModel>
    {
        if (population is Population<SfqNeuron> sfq)
        {
            return new SfqNeurons(sfq, technology, options);
        }
        if (population is Population<PoissonSource> poisson)
        {
            return new PoissonNeurons(poisson);
        }
        throw new NotSupportedException($"The sfq backend supports SfqNeuron, PoissonSource and spike-source populations; '{population.Name}' uses {population.ModelName}.");
    }

    public EventPopulation Visit(SpikeSourcePopulation population) => new SpikeSourceNeurons(population);
}
