using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>The host engines' plastic synapses for <see cref="PlasticEvents"/>: the arrays of one
/// <see cref="PlasticProjection{TRule, TStore}"/>, indexed by position in its layout
/// (<see cref="PlasticLayout"/>).</summary>
/// <param name="states">State of each synapse, by position.</param>
/// <param name="post">Post state of each local target.</param>
/// <param name="incomingStart">First incoming entry of each local target, plus the end.</param>
/// <param name="incoming">Synapse positions grouped by target.</param>
/// <param name="canonical">Generation-order index of each position.</param>
internal readonly struct PlasticArrays(SynapseState[] states, PostState[] post, int[] incomingStart, int[] incoming, int[] canonical)
    : IPlasticSynapses
{
    /// <inheritdoc />
    public ref SynapseState StateAt(int position) => ref states[position];

    /// <inheritdoc />
    public ref PostState PostAt(int target) => ref post[target];

    /// <inheritdoc />
    public int FirstIncoming(int target) => incomingStart[target];

    /// <inheritdoc />
    public int IncomingAt(int entry) => incoming[entry];

    /// <inheritdoc />
    public int GenerationIndex(int position) => canonical[position];
}
