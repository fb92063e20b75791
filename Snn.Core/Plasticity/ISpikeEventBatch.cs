namespace Snn.Core.Plasticity;

/// <summary>
/// A host-side handler that runs a rule's spike events on many synapses in one call, made by
/// <see cref="IBatchedEventRule.CreateEventBatch"/>. It must leave every synapse exactly as the
/// one-synapse calls in the order given would (same bits).
/// </summary>
public interface ISpikeEventBatch
{
    /// <summary>Presynaptic spikes arrive in <paramref name="step"/> at <paramref name="states"/>[p] for each p of
    /// <paramref name="positions"/>, in order, onto local target <paramref name="targetOf"/>[p] with post state
    /// <paramref name="post"/>[<paramref name="targetOf"/>[p]]: <see cref="IPlasticityRule{TRule}.OnPreArrival"/>
    /// on each, with the modulator value as for it.</summary>
    void OnPreArrivals(Span<SynapseState> states, ReadOnlySpan<PostState> post, ReadOnlySpan<int> positions, ReadOnlySpan<int> targetOf, float modulator, long step);

    /// <summary>The target fired in <paramref name="step"/>: <see cref="IPlasticityRule{TRule}.OnPostSpike"/> on
    /// <paramref name="states"/>[i] for each i of <paramref name="incoming"/> (its incoming synapses, in
    /// incoming-index order), with the target's post state <paramref name="post"/> (before
    /// <see cref="IPlasticityRule{TRule}.AfterPostSpike"/>) and the modulator value as for it.</summary>
    void OnPostSpike(Span<SynapseState> states, ReadOnlySpan<int> incoming, in PostState post, float modulator, long step);
}
