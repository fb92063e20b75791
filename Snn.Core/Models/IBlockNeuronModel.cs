namespace Snn.Core.Models;

/// <summary>
/// A model that also offers a vectorised update of a whole block of identical neurons. The block
/// update must give bit-for-bit the same numbers as calling <see cref="INeuronModel{TModel}.Step"/>
/// on each neuron (tests compare them); CPU engines use it for homogeneous populations.
/// </summary>
/// <typeparam name="TModel">The model type itself.</typeparam>
public interface IBlockNeuronModel<TModel> : INeuronModel<TModel> where TModel : struct, INeuronModel<TModel>
{
    /// <summary>Advances every neuron of <paramref name="block"/> by one step.</summary>
    /// <param name="block">The neurons, their input and current.</param>
    /// <param name="spikes">Receives the block-relative indices of the neurons that spiked, ascending.</param>
    /// <returns>The number of spikes written.</returns>
    int StepBlock(in NeuronBlock block, Span<int> spikes);
}
