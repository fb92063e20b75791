using Snn.Backends.Sfq;
using Snn.Core.Validation;

namespace Snn.Experiments.Sfq;

/// <summary>
/// A two-layer spike-rate-coded XOR network of SFQ neurons and stochastic synapses, after the
/// case study of Krylov et al. (Neuromorph. Comput. Eng. 2024). Inputs are pulse trains at the
/// clock rate (a logical 1 is one pulse per clock period, a 0 no pulses; input B is offset by half a
/// period so its pulses interleave with A's). A leaky hidden "AND" neuron fires only when both
/// inputs are active (its threshold lies between the flux one input and two inputs leave in its
/// loop); the output neuron integrates excitatory pulses from both inputs and inhibitory pulses
/// from the AND neuron (through <see cref="InhibitorySynapses"/> parallel gates), so it fires at a
/// high rate for exactly one active input. The class is read from the output rate.
/// </summary>
public sealed record SfqXorDesign
{
    /// <summary>Clock period (ps), &gt; 0. Default 100 (10 GHz).</summary>
    public double ClockPeriodPs { get; init; } = 100;

    /// <summary>Clock periods per classification window, ≥ 1. Default 100 (10 ns).</summary>
    public int WindowPeriods { get; init; } = 100;

    /// <summary>Weight (pass probability) of the input → AND synapses, in (0, 1]. Default 1 (gate 6σ above its 50 % point, which keeps it insensitive to the bias).</summary>
    public double InputToAndWeight { get; init; } = 1;

    /// <summary>Weight (pass probability) of the input → output synapses, in (0, 1]. Default 0.8.</summary>
    public double InputToOutputWeight { get; init; } = 0.8;

    /// <summary>Weight magnitude (pass probability) of each AND → output inhibitory synapse, in (0, 1]. Default 1.</summary>
    public double AndToOutputWeight { get; init; } = 1;

    /// <summary>Parallel inhibitory AND → output synapses, ≥ 1. Default 2.</summary>
    public int InhibitorySynapses { get; init; } = 2;

    /// <summary>AND neuron threshold (Φ0). Default 1.25: above the 1/(1 − e^(−T/τ)) ≈ 1.16 Φ0 one input leaves, below the 1 + e^(−T/2τ) ≈ 1.37 Φ0 two do.</summary>
    public double AndThresholdFluxons { get; init; } = 1.25;

    /// <summary>AND neuron leak time constant L/R (ps). Default 50.</summary>
    public double AndLeakPs { get; init; } = 50;

    /// <summary>Output neuron threshold (Φ0). Default 1.5.</summary>
    public double OutputThresholdFluxons { get; init; } = 1.5;

    /// <summary>Output neuron leak time constant L/R (ps). Default 300.</summary>
    public double OutputLeakPs { get; init; } = 300;

    /// <summary>Refractory time of both neurons (ps). Default 5.</summary>
    public double RefractoryPs { get; init; } = 5;

    /// <summary>Requested delay of the input synapses (ps). Default 20.</summary>
    public double InputDelayPs { get; init; } = 20;

    /// <summary>Extra requested delay of the input → output synapses over <see cref="InputDelayPs"/> (ps), ≥ 0.
    /// Default 0. A circuit needs it where the inhibition passes cells (the AND neuron's switching, its
    /// splitter, gate and merger) whose latency the pulse-level model's inhibitory delay leaves out.</summary>
    public double InputToOutputExtraDelayPs { get; init; }

    /// <summary>Requested delay of the first inhibitory synapse (ps); the k-th adds k × <see cref="InhibitoryStaggerPs"/>. Default 1 (one JTL stage).</summary>
    public double InhibitoryDelayPs { get; init; } = 1;

    /// <summary>Extra delay between parallel inhibitory synapses (ps), so their pulses do not collide in the output merger. Default 17 (three JTL stages).</summary>
    public double InhibitoryStaggerPs { get; init; } = 17;

    /// <summary>Output rate (GHz) above which the output reads as class 1. Default 0.5.</summary>
    public double DecisionRateGhz { get; init; } = 0.5;

    /// <summary>The published-style default design.</summary>
    public static SfqXorDesign Default { get; } = new();

    /// <summary>Window length (ps).</summary>
    public double WindowPs => ClockPeriodPs * WindowPeriods;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid parameter.</summary>
    public void Validate()
    {
        Guard.Positive(ClockPeriodPs, nameof(ClockPeriodPs));
        Guard.PositiveCount(WindowPeriods, nameof(WindowPeriods));
        Guard.InRange(InputToAndWeight, double.Epsilon, 1, nameof(InputToAndWeight));
        Guard.InRange(InputToOutputWeight, double.Epsilon, 1, nameof(InputToOutputWeight));
        Guard.InRange(AndToOutputWeight, double.Epsilon, 1, nameof(AndToOutputWeight));
        Guard.PositiveCount(InhibitorySynapses, nameof(InhibitorySynapses));
        Guard.Positive(AndThresholdFluxons, nameof(AndThresholdFluxons));
        Guard.Positive(AndLeakPs, nameof(AndLeakPs));
        Guard.Positive(OutputThresholdFluxons, nameof(OutputThresholdFluxons));
        Guard.Positive(OutputLeakPs, nameof(OutputLeakPs));
        Guard.NonNegative(RefractoryPs, nameof(RefractoryPs));
        Guard.Positive(InputDelayPs, nameof(InputDelayPs));
        Guard.NonNegative(InputToOutputExtraDelayPs, nameof(InputToOutputExtraDelayPs));
        Guard.Positive(InhibitoryDelayPs, nameof(InhibitoryDelayPs));
        Guard.NonNegative(InhibitoryStaggerPs, nameof(InhibitoryStaggerPs));
        Guard.Positive(DecisionRateGhz, nameof(DecisionRateGhz));
    }
}
