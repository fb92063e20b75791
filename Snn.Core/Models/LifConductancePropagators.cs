using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// The step constants of <see cref="LifConductance"/> over a step h: the decay of each conductance
/// over h, exact (g_x(h) = e^(−h/τsyn,x) g_x0) or, with <see cref="ConductanceIntegration.ForwardEuler"/>,
/// forward Euler's 1 − h/τsyn,x, and h/C, the factor of the membrane's forward-Euler step or of the
/// exponent of its exponential-Euler factor e^(−(h/C) g_tot), whose g_tot changes every step (so that
/// exponential is taken per neuron and step, with <see cref="Numerics.DeterministicMath.Exp(float)"/>). Computed once, in double with
/// <see cref="Math.Exp(double)"/>; <see cref="LifConductance.Prepare"/> and the ONNX lowering both
/// round these values to float, so neither computes them itself.
/// </summary>
public readonly struct LifConductancePropagators
{
    private LifConductancePropagators(double step, double excitatoryDecay, double inhibitoryDecay, double stepOverCapacitance, int refractorySteps)
    {
        Step = step;
        ExcitatoryDecay = excitatoryDecay;
        InhibitoryDecay = inhibitoryDecay;
        StepOverCapacitance = stepOverCapacitance;
        RefractorySteps = refractorySteps;
    }

    /// <summary>The step h (ms).</summary>
    public double Step { get; }

    /// <summary>e^(−h/τsyn,e), or 1 − h/τsyn,e under forward Euler (dimensionless, in (0, 1)): the part of the excitatory conductance left after h.</summary>
    public double ExcitatoryDecay { get; }

    /// <summary>e^(−h/τsyn,i), or 1 − h/τsyn,i under forward Euler (dimensionless, in (0, 1)): the part of the inhibitory conductance left after h.</summary>
    public double InhibitoryDecay { get; }

    /// <summary>h / C_m (ms/pF): multiplied by g_tot (nS) it is the exponent of the membrane's relaxation
    /// towards V∞ over the step.</summary>
    public double StepOverCapacitance { get; }

    /// <summary>The refractory period in whole steps, t_ref / h rounded to the nearest integer (≥ 0).</summary>
    public int RefractorySteps { get; }

    /// <summary>The step constants of <paramref name="model"/> for the step <paramref name="dt"/>.</summary>
    /// <param name="model">The neuron's parameters (validated by the caller).</param>
    /// <param name="dt">The step h (ms), &gt; 0 and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dt"/> is not positive and finite, or, under forward Euler, not below min(τsyn,e, τsyn,i, C_m/g_L).</exception>
    public static LifConductancePropagators Over(in LifConductance model, double dt)
    {
        Guard.Positive(dt, nameof(dt));
        if (model.Integration == ConductanceIntegration.ForwardEuler)
        {
            double stable = Math.Min(Math.Min(model.TauSynE, model.TauSynI), model.CM / model.GL);
            if (dt >= stable)
            {
                throw new ArgumentOutOfRangeException(nameof(dt), dt,
                    $"dt = {dt} ms must be below min(TauSynE, TauSynI, CM/GL) = {stable} ms for forward-Euler integration (Integration = ForwardEuler).");
            }
            return new LifConductancePropagators(dt, 1 - dt / model.TauSynE, 1 - dt / model.TauSynI, dt / model.CM, RefractoryStepsOf(model, dt));
        }
        return new LifConductancePropagators(
            dt,
            Math.Exp(-dt / model.TauSynE),
            Math.Exp(-dt / model.TauSynI),
            dt / model.CM,
            RefractoryStepsOf(model, dt));
    }

    private static int RefractoryStepsOf(in LifConductance model, double dt) => (int)Math.Round(model.RefractoryPeriod / dt);
}
