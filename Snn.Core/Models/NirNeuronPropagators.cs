using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// The exact-integration propagators of <see cref="NirNeuron"/> over a step h (units are the NIR
/// file's voltage v and current I). With no spike in the step and a current I_inj held constant:
/// <code>
/// TauSyn &gt; 0:  v(h) = VoltageDrive + MembraneDecay v0 + SynapseToVoltage (I0 − SteadyCurrent) + CurrentToVoltage I_inj
///               I(h) = SteadyCurrent + SynapticDecay (I0 − SteadyCurrent)
/// TauSyn = 0:  v(h) = VoltageDrive + MembraneDecay v0 + CurrentToVoltage I_inj
/// </code>
/// and a spike of weight w arriving at the end of the step adds SpikeJump·w to I (TauSyn &gt; 0)
/// or to v (TauSyn = 0). Computed once, in double with <see cref="Math.Exp(double)"/>;
/// <see cref="NirNeuron.Prepare"/> rounds them to the float constants of its scalar and block step.
/// </summary>
public readonly struct NirNeuronPropagators
{
    /// <summary>The step h (ms).</summary>
    public double Step { get; init; }

    /// <summary>e^(−h/τ_mem) for a leaky neuron, 1 otherwise (dimensionless): the part of v left after h.</summary>
    public double MembraneDecay { get; init; }

    /// <summary>The v reached after h from v = 0, I = SteadyCurrent: (v_leak + R I∞)(1 − e^(−h/τ_mem)) for a
    /// leaky neuron, R I∞ h / τ_mem otherwise (NIR voltage).</summary>
    public double VoltageDrive { get; init; }

    /// <summary>The synaptic current the bias alone holds, I∞ = w_in b (TauSyn &gt; 0; NIR current); 0 when
    /// TauSyn = 0 (the bias is then part of <see cref="VoltageDrive"/>).</summary>
    public double SteadyCurrent { get; init; }

    /// <summary>e^(−h/τ_syn) (dimensionless) when TauSyn &gt; 0, else 0: the part of I − I∞ left after h.</summary>
    public double SynapticDecay { get; init; }

    /// <summary>The change of v over h per unit of I − I∞ at the start (NIR voltage per NIR current), TauSyn &gt; 0:
    /// R τ_syn / (τ_syn − τ_mem) (e^(−h/τ_syn) − e^(−h/τ_mem)) (leaky; R h/τ_mem e^(−h/τ_mem) when τ_syn = τ_mem),
    /// R τ_syn (1 − e^(−h/τ_syn)) / τ_mem (not leaky); 0 when TauSyn = 0.</summary>
    public double SynapseToVoltage { get; init; }

    /// <summary>The change of v over h per unit of constant injected current: R (1 − e^(−h/τ_mem)) (leaky) or
    /// R h / τ_mem (not leaky) (NIR voltage per unit current).</summary>
    public double CurrentToVoltage { get; init; }

    /// <summary>The jump per unit spike weight: w_in·SpikeIntegralMs/τ_syn of I (TauSyn &gt; 0) or
    /// R·SpikeIntegralMs/τ_mem of v (TauSyn = 0).</summary>
    public double SpikeJump { get; init; }

    /// <summary>The propagators of <paramref name="model"/> over the step <paramref name="dt"/>.</summary>
    /// <param name="model">The neuron's parameters (validated by the caller).</param>
    /// <param name="dt">The step h (ms), &gt; 0 and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dt"/> is not positive and finite.</exception>
    public static NirNeuronPropagators Over(in NirNeuron model, double dt)
    {
        Guard.Positive(dt, nameof(dt));
        bool leak = model.Leak;
        double pMem = leak ? Math.Exp(-dt / model.TauMem) : 1;
        double currentToVoltage = leak ? model.R * (1 - pMem) : model.R * dt / model.TauMem;
        if (!(model.TauSyn > 0))
        {
            double drive = leak ? (model.VLeak + model.R * model.Bias) * (1 - pMem) : model.R * model.Bias * dt / model.TauMem;
            return new NirNeuronPropagators
            {
                Step = dt,
                MembraneDecay = pMem,
                VoltageDrive = drive,
                CurrentToVoltage = currentToVoltage,
                SpikeJump = model.R * model.SpikeIntegralMs / model.TauMem,
            };
        }
        double iInfinity = model.WIn * model.Bias;
        double pSyn = Math.Exp(-dt / model.TauSyn);
        double synapseToVoltage;
        if (!leak)
        {
            synapseToVoltage = model.R * model.TauSyn * (1 - pSyn) / model.TauMem;
        }
        else if (Math.Abs(model.TauSyn - model.TauMem) < 1e-9 * model.TauMem)
        {
            synapseToVoltage = model.R * dt / model.TauMem * pMem;
        }
        else
        {
            synapseToVoltage = model.R * model.TauSyn / (model.TauSyn - model.TauMem) * (pSyn - pMem);
        }
        return new NirNeuronPropagators
        {
            Step = dt,
            MembraneDecay = pMem,
            VoltageDrive = leak ? (model.VLeak + model.R * iInfinity) * (1 - pMem) : model.R * iInfinity * dt / model.TauMem,
            SteadyCurrent = iInfinity,
            SynapticDecay = pSyn,
            SynapseToVoltage = synapseToVoltage,
            CurrentToVoltage = currentToVoltage,
            SpikeJump = model.WIn * model.SpikeIntegralMs / model.TauSyn,
        };
    }
}
