using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Bench.Suites;

/// <summary>
/// The COBA benchmark of Brette et al. 2007 (benchmark 1, after Vogels &amp; Abbott 2005) in the
/// driven form that Brian2 comparisons use (BrainPy's <c>develop/benchmark/COBA/COBA_brian2.py</c>;
/// synapses and neurons as in R. Brette's Brian script <c>COBA.py</c> for the review, whose
/// conductance parameters Brian2's <c>examples/COBAHH.py</c> keeps):
/// <code>
/// C dv/dt = gL (El − v) + ge (Ee − v) + gi (Ei − v) + I      (v held for 5 ms after a spike)
/// dge/dt = −ge/τe,  dgi/dt = −gi/τi
/// C = 200 pF, gL = 10 nS (τm = 20 ms), El = −60 mV, Ee = 0 mV, Ei = −80 mV, τe = 5 ms, τi = 10 ms
/// I = 20 mV · gL = 200 pA
/// v &gt; Vt = −50 mV: spike, v ← Vr = −60 mV
/// we = 6 nS (0.6 gL), wi = 67 nS (6.7 gL), 80 % excitatory, each pair with p = 80/N
/// v0 ~ N(−55, 5) mV, ge0 = gi0 = 0
/// </code>
/// Brian works in units of gL with dimensionless conductances; here they are in nS and I is in pA.
/// Why the drive: Brette's original script has no input and starts from random conductances
/// (v0 ~ N(−65, 5) mV, ge0 ~ N(4, 1.5)·gL, gi0 ~ N(20, 12)·gL); in this engine that activity dies
/// within 100 ms (292 spikes in 1 s for N = 4000, seed 42; with v0 uniform in [Vr, Vt] 419), which
/// would time a silent network. With I the network fires irregularly at about 20 Hz.
/// Brian integrates with forward Euler; we use <see cref="LifConductance"/>'s exponential Euler.
/// The connection probability is 80/N so that N = 4000 is the review's 2 % network and larger
/// networks keep the in-degree (as the CUBA suite and Brian2's benchmark scripts do). Autapses are
/// allowed, as in Brian's <c>connect(p=...)</c>.
/// </summary>
public static class CobaNetwork
{
    /// <summary>Membrane capacitance (pF).</summary>
    public const double Capacitance = 200;

    /// <summary>Leak conductance gL (nS).</summary>
    public const double LeakConductance = 10;

    /// <summary>Excitatory synaptic weight (nS): 0.6 gL.</summary>
    public const double ExcitatoryWeightNs = 0.6 * LeakConductance;

    /// <summary>Inhibitory synaptic weight (nS): 6.7 gL.</summary>
    public const double InhibitoryWeightNs = 6.7 * LeakConductance;

    /// <summary>The constant drive (pA): 20 mV · gL.</summary>
    public const double DrivePa = 20 * LeakConductance;

    /// <summary>The neuron model of the benchmark.</summary>
    public static LifConductance Neuron => new()
    {
        CM = Capacitance,
        GL = LeakConductance,
        EL = -60,
        EExcitatory = 0,
        EInhibitory = -80,
        TauSynE = 5,
        TauSynI = 10,
        RefractoryPeriod = 5,
        VThreshold = -50,
        VReset = -60,
        IE = DrivePa,
    };

    /// <summary>Initial membrane potential: N(−55, 5) mV.</summary>
    public static Dist InitialV => Dist.Normal(-55, 5);

    /// <summary>Builds the network with <paramref name="size"/> neurons, recording every spike.</summary>
    public static BuiltNetwork Build(int size, ulong seed)
    {
        if (size < 5)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"size = {size} must be at least 5 (80 % excitatory, 20 % inhibitory).");
        }
        var network = new Network(seed, dt: 0.1);
        int excitatory = (int)(0.8 * size);
        double p = CubaNetwork.ConnectionProbability(size);
        var model = Neuron;
        var exc = network.AddPopulation("exc", excitatory, model);
        var inh = network.AddPopulation("inh", size - excitatory, model);
        foreach (var population in new Population[] { exc, inh })
        {
            population.WithInitial(StateVariable.V, InitialV);
        }
        foreach (var target in new Population[] { exc, inh })
        {
            network.Connect(exc, target, Connectivity.Probability(p, allowAutapses: true), Synapse.Excitatory(ExcitatoryWeightNs));
            network.Connect(inh, target, Connectivity.Probability(p, allowAutapses: true), Synapse.Inhibitory(InhibitoryWeightNs));
        }
        return new BuiltNetwork(network, [network.RecordSpikes(exc), network.RecordSpikes(inh)]);
    }
}
