using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.Learning.Tests;

/// <summary>
/// Independent pre/post neuron pairs: pair i has one presynaptic spike at preTimes[i] and a
/// postsynaptic neuron forced to fire once by a strong driver spike, so the measured spike times
/// give the exact pairing interval of each plastic synapse.
/// </summary>
internal static class PairingHarness
{
    public static LifCurrent ForcedNeuron => new() { TauSynE = 0.1, RefractoryPeriod = 500 };

    public sealed record Result(double[] PreArrivals, double[] PostTimes, float[] Weights, int[] PostSpikeCounts);

    public static Result Run<TRule>(TRule rule, double[] preTimes, double[] driverTimes, double delayMs, double initialWeight, double durationMs, double dt = 0.1, int threads = 1)
        where TRule : struct, IPlasticityRule<TRule>
    {
        int n = preTimes.Length;
        var network = new Network(seed: 1, dt: dt);
        var pre = network.AddSpikeSource("pre", preTimes.Select(t => new[] { t }).ToArray());
        var driver = network.AddSpikeSource("driver", driverTimes.Select(t => new[] { t }).ToArray());
        var post = network.AddPopulation("post", n, ForcedNeuron);
        network.Connect(driver, post, Connectivity.OneToOne(), Synapse.Excitatory(1e6));
        var plastic = network.Connect(pre, post, Connectivity.OneToOne(), Synapse.Excitatory(initialWeight, delayMs)).WithPlasticity(rule);
        var postSpikes = network.RecordSpikes(post);
        using var sim = new CpuBackend(new CpuBackendOptions { Threads = threads }).Compile(network);
        sim.Run(durationMs);
        var record = sim.GetSpikes(postSpikes);
        var postTimes = new double[n];
        var counts = record.CountsPerNeuron();
        for (int i = 0; i < n; i++)
        {
            var times = record.TimesOf(i);
            postTimes[i] = times.Length > 0 ? times[0] : double.NaN;
        }
        var arrivals = preTimes.Select(t => Math.Round(t / dt) * dt + delayMs).ToArray();
        return new Result(arrivals, postTimes, sim.GetWeights(plastic), counts);
    }
}
