using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>The CPU and MPI engines' weight store: the synapse state array is the weight (commit does
/// nothing); arrivals transmit directly. Every member is constant, so the JIT removes the store from
/// the event bodies (<see cref="PlasticEvents"/>).</summary>
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
