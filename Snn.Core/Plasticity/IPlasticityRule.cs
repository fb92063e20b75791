namespace Snn.Core.Plasticity;

/// <summary>What every plasticity rule tells the network builder.</summary>
public interface IPlasticityRule
{
    /// <summary>The rule's name for tables and errors.</summary>
    string RuleName { get; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid parameter.</summary>
    void Validate();

    /// <summary>Whether the rule needs <see cref="IPlasticityRule{TRule}.OnPeriod"/> calls, and how
    /// often (ms); 0 for purely event-driven rules.</summary>
    double PeriodMs { get; }
}

/// <summary>
/// A synaptic plasticity rule as a struct, run by engines inside the simulation loop. Events of
/// one step k (time (k+1)·dt) happen in this order: presynaptic arrivals (<see cref="OnPreArrival"/>,
/// whose synapses then transmit their updated weight), the neuron update, postsynaptic spikes
/// (<see cref="OnPostSpike"/> for each incoming synapse, then <see cref="AfterPostSpike"/> once per
/// neuron), then, every <see cref="IPlasticityRule.PeriodMs"/>, <see cref="OnPeriod"/> for every
/// synapse. A rule brings traces up to date itself from <see cref="SynapseState.LastStep"/>.
/// Spike events receive the value of the projection's modulator as it stood at the start of the
/// step (after the previous step's update, or as last set from user code; 0 when it has none), so a
/// modulated rule needs no periodic pass to read it.
/// </summary>
/// <typeparam name="TRule">The rule type itself.</typeparam>
public interface IPlasticityRule<TRule> : IPlasticityRule where TRule : struct, IPlasticityRule<TRule>
{
    /// <summary>Returns a copy with decay factors computed for <paramref name="dt"/> (ms).</summary>
    TRule Prepare(double dt);

    /// <summary>A presynaptic spike arrives at the synapse in <paramref name="step"/>; <paramref name="modulator"/>
    /// is the projection's modulator value at the start of the step (0 when it has none).</summary>
    void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step);

    /// <summary>The postsynaptic neuron fired in <paramref name="step"/>; called for each of its incoming
    /// synapses, with the modulator value as for <see cref="OnPreArrival"/>.</summary>
    void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step);

    /// <summary>The postsynaptic neuron fired in <paramref name="step"/>; called once after its synapses.</summary>
    void AfterPostSpike(ref PostState post, long step);

    /// <summary>The periodic update of one synapse at the end of <paramref name="step"/>, with the
    /// projection's modulator value (0 when it has none).</summary>
    void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step);
}
