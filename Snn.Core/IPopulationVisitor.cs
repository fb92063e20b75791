using Snn.Core.Models;

namespace Snn.Core;

/// <summary>
/// Lets an engine recover a population's model type: <see cref="Population.Accept{TResult}"/>
/// calls back with the concrete <typeparamref name="TResult"/>-producing method, so the engine can
/// build code specialised for the model struct without reflection.
/// </summary>
/// <typeparam name="TResult">What the visitor builds.</typeparam>
public interface IPopulationVisitor<out TResult>
{
    /// <summary>Visits a population of model neurons.</summary>
    TResult Visit<TModel>(Population<TModel> population) where TModel : struct, INeuronModel<TModel>;

    /// <summary>Visits a population that replays given spike times.</summary>
    TResult Visit(SpikeSourcePopulation population);
}
