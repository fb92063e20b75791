using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// The exact-integration propagators of <see cref="LifCurrent"/> over an interval h (Rotter &amp;
/// Diesmann 1999; NEST's <c>iaf_psc_exp</c> names in brackets): with no spike and no input in
/// between, the state after h is
/// <code>
/// V(h) − E_L  = P22 (V0 − E_L) + P20 (I_e + I_inj) + P21e I_syn,e0 + P21i I_syn,i0
/// I_syn,x(h)  = P11x I_syn,x0
/// </code>
/// computed once, in double, with <see cref="Math.Exp(double)"/>. This is the one place they are
/// computed: <see cref="LifCurrent.Prepare"/> rounds them to the float constants of its scalar
/// and block step (the clock-driven engines, GPU kernels included), the ONNX lowering rounds the
/// same values into its initializers, and the event-driven engine evaluates them in double at the
/// interval between two events.
/// </summary>
public readonly struct LifCurrentPropagators
{
    private LifCurrentPropagators(double interval, double membraneDecay, double currentToVoltage, double excitatoryDecay,
        double inhibitoryDecay, double excitatoryToVoltage, double inhibitoryToVoltage, int refractorySteps)
    {
        Interval = interval;
        MembraneDecay = membraneDecay;
        CurrentToVoltage = currentToVoltage;
        ExcitatoryDecay = excitatoryDecay;
        InhibitoryDecay = inhibitoryDecay;
        ExcitatoryToVoltage = excitatoryToVoltage;
        InhibitoryToVoltage = inhibitoryToVoltage;
        RefractorySteps = refractorySteps;
    }

    /// <summary>The interval h (ms) the propagators span: the time step, or the time between two events.</summary>
    public double Interval { get; }

    /// <summary>[P22] e^(−h/τm) (dimensionless, in (0, 1)): the part of V − E_L left after h.</summary>
    public double MembraneDecay { get; }

    /// <summary>[P20] τm/C (1 − e^(−h/τm)) (mV/pA): the change of V over h caused by a constant current of 1 pA.</summary>
    public double CurrentToVoltage { get; }

    /// <summary>[P11ex] e^(−h/τsyn,e) (dimensionless): the part of the excitatory synaptic current left after h.</summary>
    public double ExcitatoryDecay { get; }

    /// <summary>[P11in] e^(−h/τsyn,i) (dimensionless): the part of the inhibitory synaptic current left after h.</summary>
    public double InhibitoryDecay { get; }

    /// <summary>[P21ex] τm τsyn,e / (C (τsyn,e − τm)) (e^(−h/τsyn,e) − e^(−h/τm)), or h/C e^(−h/τm) when
    /// τsyn,e = τm (mV/pA): the change of V over h caused by 1 pA of excitatory synaptic current at the start.</summary>
    public double ExcitatoryToVoltage { get; }

    /// <summary>[P21in] as <see cref="ExcitatoryToVoltage"/> with τsyn,i (mV/pA).</summary>
    public double InhibitoryToVoltage { get; }

    /// <summary>The refractory period in whole intervals, t_ref / h rounded to the nearest integer (steps, ≥ 0).</summary>
    public int RefractorySteps { get; }

    /// <summary>The propagators of <paramref name="model"/> over <paramref name="interval"/>.</summary>
    /// <param name="model">The neuron's parameters (validated by the caller).</param>
    /// <param name="interval">The interval h (ms), ≥ 0 and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is negative, NaN or infinite.</exception>
    public static LifCurrentPropagators Over(in LifCurrent model, double interval)
    {
        Guard.NonNegative(interval, nameof(interval));
        double membraneDecay = Math.Exp(-interval / model.TauM);
        double excitatoryDecay = Math.Exp(-interval / model.TauSynE);
        double inhibitoryDecay = Math.Exp(-interval / model.TauSynI);
        return new LifCurrentPropagators(
            interval,
            membraneDecay,
            model.TauM / model.CM * (1 - membraneDecay),
            excitatoryDecay,
            inhibitoryDecay,
            ExponentialCurrentPropagator.VoltageFromCurrent(model.TauSynE, model.TauM, model.CM, interval, excitatoryDecay, membraneDecay),
            ExponentialCurrentPropagator.VoltageFromCurrent(model.TauSynI, model.TauM, model.CM, interval, inhibitoryDecay, membraneDecay),
            interval > 0 ? (int)Math.Round(model.RefractoryPeriod / interval) : 0);
    }
}
