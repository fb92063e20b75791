using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>
/// Where a plastic projection's weights physically live, as seen by the rule event bodies of
/// <see cref="PlasticEvents"/>, which every engine's walk calls. Every engine keeps each synapse's
/// <see cref="SynapseState"/> (the host in arrays, the GPU in a device buffer); a store decides what a
/// weight the rule changed becomes (the state keeps it: <see cref="ArrayWeights"/> and the GPU's device
/// store; crossbar cells realise it through programming pulses) and whether an arriving spike
/// transmits the synapse's weight into the delay ring through the walk (a plain add on the host, an
/// atomic add on the device). Implementations are structs, so the JIT (and ILGPU, for the device
/// store) specialises the bodies for each, and a store's constant members drop what it does not need.
/// </summary>
internal interface IWeightStore
{
    /// <summary>Whether an arrival adds the synapse's weight into its target's ring slot (false where
    /// the engine transmits by another path, such as a crossbar's digitised column read).</summary>
    bool Transmits { get; }

    /// <summary>Whether <see cref="Commit"/> does anything (false lets the compiler drop the call and
    /// the look-up of the synapse's generation-order index).</summary>
    bool CommitsWeights { get; }

    /// <summary>Called after every rule event on synapse <paramref name="synapse"/> (generation order
    /// index) where <see cref="CommitsWeights"/> holds: <paramref name="state"/> holds the weight the
    /// rule asked for and <paramref name="before"/> the weight before the event; the store leaves in
    /// <paramref name="state"/> the weight it realises.</summary>
    void Commit(int synapse, float before, ref SynapseState state);
}
