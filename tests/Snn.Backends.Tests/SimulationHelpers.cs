using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests;

/// <summary>Shared building blocks of the engine tests: compiling and running, spike-train
/// statistics, and a small CUBA network.</summary>
internal static class SimulationHelpers
{
    /// <summary>Compiles <paramref name="network"/> on the CPU engine with the given settings.</summary>
    public static ISimulation Compile(Network network, int threads = 1, bool blockUpdate = true)
        => new CpuBackend(new CpuBackendOptions { Threads = threads, UseBlockUpdate = blockUpdate }).Compile(network);

    /// <summary>Compiles, runs for <paramref name="durationMs"/> and returns the simulation.</summary>
    public static ISimulation Run(Network network, double durationMs, int threads = 1, bool blockUpdate = true)
    {
        var simulation = Compile(network, threads, blockUpdate);
        simulation.Run(durationMs);
        return simulation;
    }

    /// <summary>The inter-spike intervals (ms) of a spike train.</summary>
    public static double[] Intervals(double[] times)
    {
        var intervals = new double[Math.Max(0, times.Length - 1)];
        for (int i = 0; i < intervals.Length; i++)
        {
            intervals[i] = times[i + 1] - times[i];
        }
        return intervals;
    }

    /// <summary>Whole steps between two times on the grid of <paramref name="dt"/>.</summary>
    public static long Steps(double timeMs, double dt) => (long)Math.Round(timeMs / dt);

    /// <summary>
    /// The CUBA benchmark of Brette et al. 2007 (Vogels &amp; Abbott 2005) as Brian2's
    /// <c>examples/CUBA.py</c>: 80 % excitatory LIF neurons, p = 80 / N, τm 20 ms, τe 5 ms,
    /// τi 10 ms, Vt −50, Vr −60, El −49 mV, 5 ms refractory, jumps of +1.62 mV and −9 mV expressed
    /// as current steps of x·C/τm pA, initial V uniform in [Vr, Vt]. It is self-sustained and
    /// irregular, so any difference in arithmetic shows up in its spikes. With
    /// <paramref name="heterogeneous"/> the weights are drawn from N(w, (w/10)²) and the delays from
    /// U(0.1, 2) ms: the published constant weights (multiples of 1/4 pA) add up exactly in any
    /// order, so only random weights reveal a change in the order in which inputs are summed.
    /// </summary>
    public static CubaNetwork Cuba(int size, ulong seed, bool heterogeneous = false)
    {
        var network = new Network(seed, dt: 0.1);
        var model = new LifCurrent
        {
            CM = 250,
            TauM = 20,
            TauSynE = 5,
            TauSynI = 10,
            EL = -49,
            VThreshold = -50,
            VReset = -60,
            RefractoryPeriod = 5,
        };
        int excitatoryCount = (int)(0.8 * size);
        var excitatory = network.AddPopulation("exc", excitatoryCount, model);
        var inhibitory = network.AddPopulation("inh", size - excitatoryCount, model);
        excitatory.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        inhibitory.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        double p = Math.Min(1.0, 80.0 / size);
        double toCurrent = model.CM / model.TauM;
        var projections = new List<Projection>();
        foreach (var source in new Population[] { excitatory, inhibitory })
        {
            double weight = source == excitatory ? 1.62 * toCurrent : -9 * toCurrent;
            Dist weights = heterogeneous ? Dist.Normal(weight, Math.Abs(weight) / 10) : weight;
            Dist delays = heterogeneous ? Dist.Uniform(0.1, 2) : 0.1;
            var synapse = source == excitatory ? Synapse.Excitatory(weights, delays) : Synapse.Inhibitory(weights, delays);
            projections.Add(network.Connect(source, excitatory, Snn.Core.Connections.Connectivity.Probability(p, allowAutapses: true), synapse));
            projections.Add(network.Connect(source, inhibitory, Snn.Core.Connections.Connectivity.Probability(p, allowAutapses: true), synapse));
        }
        return new CubaNetwork(network, excitatory, inhibitory, [.. projections],
            network.RecordSpikes(excitatory), network.RecordSpikes(inhibitory));
    }

    /// <summary>Asserts that two spike records hold exactly the same spikes.</summary>
    public static void AssertSameSpikes(SpikeRecord expected, SpikeRecord actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.Neurons, actual.Neurons);
    }

    /// <summary>Asserts that two state records hold bit-identical samples.</summary>
    public static void AssertSameStates(StateRecord expected, StateRecord actual)
    {
        Assert.Equal(expected.Times, actual.Times);
        Assert.Equal(expected.Values.Length, actual.Values.Length);
        for (int s = 0; s < expected.Values.Length; s++)
        {
            AssertBitIdentical(expected.Values[s], actual.Values[s]);
        }
    }

    /// <summary>Asserts that two float arrays are equal bit for bit (−0 ≠ +0, NaN payloads count).</summary>
    public static void AssertBitIdentical(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
            }
        }
    }
}
