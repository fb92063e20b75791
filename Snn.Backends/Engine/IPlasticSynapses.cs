using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>
/// Where a plastic projection's rule states live, as the per-event bodies of
/// <see cref="PlasticEvents"/> see them: the state of each synapse (by position in the engine's own
/// layout), the post state of each local target and the incoming index of each target. Implemented
/// by a struct over host arrays (<see cref="PlasticArrays"/>) and by the GPU engine's device view,
/// so every member must stay compilable by ILGPU: no managed state in the device implementation, no
/// exceptions, no virtual calls (the bodies call these members through constrained generic calls).
/// </summary>
internal interface IPlasticSynapses
{
    /// <summary>The state of the synapse at <paramref name="position"/>.</summary>
    ref SynapseState StateAt(int position);

    /// <summary>The post state of local target <paramref name="target"/>.</summary>
    ref PostState PostAt(int target);

    /// <summary>The first incoming-index entry of local target <paramref name="target"/>: the synapses
    /// onto it are at positions <see cref="IncomingAt"/>(k) for k in [FirstIncoming(target),
    /// FirstIncoming(target + 1)).</summary>
    int FirstIncoming(int target);

    /// <summary>The position of the synapse at entry <paramref name="entry"/> of the incoming index.</summary>
    int IncomingAt(int entry);

    /// <summary>The generation-order index (that of <c>Projection.Instantiate</c>) of the synapse at
    /// <paramref name="position"/>, which the bodies ask only of a weight store that commits
    /// (<see cref="IWeightStore.CommitsWeights"/>).</summary>
    int GenerationIndex(int position);
}
