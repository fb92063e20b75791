using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>
/// Where a plastic projection's weights physically live, as seen by the one plastic-projection
/// dispatcher (<see cref="PlasticProjection{TRule, TStore}"/>). The engine core keeps every synapse's
/// <see cref="SynapseState"/> in an array; a store decides what a weight the rule changed becomes
/// (the array keeps it; crossbar cells realise it through programming pulses) and whether an
/// arriving spike transmits the synapse's weight into the delay ring itself.
/// </summary>
internal interface IWeightStore
{
    /// <summary>Whether an arrival adds the synapse's weight into its target's ring slot (false where
    /// the engine transmits by another path, such as a crossbar's digitised column read).</summary>
    bool Transmits { get; }

    /// <summary>Whether <see cref="Commit"/> does anything (false lets the JIT drop the call).</summary>
    bool CommitsWeights { get; }

    /// <summary>Called after every rule event on synapse <paramref name="synapse"/> (generation order
    /// index): <paramref name="state"/> holds the weight the rule asked for and <paramref name="before"/>
    /// the weight before the event; the store leaves in <paramref name="state"/> the weight it realises.</summary>
    void Commit(int synapse, float before, ref SynapseState state);
}
