using Snn.Core.Plasticity;
using Snn.Core.Validation;

namespace Snn.Learning.Plasticity;

/// <summary>
/// Pair-based STDP with a presynaptic trace per synapse and a postsynaptic trace per neuron
/// (Song, Miller &amp; Abbott 2000; Morrison, Diesmann &amp; Gerstner 2008). For a pair with
/// Δt = t_post − t_pre (t_pre being the spike's arrival at the synapse, after its delay):
/// <code>
/// Δw = +A₊ · exp(−Δt/τ₊) · f₊(w)   for Δt ≥ 0      (on the post spike, from the pre trace x)
/// Δw = −A₋ · exp(+Δt/τ₋) · f₋(w)   for Δt &lt; 0      (on the pre arrival, from the post trace y)
/// </code>
/// f = 1 for <see cref="WeightDependence.Additive"/>; f₊ = (w_max − w)/(w_max − w_min),
/// f₋ = (w − w_min)/(w_max − w_min) for <see cref="WeightDependence.Multiplicative"/>. Weights
/// stay in [WMin, WMax] (hard bounds). A₊ and A₋ are in weight units.
/// With <see cref="AccumulateIntervalMs"/> &gt; 0 the changes are collected in the synapse's
/// derivative (<see cref="SynapseState.Eligibility"/>) and applied every interval as
/// w ← w + <see cref="WeightDrift"/> + sd, sd ← <see cref="DerivativeRetention"/>·sd: the scheme of
/// Izhikevich 2006's <c>spnet</c> (once per second, drift 0.01, retention 0.9).
/// </summary>
public struct PairStdp : IPlasticityRule<PairStdp>
{
    private float _dtOverTauPlus;
    private float _dtOverTauMinus;

    /// <summary>Creates the rule with Song et al.'s time constants (20 ms) and A₋ = 1.05 A₊.</summary>
    public PairStdp()
    {
    }

    /// <summary>Potentiation amplitude A₊ (weight units), ≥ 0. Default 0.01.</summary>
    public double APlus { get; init; } = 0.01;

    /// <summary>Depression amplitude A₋ (weight units), ≥ 0. Default 0.0105.</summary>
    public double AMinus { get; init; } = 0.0105;

    /// <summary>Potentiation time constant τ₊ (ms), &gt; 0. Default 20.</summary>
    public double TauPlus { get; init; } = 20;

    /// <summary>Depression time constant τ₋ (ms), &gt; 0. Default 20.</summary>
    public double TauMinus { get; init; } = 20;

    /// <summary>Lower weight bound. Default 0.</summary>
    public double WMin { get; init; }

    /// <summary>Upper weight bound, &gt; WMin. Default 1.</summary>
    public double WMax { get; init; } = 1;

    /// <summary>Additive or multiplicative (soft-bound) updates.</summary>
    public WeightDependence Dependence { get; init; }

    /// <summary>All-to-all or nearest-spike pairing.</summary>
    public SpikePairing Pairing { get; init; }

    /// <summary>Interval (ms) at which accumulated changes are applied; 0 applies each change at once. Default 0.</summary>
    public double AccumulateIntervalMs { get; init; }

    /// <summary>Constant added to every weight each accumulation interval (weight units). Default 0.</summary>
    public double WeightDrift { get; init; }

    /// <summary>Fraction of the accumulated derivative kept after each application, in [0, 1]. Default 0.</summary>
    public double DerivativeRetention { get; init; }

    /// <summary>Izhikevich 2006's polychronization rule (<c>spnet</c>): nearest-spike traces with A₊ 0.1,
    /// A₋ 0.12 and τ 20 ms (0.95 per ms), changes applied once per second with drift 0.01 and
    /// derivative retention 0.9, weights in [0, 10].</summary>
    public static PairStdp Polychronization => new()
    {
        APlus = 0.1, AMinus = 0.12, TauPlus = 20, TauMinus = 20, WMin = 0, WMax = 10, Pairing = SpikePairing.Nearest,
        AccumulateIntervalMs = 1000, WeightDrift = 0.01, DerivativeRetention = 0.9,
    };

    /// <inheritdoc />
    public readonly string RuleName => $"pair-stdp ({Dependence}, {Pairing})";

    /// <inheritdoc />
    public readonly double PeriodMs => AccumulateIntervalMs;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.NonNegative(APlus, nameof(APlus));
        Guard.NonNegative(AMinus, nameof(AMinus));
        Guard.Positive(TauPlus, nameof(TauPlus));
        Guard.Positive(TauMinus, nameof(TauMinus));
        WeightBounds.Validate(WMin, WMax);
        Guard.NonNegative(AccumulateIntervalMs, nameof(AccumulateIntervalMs));
        Guard.Finite(WeightDrift, nameof(WeightDrift));
        Guard.Probability(DerivativeRetention, nameof(DerivativeRetention));
    }

    /// <inheritdoc />
    public readonly PairStdp Prepare(double dt)
    {
        var prepared = this;
        prepared._dtOverTauPlus = (float)(dt / TauPlus);
        prepared._dtOverTauMinus = (float)(dt / TauMinus);
        return prepared;
    }

    /// <inheritdoc />
    public readonly void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        float y = post.Post1 * TraceDecay.Factor(step, post.LastStep, _dtOverTauMinus);
        float scale = Dependence == WeightDependence.Additive ? 1f : WeightBounds.FromLower(synapse.Weight, WMin, WMax);
        Change(ref synapse, -(float)AMinus * y * scale);
        float x = synapse.Pre1 * TraceDecay.Factor(step, synapse.LastStep, _dtOverTauPlus);
        synapse.Pre1 = Pairing == SpikePairing.AllToAll ? x + 1f : 1f;
        synapse.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        float x = synapse.Pre1 * TraceDecay.Factor(step, synapse.LastStep, _dtOverTauPlus);
        float scale = Dependence == WeightDependence.Additive ? 1f : WeightBounds.ToUpper(synapse.Weight, WMin, WMax);
        Change(ref synapse, (float)APlus * x * scale);
        synapse.Pre1 = x;
        synapse.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void AfterPostSpike(ref PostState post, long step)
    {
        float y = post.Post1 * TraceDecay.Factor(step, post.LastStep, _dtOverTauMinus);
        post.Post1 = Pairing == SpikePairing.AllToAll ? y + 1f : 1f;
        post.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        synapse.Weight = WeightBounds.Clamp(synapse.Weight + (float)WeightDrift + synapse.Eligibility, WMin, WMax);
        synapse.Eligibility *= (float)DerivativeRetention;
    }

    private readonly void Change(ref SynapseState synapse, float change)
    {
        if (AccumulateIntervalMs > 0)
        {
            synapse.Eligibility += change;
        }
        else
        {
            synapse.Weight = WeightBounds.Clamp(synapse.Weight + change, WMin, WMax);
        }
    }
}
