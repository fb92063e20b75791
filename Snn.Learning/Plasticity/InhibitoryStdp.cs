using Snn.Core.Plasticity;
using Snn.Core.Validation;

namespace Snn.Learning.Plasticity;

/// <summary>
/// The symmetric inhibitory STDP of Vogels, Sprekeler, Zenke, Clopath &amp; Gerstner 2011
/// (Science 334:1569; NEST's <c>vogels_sprekeler_synapse</c>), for synapses from inhibitory
/// neurons. It drives the postsynaptic rate toward ρ₀: every near-coincident pair strengthens
/// inhibition, every presynaptic spike weakens it by α = 2 ρ₀ τ.
/// <code>
/// pre arrival:  |w| ← |w| + η (y − α)      post spike:  |w| ← |w| + η x
/// </code>
/// x and y are traces (+1 per spike, τ). The rule acts on the magnitude, so it serves negative
/// current-based inhibitory weights (bounds in [−WMaxMagnitude, 0]) and positive conductances alike.
/// </summary>
public struct InhibitoryStdp : IPlasticityRule<InhibitoryStdp>
{
    private float _dtOverTau;
    private float _alpha;

    /// <summary>Creates the rule with the paper's τ = 20 ms, η = 1e-4 of the weight scale, ρ₀ = 5 Hz.</summary>
    public InhibitoryStdp()
    {
    }

    /// <summary>Learning rate η (weight units), ≥ 0. Default 1e-4.</summary>
    public double Eta { get; init; } = 1e-4;

    /// <summary>Trace time constant τ (ms), &gt; 0. Default 20.</summary>
    public double Tau { get; init; } = 20;

    /// <summary>Target postsynaptic rate ρ₀ (Hz), ≥ 0. Default 5.</summary>
    public double TargetRateHz { get; init; } = 5;

    /// <summary>Largest weight magnitude, &gt; 0. Default 1.</summary>
    public double WMaxMagnitude { get; init; } = 1;

    /// <summary>Whether weights are negative (current-based inhibition) rather than positive conductances.</summary>
    public bool NegativeWeights { get; init; }

    /// <inheritdoc />
    public readonly string RuleName => "inhibitory-stdp (Vogels 2011)";

    /// <inheritdoc />
    public readonly double PeriodMs => 0;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.NonNegative(Eta, nameof(Eta));
        Guard.Positive(Tau, nameof(Tau));
        Guard.NonNegative(TargetRateHz, nameof(TargetRateHz));
        Guard.Positive(WMaxMagnitude, nameof(WMaxMagnitude));
    }

    /// <inheritdoc />
    public readonly InhibitoryStdp Prepare(double dt)
    {
        var prepared = this;
        prepared._dtOverTau = (float)(dt / Tau);
        prepared._alpha = (float)(2 * TargetRateHz * Tau / 1000.0);
        return prepared;
    }

    /// <inheritdoc />
    public readonly void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        float y = post.Post1 * TraceDecay.Factor(step, post.LastStep, _dtOverTau);
        Change(ref synapse, (float)Eta * (y - _alpha));
        synapse.Pre1 = synapse.Pre1 * TraceDecay.Factor(step, synapse.LastStep, _dtOverTau) + 1f;
        synapse.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        float x = synapse.Pre1 * TraceDecay.Factor(step, synapse.LastStep, _dtOverTau);
        Change(ref synapse, (float)Eta * x);
        synapse.Pre1 = x;
        synapse.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void AfterPostSpike(ref PostState post, long step)
    {
        post.Post1 = post.Post1 * TraceDecay.Factor(step, post.LastStep, _dtOverTau) + 1f;
        post.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }

    private readonly void Change(ref SynapseState synapse, float magnitudeChange)
    {
        float sign = NegativeWeights ? -1f : 1f;
        float magnitude = WeightBounds.Clamp(sign * synapse.Weight + magnitudeChange, 0, WMaxMagnitude);
        synapse.Weight = sign * magnitude;
    }
}
