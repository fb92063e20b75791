using Snn.Core.Plasticity;
using Snn.Core.Validation;

namespace Snn.Learning.Plasticity;

/// <summary>
/// Dopamine-modulated STDP (Izhikevich 2007, "Solving the distal reward problem through linkage of
/// STDP and dopamine signaling", Cereb. Cortex 17:2443). STDP does not change the weight but an
/// eligibility trace c (τ_c ≈ 1 s); the weight follows c gated by the modulator d (dopamine):
/// <code>
/// pre arrival:  c ← c − A₋ y        post spike:  c ← c + A₊ x       (x, y: pair traces, τ₊, τ₋)
/// every period: w ← clamp(w + (d₀ + d) · c)
/// </code>
/// With the paper's 10 ms period, c decaying ×0.99 per period (τ_c ≈ 1 s) and d₀ = 0.002.
/// </summary>
public struct RewardModulatedStdp : IPlasticityRule<RewardModulatedStdp>
{
    private float _dtOverTauPlus;
    private float _dtOverTauMinus;
    private float _dtOverTauEligibility;

    /// <summary>Creates the rule with the paper's parameters.</summary>
    public RewardModulatedStdp()
    {
    }

    /// <summary>Eligibility increase per causal pair A₊, ≥ 0. Default 1 (the paper's STDP(t) = 0.1 ×10 scale folded into d).</summary>
    public double APlus { get; init; } = 1;

    /// <summary>Eligibility decrease per anti-causal pair A₋, ≥ 0. Default 1.5.</summary>
    public double AMinus { get; init; } = 1.5;

    /// <summary>τ₊ (ms). Default 20.</summary>
    public double TauPlus { get; init; } = 20;

    /// <summary>τ₋ (ms). Default 20.</summary>
    public double TauMinus { get; init; } = 20;

    /// <summary>Eligibility time constant τ_c (ms). Default 1000.</summary>
    public double TauEligibility { get; init; } = 1000;

    /// <summary>Tonic modulator level d₀ added to the modulator. Default 0.002.</summary>
    public double BaselineModulation { get; init; } = 0.002;

    /// <summary>How often the weight follows the eligibility (ms). Default 10.</summary>
    public double UpdateIntervalMs { get; init; } = 10;

    /// <summary>Lower weight bound. Default 0.</summary>
    public double WMin { get; init; }

    /// <summary>Upper weight bound. Default 4 (the paper's s_max).</summary>
    public double WMax { get; init; } = 4;

    /// <inheritdoc />
    public readonly string RuleName => "reward-modulated-stdp (Izhikevich 2007)";

    /// <inheritdoc />
    public readonly double PeriodMs => UpdateIntervalMs;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.NonNegative(APlus, nameof(APlus));
        Guard.NonNegative(AMinus, nameof(AMinus));
        Guard.Positive(TauPlus, nameof(TauPlus));
        Guard.Positive(TauMinus, nameof(TauMinus));
        Guard.Positive(TauEligibility, nameof(TauEligibility));
        Guard.Finite(BaselineModulation, nameof(BaselineModulation));
        Guard.Positive(UpdateIntervalMs, nameof(UpdateIntervalMs));
        WeightBounds.Validate(WMin, WMax);
    }

    /// <inheritdoc />
    public readonly RewardModulatedStdp Prepare(double dt)
    {
        var prepared = this;
        prepared._dtOverTauPlus = (float)(dt / TauPlus);
        prepared._dtOverTauMinus = (float)(dt / TauMinus);
        prepared._dtOverTauEligibility = (float)(dt / TauEligibility);
        return prepared;
    }

    /// <inheritdoc />
    public readonly void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        Advance(ref synapse, step);
        float y = post.Post1 * TraceDecay.Factor(step, post.LastStep, _dtOverTauMinus);
        synapse.Eligibility -= (float)AMinus * y;
        synapse.Pre1 += 1f;
    }

    /// <inheritdoc />
    public readonly void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        Advance(ref synapse, step);
        synapse.Eligibility += (float)APlus * synapse.Pre1;
    }

    /// <inheritdoc />
    public readonly void AfterPostSpike(ref PostState post, long step)
    {
        post.Post1 = post.Post1 * TraceDecay.Factor(step, post.LastStep, _dtOverTauMinus) + 1f;
        post.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        Advance(ref synapse, step);
        synapse.Weight = WeightBounds.Clamp(synapse.Weight + ((float)BaselineModulation + modulator) * synapse.Eligibility, WMin, WMax);
    }

    private readonly void Advance(ref SynapseState synapse, long step)
    {
        synapse.Pre1 *= TraceDecay.Factor(step, synapse.LastStep, _dtOverTauPlus);
        synapse.Eligibility *= TraceDecay.Factor(step, synapse.LastStep, _dtOverTauEligibility);
        synapse.LastStep = step;
    }
}
