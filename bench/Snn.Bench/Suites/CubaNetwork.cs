using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Bench.Suites;

/// <summary>
/// The CUBA benchmark of Brette et al. 2007 (after Vogels &amp; Abbott 2005), exactly as Brian2's
/// <c>examples/CUBA.py</c> and <c>shared/peers/brian2_cuba.py</c>: N LIF neurons, 80 % excitatory,
/// each pair connected with p = 80/N (autapses allowed, as Brian2's <c>connect(p=...)</c>),
/// dt 0.1 ms, τm 20 ms, τe 5 ms, τi 10 ms, Vt -50 mV, Vr -60 mV, El -49 mV, refractory 5 ms,
/// synaptic jumps +1.62 mV on ge and -9 mV on gi, v0 uniform in [Vr, Vt].
/// Brian2 writes the synapses as voltage jumps of current-like variables (dv/dt = (ge+gi-(v-El))/τm);
/// in <see cref="LifCurrent"/>'s units a jump of x mV is a current step of x·C/τm pA.
/// </summary>
public static class CubaNetwork
{
    /// <summary>Membrane time constant (ms).</summary>
    public const double TauM = 20;

    /// <summary>Membrane capacitance used for the unit conversion (pF); any value gives the same dynamics.</summary>
    public const double Capacitance = 250;

    /// <summary>Excitatory jump on ge (mV).</summary>
    public const double ExcitatoryJumpMv = 60 * 0.27 / 10;

    /// <summary>Inhibitory jump on gi (mV).</summary>
    public const double InhibitoryJumpMv = -20 * 4.5 / 10;

    /// <summary>The excitatory weight in <see cref="LifCurrent"/>'s unit (pA): 1.62 mV · C/τm.</summary>
    public const double ExcitatoryWeightPa = ExcitatoryJumpMv * Capacitance / TauM;

    /// <summary>The inhibitory weight in <see cref="LifCurrent"/>'s unit (pA): -9 mV · C/τm.</summary>
    public const double InhibitoryWeightPa = InhibitoryJumpMv * Capacitance / TauM;

    /// <summary>Mean number of synapses each neuron receives (80, as in the 4000-neuron 2 % network).</summary>
    public const double InDegree = 80;

    /// <summary>The neuron model of the benchmark.</summary>
    public static LifCurrent Neuron => new()
    {
        CM = Capacitance,
        TauM = TauM,
        TauSynE = 5,
        TauSynI = 10,
        EL = -49,
        VThreshold = -50,
        VReset = -60,
        RefractoryPeriod = 5,
    };

    /// <summary>The connection probability for <paramref name="size"/> neurons: min(1, 80/N).</summary>
    public static double ConnectionProbability(int size) => Math.Min(1.0, InDegree / size);

    /// <summary>Builds the network with <paramref name="size"/> neurons, recording every spike.</summary>
    public static BuiltNetwork Build(int size, ulong seed) => Build(size, seed, recordSpikes: true);

    /// <summary>Builds the network with <paramref name="size"/> neurons.</summary>
    /// <param name="size">Number of neurons, at least 5.</param>
    /// <param name="seed">The network seed.</param>
    /// <param name="recordSpikes">Whether to record every spike (micro-benchmarks leave it off).</param>
    public static BuiltNetwork Build(int size, ulong seed, bool recordSpikes)
    {
        if (size < 5)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"size = {size} must be at least 5 (80 % excitatory, 20 % inhibitory).");
        }
        var network = new Network(seed, dt: 0.1);
        int excitatory = (int)(0.8 * size);
        double p = ConnectionProbability(size);
        var model = Neuron;
        var exc = network.AddPopulation("exc", excitatory, model);
        var inh = network.AddPopulation("inh", size - excitatory, model);
        foreach (var population in new Population[] { exc, inh })
        {
            population.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        }
        foreach (var source in new Population[] { exc, inh })
        {
            var synapse = source == exc
                ? Synapse.Excitatory(ExcitatoryWeightPa)
                : Synapse.Inhibitory(InhibitoryWeightPa);
            network.Connect(source, exc, Connectivity.Probability(p, allowAutapses: true), synapse);
            network.Connect(source, inh, Connectivity.Probability(p, allowAutapses: true), synapse);
        }
        return recordSpikes
            ? new BuiltNetwork(network, [network.RecordSpikes(exc), network.RecordSpikes(inh)])
            : new BuiltNetwork(network, []);
    }
}
