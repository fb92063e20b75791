using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Cpu;

/// <summary>Builds the engine group for each population, choosing the block update when the model
/// offers one and the population is homogeneous.</summary>
internal sealed class GroupFactory(bool useBlockUpdate) : IPopulationVisitor<NeuronGroup>
{
    public NeuronGroup Visit<TModel>(Population<TModel> population) where TModel : struct, INeuronModel<TModel>
    {
        if (useBlockUpdate && !population.IsHeterogeneous && typeof(IBlockNeuronModel<TModel>).IsAssignableFrom(typeof(TModel)))
        {
            var type = typeof(BlockModelGroup<>).MakeGenericType(typeof(TModel));
            return (NeuronGroup)Activator.CreateInstance(type, population)!;
        }
        return new ModelGroup<TModel>(population);
    }

    public NeuronGroup Visit(SpikeSourcePopulation population) => new SpikeSourceGroup(population);
}
