using Snn.Core.Models;

namespace Snn.Backends.EventDriven;

/// <summary>
/// The closed-form solution of <see cref="LifCurrent"/> between events (Rotter &amp; Diesmann 1999;
/// Brette 2007, "Exact simulation of integrate-and-fire models with exponential currents"):
/// <code>
/// V(h) = E_L + R I_ext + (V0 − E_L − R I_ext) e^(−h/τm) + Σx I_x0 τm τx / (C (τx − τm)) (e^(−h/τx) − e^(−h/τm))
/// I_x(h) = I_x0 e^(−h/τx)          R = τm / C,  x ∈ {syn,e; syn,i}
/// </code>
/// with the limit I_x0 h/C e^(−h/τm) when τx = τm: the model's <see cref="LifCurrentPropagators"/>
/// over h, in double. The threshold crossing time is the first zero of
/// V(h) − V_th, found by branch and bound over the exponential terms and bisection to a few ulps.
/// </summary>
public static class LifCurrentSolution
{
    /// <summary>The membrane potential (mV) <paramref name="h"/> ms after the given state, with no spike in between.</summary>
    /// <param name="model">The neuron parameters.</param>
    /// <param name="v0">Initial membrane potential (mV).</param>
    /// <param name="synapticE">Initial excitatory synaptic current (pA).</param>
    /// <param name="synapticI">Initial inhibitory synaptic current (pA).</param>
    /// <param name="externalCurrent">Constant external current, bias included (pA).</param>
    /// <param name="h">Elapsed time (ms), ≥ 0.</param>
    public static double Voltage(in LifCurrent model, double v0, double synapticE, double synapticI, double externalCurrent, double h)
        => Voltage(model, LifCurrentPropagators.Over(model, h), v0, synapticE, synapticI, externalCurrent);

    /// <summary>The membrane potential (mV) after <paramref name="propagators"/>' interval, with no spike in between.</summary>
    /// <param name="model">The neuron parameters.</param>
    /// <param name="propagators">The model's propagators over the elapsed time.</param>
    /// <param name="v0">Initial membrane potential (mV).</param>
    /// <param name="synapticE">Initial excitatory synaptic current (pA).</param>
    /// <param name="synapticI">Initial inhibitory synaptic current (pA).</param>
    /// <param name="externalCurrent">Constant external current, bias included (pA).</param>
    public static double Voltage(in LifCurrent model, in LifCurrentPropagators propagators, double v0, double synapticE, double synapticI, double externalCurrent)
    {
        double r = model.TauM / model.CM;
        return model.EL + r * externalCurrent + (v0 - model.EL - r * externalCurrent) * propagators.MembraneDecay
            + synapticE * propagators.ExcitatoryToVoltage
            + synapticI * propagators.InhibitoryToVoltage;
    }

    /// <summary>The first time h ≥ 0 (ms after the given state) at which V reaches
    /// <see cref="LifCurrent.VThreshold"/>, or +∞ when it never does (before <paramref name="horizonMs"/>).</summary>
    /// <param name="model">The neuron parameters.</param>
    /// <param name="v0">Initial membrane potential (mV).</param>
    /// <param name="synapticE">Initial excitatory synaptic current (pA).</param>
    /// <param name="synapticI">Initial inhibitory synaptic current (pA).</param>
    /// <param name="externalCurrent">Constant external current, bias included (pA).</param>
    /// <param name="horizonMs">Latest time searched (ms), &gt; 0; +∞ for none.</param>
    public static double FirstThresholdCrossing(in LifCurrent model, double v0, double synapticE, double synapticI, double externalCurrent,
        double horizonMs = double.PositiveInfinity)
    {
        double r = model.TauM / model.CM;
        var f = new ExponentialSum(model.EL + r * externalCurrent - model.VThreshold);
        double membrane = v0 - model.EL - r * externalCurrent;
        AddSynapse(ref membrane, ref f, synapticE, model.TauSynE, model);
        AddSynapse(ref membrane, ref f, synapticI, model.TauSynI, model);
        f.Add(membrane, model.TauM, 0);
        return f.FirstZero(horizonMs);
    }

    private static void AddSynapse(ref double membrane, ref ExponentialSum f, double current, double tauSyn, in LifCurrent model)
    {
        if (current == 0)
        {
            return;
        }
        double difference = tauSyn - model.TauM;
        if (Math.Abs(difference) < 1e-9 * model.TauM)
        {
            f.Add(current / model.CM, model.TauM, 1);
            return;
        }
        double kappa = model.TauM * tauSyn / (model.CM * difference);
        f.Add(current * kappa, tauSyn, 0);
        membrane -= current * kappa;
    }
}
