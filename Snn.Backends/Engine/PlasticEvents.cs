using System.Runtime.CompilerServices;
using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>
/// The bodies of a plastic projection's rule events, written once for every engine: the host
/// dispatcher (<see cref="PlasticProjection{TRule, TStore}"/>, over <see cref="PlasticArrays"/>) and
/// the GPU engine's kernels (over its device view) call them; each engine keeps only its walk (which
/// spike, synapse or target comes next, and where an arrival's weight is added). Every body runs the
/// rule on a synapse and then hands the weight it asked for to the engine's <see cref="IWeightStore"/>.
/// Generic over structs only, with no exceptions or managed state of its own, so ILGPU compiles the
/// same code into device kernels.
/// </summary>
internal static class PlasticEvents
{
    /// <summary>A presynaptic spike arrives at the synapse at <paramref name="position"/>, onto local
    /// target <paramref name="target"/>, in <paramref name="step"/>: runs
    /// <see cref="IPlasticityRule{TRule}.OnPreArrival"/> and commits the weight; returns the weight the
    /// synapse transmits (before any short-term factor).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Arrive<TRule, TSynapses, TStore>(TRule rule, TSynapses synapses, TStore store, int position, int target, float modulator, long step)
        where TRule : struct, IPlasticityRule<TRule>
        where TSynapses : struct, IPlasticSynapses
        where TStore : struct, IWeightStore
    {
        ref var synapse = ref synapses.StateAt(position);
        float before = synapse.Weight;
        rule.OnPreArrival(ref synapse, synapses.PostAt(target), modulator, step);
        Commit(synapses, store, position, before, ref synapse);
        return synapse.Weight;
    }

    /// <summary>Local target <paramref name="target"/> fired in <paramref name="step"/>: runs
    /// <see cref="IPlasticityRule{TRule}.OnPostSpike"/> on each of its incoming synapses in
    /// incoming-index order, committing each weight, then
    /// <see cref="IPlasticityRule{TRule}.AfterPostSpike"/> once on its post state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PostSpike<TRule, TSynapses, TStore>(TRule rule, TSynapses synapses, TStore store, int target, float modulator, long step)
        where TRule : struct, IPlasticityRule<TRule>
        where TSynapses : struct, IPlasticSynapses
        where TStore : struct, IWeightStore
    {
        ref var post = ref synapses.PostAt(target);
        int last = synapses.FirstIncoming(target + 1);
        for (int entry = synapses.FirstIncoming(target); entry < last; entry++)
        {
            int position = synapses.IncomingAt(entry);
            ref var synapse = ref synapses.StateAt(position);
            float before = synapse.Weight;
            rule.OnPostSpike(ref synapse, post, modulator, step);
            Commit(synapses, store, position, before, ref synapse);
        }
        rule.AfterPostSpike(ref post, step);
    }

    /// <summary>The periodic update of the synapse at <paramref name="position"/> at the end of
    /// <paramref name="step"/>, whose target has post state <paramref name="post"/>: runs
    /// <see cref="IPlasticityRule{TRule}.OnPeriod"/> and commits the weight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Period<TRule, TSynapses, TStore>(TRule rule, TSynapses synapses, TStore store, int position, in PostState post, float modulator, long step)
        where TRule : struct, IPlasticityRule<TRule>
        where TSynapses : struct, IPlasticSynapses
        where TStore : struct, IWeightStore
    {
        ref var synapse = ref synapses.StateAt(position);
        float before = synapse.Weight;
        rule.OnPeriod(ref synapse, post, modulator, step);
        Commit(synapses, store, position, before, ref synapse);
    }

    /// <summary>Hands the weight a rule event left at <paramref name="position"/> (it was
    /// <paramref name="before"/>) to <paramref name="store"/>, where the store commits weights.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Commit<TSynapses, TStore>(TSynapses synapses, TStore store, int position, float before, ref SynapseState synapse)
        where TSynapses : struct, IPlasticSynapses
        where TStore : struct, IWeightStore
    {
        if (store.CommitsWeights)
        {
            store.Commit(synapses.GenerationIndex(position), before, ref synapse);
        }
    }
}
