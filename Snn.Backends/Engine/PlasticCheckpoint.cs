using Snn.Backends.Checkpointing;
using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>A plastic projection's state as read from a checkpoint, in canonical synapse order.</summary>
/// <param name="Synapses">Synapse states.</param>
/// <param name="Post">Post states per target neuron.</param>
/// <param name="PendingSynapses">Synapses with a spike still travelling.</param>
/// <param name="PendingSteps">The arrival step of each of those spikes.</param>
internal sealed record PlasticCheckpoint(SynapseState[] Synapses, PostState[] Post, int[] PendingSynapses, long[] PendingSteps)
{
    /// <summary>Writes the state in the layout <see cref="Read"/> reads.</summary>
    public void Write(CheckpointWriter writer) => Write(writer, Synapses, Post, PendingSynapses, PendingSteps);

    /// <summary>Writes a projection's state: <paramref name="synapses"/> in canonical order, the post state of
    /// each target, and each spike still travelling as (canonical synapse, arrival step).</summary>
    public static void Write(CheckpointWriter writer, SynapseState[] synapses, PostState[] post, int[] pendingSynapses, long[] pendingSteps)
    {
        writer.Write<SynapseState>(synapses);
        writer.Write<PostState>(post);
        writer.Write<int>(pendingSynapses);
        writer.Write<long>(pendingSteps);
    }

    /// <summary>Reads the state of <paramref name="projection"/> (<paramref name="synapseCount"/> synapses)
    /// as <see cref="Write(CheckpointWriter)"/> wrote it, naming the byte offset of a pending spike on no synapse.</summary>
    public static PlasticCheckpoint Read(CheckpointReader reader, Projection projection, int synapseCount)
    {
        string name = projection.Name;
        var synapses = EngineCheckpoint.ReadSynapseStates(reader, synapseCount, name);
        var post = reader.ReadArray<PostState>(projection.Target.Size, $"post states of {name}");
        int at = reader.Offset;
        var pendingSynapse = reader.ReadArray<int>(-1, $"pending spikes of {name}");
        var pendingStep = reader.ReadArray<long>(pendingSynapse.Length, $"pending spike steps of {name}");
        foreach (int s in pendingSynapse)
        {
            if ((uint)s >= (uint)synapseCount)
            {
                throw new InvalidDataException($"Checkpoint corrupt at byte {at}: pending spike on synapse {s} of {name}, which has {synapseCount}.");
            }
        }
        return new PlasticCheckpoint(synapses, post, pendingSynapse, pendingStep);
    }
}
