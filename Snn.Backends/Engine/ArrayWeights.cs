using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>The CPU engines' weight store: the synapse state array is the weight; arrivals transmit
/// directly. Every member is constant, so the JIT removes the store from the dispatcher's loops.</summary>
internal readonly struct ArrayWeights : IWeightStore
{
    /// <inheritdoc />
    public bool Transmits => true;

    /// <inheritdoc />
    public bool CommitsWeights => false;

    /// <inheritdoc />
    public void Commit(int synapse, float before, ref SynapseState state)
    {
    }
}
