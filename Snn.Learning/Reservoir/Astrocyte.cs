using Snn.Core.Validation;

namespace Snn.Learning.Reservoir;

/// <summary>
/// The astrocyte of NALSM (Ivanov &amp; Michmizos 2021): a leaky integrator of the liquid's spikes minus
/// the input's, whose value A scales STDP depression,
/// <code>
/// A ← A + [w_A·(Σ liquid spikes − Σ input spikes) + b_A − A]/τ_A      (every 1 ms)
/// A, w_A, b_A ← A, w_A, b_A · γ                                          (γ = <see cref="DecayPerMs"/>)
/// </code>
/// with A(0) = b_A. <see cref="Reset"/> restores A, w_A and b_A at the start of a sample.
/// With w_A = 0 it is the fixed A = b_A of the LSM+STDP baseline.
/// </summary>
public sealed class Astrocyte
{
    /// <summary>Creates the astrocyte at A = b_A.</summary>
    /// <param name="weight">w_A, the gain per spike (finite; 0.015 for 1000 liquid neurons, 0.0075 for 8000).</param>
    /// <param name="bias">b_A, the resting value and A(0) (finite; 0.15).</param>
    /// <param name="tauMs">τ_A (ms), ≥ 1 (100).</param>
    /// <param name="decayPerMs">γ, the factor applied to A, w_A and b_A every ms, in (0, 1] (1 during initialisation, 0.99 while a sample is read out).</param>
    public Astrocyte(double weight, double bias, double tauMs, double decayPerMs = 1)
    {
        Weight = Guard.Finite(weight, nameof(weight));
        Bias = Guard.Finite(bias, nameof(bias));
        TauMs = Guard.InRange(tauMs, 1, double.MaxValue, nameof(tauMs));
        if (!(decayPerMs > 0 && decayPerMs <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(decayPerMs), decayPerMs, $"decayPerMs = {decayPerMs} must be in (0, 1].");
        }
        DecayPerMs = decayPerMs;
        Reset();
    }

    /// <summary>w_A at the start of a sample.</summary>
    public double Weight { get; }

    /// <summary>b_A at the start of a sample.</summary>
    public double Bias { get; }

    /// <summary>τ_A (ms).</summary>
    public double TauMs { get; }

    /// <summary>γ, the per-ms decay of A, w_A and b_A.</summary>
    public double DecayPerMs { get; }

    /// <summary>The current astrocyte signal A.</summary>
    public double Value { get; private set; }

    /// <summary>The current w_A (after decay).</summary>
    public double CurrentWeight { get; private set; }

    /// <summary>The current b_A (after decay).</summary>
    public double CurrentBias { get; private set; }

    /// <summary>Back to A = b_A with the initial w_A and b_A.</summary>
    public void Reset()
    {
        Value = Bias;
        CurrentWeight = Weight;
        CurrentBias = Bias;
    }

    /// <summary>Advances 1 ms and returns the new A.</summary>
    /// <param name="liquidSpikes">Spikes of the liquid in that ms, ≥ 0.</param>
    /// <param name="inputSpikes">Spikes of the input neurons in that ms, ≥ 0.</param>
    public double Step(int liquidSpikes, int inputSpikes)
    {
        Guard.InRange(liquidSpikes, 0, int.MaxValue, nameof(liquidSpikes));
        Guard.InRange(inputSpikes, 0, int.MaxValue, nameof(inputSpikes));
        Value += (CurrentWeight * (liquidSpikes - inputSpikes) + CurrentBias - Value) / TauMs;
        Value *= DecayPerMs;
        CurrentWeight *= DecayPerMs;
        CurrentBias *= DecayPerMs;
        return Value;
    }
}
