namespace Snn.Core.Models;

/// <summary>
/// The body of a vectorised block update: one step of the <see cref="System.Numerics.Vector{T}.Count"/>
/// neurons that start at a given index. A model implements it as a small struct holding its
/// constants broadcast to vectors, and hands it to
/// <see cref="BlockUpdate.StepVectors{TModel, TStep}(in TModel, in TStep, in NeuronBlock, Span{int})"/>,
/// which owns the loop over the block and the scalar tail.
/// </summary>
public interface IVectorStep
{
    /// <summary>Advances neurons [<paramref name="first"/>, <paramref name="first"/> + Vector&lt;float&gt;.Count)
    /// by one step and appends those that spiked, ascending, to <paramref name="spikes"/> from
    /// position <paramref name="count"/> on.</summary>
    /// <param name="lanes">The block's arrays.</param>
    /// <param name="first">The first neuron (block-relative); a whole vector fits from it.</param>
    /// <param name="spikes">Receives block-relative indices of spiking neurons.</param>
    /// <param name="count">The number of spikes written so far.</param>
    /// <returns>The new number of spikes written.</returns>
    int Step(in BlockLanes lanes, int first, Span<int> spikes, int count);
}
