namespace Snn.Core.Models;

/// <summary>
/// Exact-integration propagators for a leaky membrane driven by an exponentially decaying
/// current (Rotter &amp; Diesmann 1999), as NEST computes them at calibration.
/// </summary>
public static class ExponentialCurrentPropagator
{
    /// <summary>
    /// The membrane change (mV) after <paramref name="h"/> ms caused by a unit synaptic current
    /// (1 pA) present at the start of the step and decaying with <paramref name="tauSyn"/>:
    /// τm τs / (C (τs − τm)) (e^(−h/τs) − e^(−h/τm)), with its limit h/C e^(−h/τm) when τs = τm.
    /// </summary>
    /// <param name="tauSyn">Synaptic time constant (ms).</param>
    /// <param name="tauM">Membrane time constant (ms).</param>
    /// <param name="capacitance">Membrane capacitance (pF).</param>
    /// <param name="h">Step (ms).</param>
    public static double VoltageFromCurrent(double tauSyn, double tauM, double capacitance, double h)
        => VoltageFromCurrent(tauSyn, tauM, capacitance, h, Math.Exp(-h / tauSyn), Math.Exp(-h / tauM));

    /// <summary><see cref="VoltageFromCurrent(double, double, double, double)"/> with the two decays
    /// e^(−h/τs) and e^(−h/τm) already computed.</summary>
    internal static double VoltageFromCurrent(double tauSyn, double tauM, double capacitance, double h, double synapticDecay, double membraneDecay)
    {
        double difference = tauSyn - tauM;
        if (Math.Abs(difference) < 1e-9 * tauM)
        {
            return h / capacitance * membraneDecay;
        }
        return tauM * tauSyn / (capacitance * difference) * (synapticDecay - membraneDecay);
    }
}
