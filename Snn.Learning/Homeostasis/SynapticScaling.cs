using Snn.Core.Numerics;
using Snn.Core.Plasticity;
using Snn.Core.Validation;

namespace Snn.Learning.Homeostasis;

/// <summary>
/// Multiplicative synaptic scaling toward a target rate (Turrigiano et al. 1998; van Rossum,
/// Bi &amp; Turrigiano 2000): each target neuron estimates its rate r with a trace (τ_rate,
/// +1000/τ_rate Hz per spike) and every period scales all its incoming weights by
/// <code>w ← w · (1 + η (ρ_target − r) / ρ_target)</code>
/// so a neuron firing too fast weakens its inputs and one firing too slowly strengthens them.
/// Weights stay in [WMin, WMax].
/// </summary>
public struct SynapticScaling : IPlasticityRule<SynapticScaling>
{
    private float _dtOverTau;
    private float _jump;

    /// <summary>Creates the rule.</summary>
    public SynapticScaling()
    {
    }

    /// <summary>Target rate ρ_target (Hz), &gt; 0. Default 5.</summary>
    public double TargetRateHz { get; init; } = 5;

    /// <summary>Scaling rate η per period, in (0, 1]. Default 0.01.</summary>
    public double Eta { get; init; } = 0.01;

    /// <summary>Rate-estimate time constant (ms). Default 1000.</summary>
    public double RateTau { get; init; } = 1000;

    /// <summary>Scaling period (ms). Default 100.</summary>
    public double UpdateIntervalMs { get; init; } = 100;

    /// <summary>Lower weight bound. Default 0.</summary>
    public double WMin { get; init; }

    /// <summary>Upper weight bound. Default 1e6.</summary>
    public double WMax { get; init; } = 1e6;

    /// <inheritdoc />
    public readonly string RuleName => "synaptic-scaling";

    /// <inheritdoc />
    public readonly double PeriodMs => UpdateIntervalMs;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.Positive(TargetRateHz, nameof(TargetRateHz));
        Guard.InRange(Eta, double.Epsilon, 1, nameof(Eta));
        Guard.Positive(RateTau, nameof(RateTau));
        Guard.Positive(UpdateIntervalMs, nameof(UpdateIntervalMs));
        Guard.Finite(WMin, nameof(WMin));
        Guard.Finite(WMax, nameof(WMax));
        if (WMax <= WMin)
        {
            throw new ArgumentOutOfRangeException(nameof(WMax), WMax, $"WMax = {WMax} must exceed WMin = {WMin}.");
        }
    }

    /// <inheritdoc />
    public readonly SynapticScaling Prepare(double dt)
    {
        var prepared = this;
        prepared._dtOverTau = (float)(dt / RateTau);
        prepared._jump = (float)(1000.0 / RateTau);
        return prepared;
    }

    /// <summary>The rate estimate (Hz) of a neuron at the end of <paramref name="step"/>.</summary>
    public readonly float RateEstimate(in PostState post, long step) => post.Post1 * DeterministicMath.Exp(-(step - post.LastStep) * _dtOverTau);

    /// <inheritdoc />
    public readonly void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }

    /// <inheritdoc />
    public readonly void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }

    /// <inheritdoc />
    public readonly void AfterPostSpike(ref PostState post, long step)
    {
        post.Post1 = RateEstimate(post, step) + _jump;
        post.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        float rate = RateEstimate(post, step);
        float factor = 1f + (float)(Eta * (TargetRateHz - rate) / TargetRateHz);
        synapse.Weight = Plasticity.WeightBounds.Clamp(synapse.Weight * factor, WMin, WMax);
    }
}
