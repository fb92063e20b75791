using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>A plastic projection's state as read from a checkpoint, in canonical synapse order.</summary>
/// <param name="Synapses">Synapse states.</param>
/// <param name="Post">Post states per target neuron.</param>
/// <param name="PendingSynapses">Synapses with a spike still travelling.</param>
/// <param name="PendingSteps">The arrival step of each of those spikes.</param>
internal sealed record PlasticCheckpoint(SynapseState[] Synapses, PostState[] Post, int[] PendingSynapses, long[] PendingSteps);
