using Snn.Core.Plasticity;
using Snn.Core.Validation;

namespace Snn.Learning.Plasticity;

/// <summary>
/// A three-factor Hebbian rule gated by an error (or reward-prediction-error) signal m, as in
/// e-prop's or Frémaux &amp; Gerstner 2016's modulated Hebbian learning: every period the weight moves by
/// η · m · x · y, where x and y are the pre- and postsynaptic rate traces (+1 per spike, τ).
/// A positive error strengthens co-active synapses, a negative one weakens them.
/// </summary>
public struct ErrorModulatedHebbian : IPlasticityRule<ErrorModulatedHebbian>
{
    private float _dtOverTau;

    /// <summary>Creates the rule.</summary>
    public ErrorModulatedHebbian()
    {
    }

    /// <summary>Learning rate η (weight units per unit modulator), ≥ 0. Default 0.01.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Trace time constant τ (ms). Default 20.</summary>
    public double Tau { get; init; } = 20;

    /// <summary>Update period (ms). Default 1.</summary>
    public double UpdateIntervalMs { get; init; } = 1;

    /// <summary>Lower weight bound. Default -1.</summary>
    public double WMin { get; init; } = -1;

    /// <summary>Upper weight bound. Default 1.</summary>
    public double WMax { get; init; } = 1;

    /// <inheritdoc />
    public readonly string RuleName => "error-modulated-hebbian";

    /// <inheritdoc />
    public readonly double PeriodMs => UpdateIntervalMs;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.NonNegative(LearningRate, nameof(LearningRate));
        Guard.Positive(Tau, nameof(Tau));
        Guard.Positive(UpdateIntervalMs, nameof(UpdateIntervalMs));
        WeightBounds.Validate(WMin, WMax);
    }

    /// <inheritdoc />
    public readonly ErrorModulatedHebbian Prepare(double dt)
    {
        var prepared = this;
        prepared._dtOverTau = (float)(dt / Tau);
        return prepared;
    }

    /// <inheritdoc />
    public readonly void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        synapse.Pre1 = synapse.Pre1 * TraceDecay.Factor(step, synapse.LastStep, _dtOverTau) + 1f;
        synapse.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
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
        float x = synapse.Pre1 * TraceDecay.Factor(step, synapse.LastStep, _dtOverTau);
        float y = post.Post1 * TraceDecay.Factor(step, post.LastStep, _dtOverTau);
        synapse.Weight = WeightBounds.Clamp(synapse.Weight + (float)LearningRate * modulator * x * y, WMin, WMax);
    }
}
