namespace Snn.Bench.Suites;

/// <summary>
/// The published parameters of the cortical microcircuit of Potjans &amp; Diesmann 2014
/// (Cereb. Cortex 24:785), as in the INM-6 microcircuit-PD14-model repository
/// (network_params.py, sim_params.py, helpers.py).
/// </summary>
public static class MicrocircuitParameters
{
    /// <summary>Population names, layer 2/3 to 6, excitatory then inhibitory.</summary>
    public static readonly string[] Names = ["L23E", "L23I", "L4E", "L4I", "L5E", "L5I", "L6E", "L6I"];

    /// <summary>Full-scale population sizes.</summary>
    public static readonly int[] FullSizes = [20683, 5834, 21915, 5479, 4850, 1065, 14395, 2948];

    /// <summary>Connection probabilities C[target][source].</summary>
    public static readonly double[,] ConnectionProbabilities =
    {
        { 0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0.0, 0.0076, 0.0 },
        { 0.1346, 0.1371, 0.0316, 0.0515, 0.0755, 0.0, 0.0042, 0.0 },
        { 0.0077, 0.0059, 0.0497, 0.135, 0.0067, 0.0003, 0.0453, 0.0 },
        { 0.0691, 0.0029, 0.0794, 0.1597, 0.0033, 0.0, 0.1057, 0.0 },
        { 0.1004, 0.0622, 0.0505, 0.0057, 0.0831, 0.3726, 0.0204, 0.0 },
        { 0.0548, 0.0269, 0.0257, 0.0022, 0.06, 0.3158, 0.0086, 0.0 },
        { 0.0156, 0.0066, 0.0211, 0.0166, 0.0572, 0.0197, 0.0396, 0.2252 },
        { 0.0364, 0.001, 0.0034, 0.0005, 0.0277, 0.008, 0.0658, 0.1443 },
    };

    /// <summary>External (background) in-degrees K_ext.</summary>
    public static readonly int[] ExternalInDegrees = [1600, 1500, 2100, 1900, 2000, 1900, 2900, 2100];

    /// <summary>Mean initial membrane potentials (mV), the reference's "optimized" V0.</summary>
    public static readonly double[] InitialVMean = [-68.28, -63.16, -63.33, -63.45, -63.11, -61.66, -66.72, -61.43];

    /// <summary>Standard deviations of the initial membrane potentials (mV).</summary>
    public static readonly double[] InitialVSd = [5.36, 4.57, 4.74, 4.94, 4.94, 4.55, 5.46, 4.48];

    /// <summary>Reference mean rates (Hz) of the full-scale model, from the reference repository.</summary>
    public static readonly double[] ReferenceRates = [0.903, 2.965, 4.414, 5.876, 7.569, 8.633, 1.105, 7.829];

    /// <summary>Mean postsynaptic potential of an excitatory synapse (mV).</summary>
    public const double PspMean = 0.15;

    /// <summary>Relative standard deviation of the weights.</summary>
    public const double WeightRelativeSd = 0.1;

    /// <summary>Relative inhibitory weight g.</summary>
    public const double G = -4;

    /// <summary>Mean excitatory and inhibitory delays (ms).</summary>
    public const double DelayExcitatory = 1.5, DelayInhibitory = 0.75;

    /// <summary>Relative standard deviation of the delays.</summary>
    public const double DelayRelativeSd = 0.5;

    /// <summary>Background rate per external input (Hz).</summary>
    public const double BackgroundRate = 8;

    /// <summary>Membrane capacitance (pF), time constant (ms), refractory period (ms).</summary>
    public const double CM = 250, TauM = 10, RefractoryPeriod = 2;

    /// <summary>Resting, threshold and reset potentials (mV).</summary>
    public const double EL = -65, VThreshold = -50, VReset = -65;

    /// <summary>Synaptic time constant (ms).</summary>
    public const double TauSyn = 0.5;

    /// <summary>Time step (ms).</summary>
    public const double Dt = 0.1;

    /// <summary>The total number of synapses of a projection at full scale: the reference's
    /// ln(1 − C) / ln((N_pre·N_post − 1)/(N_pre·N_post)), so that drawing that many pairs with
    /// replacement gives connection probability C.</summary>
    public static double FullSynapseCount(int target, int source)
    {
        double c = ConnectionProbabilities[target, source];
        double product = (double)FullSizes[source] * FullSizes[target];
        return Math.Log(1 - c) / Math.Log((product - 1) / product);
    }

    /// <summary>The PSC amplitude (pA) of an iaf_psc_exp neuron whose PSP peaks at <paramref name="psp"/> mV
    /// (the reference's postsynaptic_potential_to_current).</summary>
    public static double PscFromPsp(double psp, double cm = CM, double tauM = TauM, double tauSyn = TauSyn)
    {
        double peakTime = tauM * tauSyn / (tauM - tauSyn) * Math.Log(tauM / tauSyn);
        double perPa = tauM * tauSyn / (cm * (tauSyn - tauM)) * (Math.Exp(-peakTime / tauSyn) - Math.Exp(-peakTime / tauM));
        return psp / perPa;
    }
}
