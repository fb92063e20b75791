using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Bench.Suites;

/// <summary>
/// The COBA benchmark of Brette et al. 2007 (benchmark 1, after Vogels &amp; Abbott 2005) as Brian2
/// runs it (<c>bench/peers/brian2_coba.py</c>; the equations and parameters of R. Brette's Brian
/// script <c>COBA.py</c> for the review):
/// <code>
/// C dv/dt = gL (El − v) + ge (Ee − v) + gi (Ei − v)            (v held for 5 ms after a spike)
/// dge/dt = −ge/τe,  dgi/dt = −gi/τi
/// C = 200 pF, gL = 10 nS (τm = 20 ms), El = −60 mV, Ee = 0 mV, Ei = −80 mV, τe = 5 ms, τi = 10 ms
/// v &gt; Vt = −50 mV: spike, v ← Vr = −60 mV
/// we = 6 nS (0.6 gL), wi = 67 nS (6.7 gL), 80 % excitatory, each pair with p = 80/N
/// v0 uniform in [Vr, Vt], ge0 ~ N(4, 1.5)·gL = N(40, 15) nS, gi0 ~ N(20, 12)·gL = N(200, 120) nS
/// </code>
/// There is no external input: the random initial conductances start the activity and the network
/// sustains it (about 19-20 Hz at N = 4000 in Brian2 2.5.1 and here). Brian works in units of gL with
/// dimensionless conductances; here they are in nS. The initial conductances are not clipped, as in
/// Brian (a few gi0 are negative). Both integrate with forward Euler, as the review and Brian2's
/// <c>method='euler'</c> do (<see cref="ConductanceIntegration.ForwardEuler"/>; single precision here,
/// double in Brian2), so the two simulators solve the same discrete equations. The connection probability is 80/N so that
/// N = 4000 is the review's 2 % network and larger networks keep the in-degree (as the CUBA suite and
/// the Brian2 peer scripts do). Autapses are allowed, as in Brian's <c>connect(p=...)</c>.
/// <para>
/// <see cref="BuildDriven"/> is the variant many Brian2 comparisons time instead (BrainPy's
/// <c>develop/benchmark/COBA/COBA_brian2.py</c>): the same network with a constant drive
/// I = 20 mV·gL = 200 pA, v0 ~ N(−55, 5) mV and ge0 = gi0 = 0; it fires at about 20 Hz as well.
/// </para>
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

    /// <summary>The constant drive of the driven variant (pA): 20 mV · gL.</summary>
    public const double DrivePa = 20 * LeakConductance;

    /// <summary>The neuron model of the benchmark (no drive), integrated with forward Euler as in Brian2.</summary>
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
        Integration = ConductanceIntegration.ForwardEuler,
    };

    /// <summary>The neuron model of the driven variant: <see cref="Neuron"/> with a 200 pA bias current.</summary>
    public static LifConductance DrivenNeuron => Neuron with { IE = DrivePa };

    /// <summary>Initial membrane potential of the benchmark: uniform in [Vr, Vt] = [−60, −50] mV.</summary>
    public static Dist InitialV => Dist.Uniform(-60, -50);

    /// <summary>Initial excitatory conductance of the benchmark: N(4, 1.5)·gL = N(40, 15) nS.</summary>
    public static Dist InitialGe => Dist.Normal(4 * LeakConductance, 1.5 * LeakConductance);

    /// <summary>Initial inhibitory conductance of the benchmark: N(20, 12)·gL = N(200, 120) nS.</summary>
    public static Dist InitialGi => Dist.Normal(20 * LeakConductance, 12 * LeakConductance);

    /// <summary>Initial membrane potential of the driven variant: N(−55, 5) mV.</summary>
    public static Dist DrivenInitialV => Dist.Normal(-55, 5);

    /// <summary>Builds the benchmark with <paramref name="size"/> neurons, recording every spike.</summary>
    public static BuiltNetwork Build(int size, ulong seed)
        => Build(size, seed, Neuron, population => population
            .WithInitial(StateVariable.V, InitialV)
            .WithInitial(StateVariable.SynE, InitialGe)
            .WithInitial(StateVariable.SynI, InitialGi));

    /// <summary>Builds the driven variant with <paramref name="size"/> neurons, recording every spike.</summary>
    public static BuiltNetwork BuildDriven(int size, ulong seed)
        => Build(size, seed, DrivenNeuron, population => population.WithInitial(StateVariable.V, DrivenInitialV));

    private static BuiltNetwork Build(int size, ulong seed, LifConductance model, Action<Population> initialise)
    {
        if (size < 5)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"size = {size} must be at least 5 (80 % excitatory, 20 % inhibitory).");
        }
        var network = new Network(seed, dt: 0.1);
        int excitatory = (int)(0.8 * size);
        double p = CubaNetwork.ConnectionProbability(size);
        var exc = network.AddPopulation("exc", excitatory, model);
        var inh = network.AddPopulation("inh", size - excitatory, model);
        initialise(exc);
        initialise(inh);
        foreach (var target in new Population[] { exc, inh })
        {
            network.Connect(exc, target, Connectivity.Probability(p, allowAutapses: true), Synapse.Excitatory(ExcitatoryWeightNs));
            network.Connect(inh, target, Connectivity.Probability(p, allowAutapses: true), Synapse.Inhibitory(InhibitoryWeightNs));
        }
        return new BuiltNetwork(network, [network.RecordSpikes(exc), network.RecordSpikes(inh)]);
    }
}
