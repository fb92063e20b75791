using Snn.Core.Plasticity;
using Snn.Core.Validation;

namespace Snn.Learning.Plasticity;

/// <summary>
/// Triplet STDP (Pfister &amp; Gerstner 2006, J. Neurosci. 26:9673, eqs. 3-4), all-to-all
/// interactions. Presynaptic traces r₁ (τ₊), r₂ (τₓ) per synapse, postsynaptic traces o₁ (τ₋),
/// o₂ (τ_y) per neuron, each +1 per spike:
/// <code>
/// pre arrival:  w ← w − o₁ (A₂₋ + A₃₋ r₂(t−ε))
/// post spike:   w ← w + r₁ (A₂₊ + A₃₊ o₂(t−ε))
/// </code>
/// The triplet terms make potentiation grow with the pairing frequency: at low frequency
/// post-pre and pre-post pairs give depression, at high frequency potentiation (the paper's
/// fit of Sjöström et al. 2001). Weights stay in [WMin, WMax].
/// </summary>
public struct TripletStdp : IPlasticityRule<TripletStdp>
{
    private float _dtOverTauPlus;
    private float _dtOverTauX;
    private float _dtOverTauMinus;
    private float _dtOverTauY;

    /// <summary>Creates the rule with the visual-cortex parameters.</summary>
    public TripletStdp()
    {
        this = VisualCortex;
    }

    /// <summary>τ₊ of r₁ (ms). Paper: 16.8.</summary>
    public double TauPlus { get; init; }

    /// <summary>τₓ of r₂ (ms).</summary>
    public double TauX { get; init; }

    /// <summary>τ₋ of o₁ (ms). Paper: 33.7.</summary>
    public double TauMinus { get; init; }

    /// <summary>τ_y of o₂ (ms).</summary>
    public double TauY { get; init; }

    /// <summary>Pair potentiation amplitude A₂₊ (weight units).</summary>
    public double A2Plus { get; init; }

    /// <summary>Triplet potentiation amplitude A₃₊ (weight units).</summary>
    public double A3Plus { get; init; }

    /// <summary>Pair depression amplitude A₂₋ (weight units).</summary>
    public double A2Minus { get; init; }

    /// <summary>Triplet depression amplitude A₃₋ (weight units).</summary>
    public double A3Minus { get; init; }

    /// <summary>Lower weight bound. Default 0.</summary>
    public double WMin { get; init; }

    /// <summary>Upper weight bound. Default 1.</summary>
    public double WMax { get; init; }

    /// <summary>Visual cortex (Sjöström et al. 2001 data), all-to-all full model, Table 4 of the paper.</summary>
    public static TripletStdp VisualCortex => new Parameters(16.8, 101, 33.7, 125, 5e-10, 6.2e-3, 7e-3, 2.3e-4).ToRule();

    /// <summary>Hippocampal culture (Wang et al. 2005 data), all-to-all full model, Table 4 of the paper.</summary>
    public static TripletStdp Hippocampal => new Parameters(16.8, 946, 33.7, 27, 6.1e-3, 6.7e-3, 1.6e-3, 1.4e-3).ToRule();

    /// <inheritdoc />
    public readonly string RuleName => "triplet-stdp";

    /// <inheritdoc />
    public readonly double PeriodMs => 0;

    /// <inheritdoc />
    public readonly void Validate()
    {
        Guard.Positive(TauPlus, nameof(TauPlus));
        Guard.Positive(TauX, nameof(TauX));
        Guard.Positive(TauMinus, nameof(TauMinus));
        Guard.Positive(TauY, nameof(TauY));
        Guard.NonNegative(A2Plus, nameof(A2Plus));
        Guard.NonNegative(A3Plus, nameof(A3Plus));
        Guard.NonNegative(A2Minus, nameof(A2Minus));
        Guard.NonNegative(A3Minus, nameof(A3Minus));
        WeightBounds.Validate(WMin, WMax);
    }

    /// <inheritdoc />
    public readonly TripletStdp Prepare(double dt)
    {
        var prepared = this;
        prepared._dtOverTauPlus = (float)(dt / TauPlus);
        prepared._dtOverTauX = (float)(dt / TauX);
        prepared._dtOverTauMinus = (float)(dt / TauMinus);
        prepared._dtOverTauY = (float)(dt / TauY);
        return prepared;
    }

    /// <inheritdoc />
    public readonly void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        float o1 = post.Post1 * TraceDecay.Factor(step, post.LastStep, _dtOverTauMinus);
        float r1 = synapse.Pre1 * TraceDecay.Factor(step, synapse.LastStep, _dtOverTauPlus);
        float r2 = synapse.Pre2 * TraceDecay.Factor(step, synapse.LastStep, _dtOverTauX);
        synapse.Weight = WeightBounds.Clamp(synapse.Weight - o1 * (float)(A2Minus + A3Minus * r2), WMin, WMax);
        synapse.Pre1 = r1 + 1f;
        synapse.Pre2 = r2 + 1f;
        synapse.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
        float r1 = synapse.Pre1 * TraceDecay.Factor(step, synapse.LastStep, _dtOverTauPlus);
        float r2 = synapse.Pre2 * TraceDecay.Factor(step, synapse.LastStep, _dtOverTauX);
        float o2 = post.Post2 * TraceDecay.Factor(step, post.LastStep, _dtOverTauY);
        synapse.Weight = WeightBounds.Clamp(synapse.Weight + r1 * (float)(A2Plus + A3Plus * o2), WMin, WMax);
        synapse.Pre1 = r1;
        synapse.Pre2 = r2;
        synapse.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void AfterPostSpike(ref PostState post, long step)
    {
        post.Post1 = post.Post1 * TraceDecay.Factor(step, post.LastStep, _dtOverTauMinus) + 1f;
        post.Post2 = post.Post2 * TraceDecay.Factor(step, post.LastStep, _dtOverTauY) + 1f;
        post.LastStep = step;
    }

    /// <inheritdoc />
    public readonly void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
    {
    }

    private readonly record struct Parameters(double TauPlus, double TauX, double TauMinus, double TauY, double A2Plus, double A3Plus, double A2Minus, double A3Minus)
    {
        public TripletStdp ToRule()
        {
            var rule = default(TripletStdp);
            return rule with
            {
                TauPlus = TauPlus, TauX = TauX, TauMinus = TauMinus, TauY = TauY,
                A2Plus = A2Plus, A3Plus = A3Plus, A2Minus = A2Minus, A3Minus = A3Minus, WMin = 0, WMax = 1,
            };
        }
    }
}
