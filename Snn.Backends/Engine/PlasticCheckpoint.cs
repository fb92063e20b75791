using Snn.Backends.Checkpointing;
using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>A plastic projection's state as read from a checkpoint, in canonical synapse order.</summary>
/// <param name="Synapses">Synapse states.</param>
/// <param name="Post">Post states per target neuron.</param>
/// <param name="PendingSynapses">Synapses with a spike still travelling.</param>
/// <param name="PendingSteps">The arrival step of each of those spikes.</param>
internal sealed record PlasticCheckpoint(SynapseState[] Synapses, PostState[] Post, int[] PendingSynapses, long[] PendingSteps)
{
    /// <summary>Writes the state in the layout <see cref="PlasticProjection.Read"/> reads.</summary>
    public void Write(CheckpointWriter writer)
    {
        writer.Write<SynapseState>(Synapses);
        writer.Write<PostState>(Post);
        writer.Write<int>(PendingSynapses);
        writer.Write<long>(PendingSteps);
    }
}
