using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Randomness;
using Snn.Learning.Plasticity;

namespace Snn.Bench.Suites;

/// <summary>
/// Izhikevich 2006, "Polychronization: computation with spikes" (Neural Comput. 18:245), as in
/// its <c>spnet.m</c>: 800 excitatory (RS: a 0.02, d 8) and 200 inhibitory (FS: a 0.1, d 2) neurons
/// with b 0.2, c −65, dt 1 ms; every neuron has 100 synapses; excitatory ones go to random neurons
/// with delays 1-20 ms (5 synapses per delay) and initial weight 6, inhibitory ones to random
/// excitatory neurons with delay 1 ms and weight −5; STDP on excitatory synapses
/// (<see cref="PairStdp.Polychronization"/>, weights in [0, 10]); each millisecond one random
/// neuron receives a 20 pA input. The published result after hours of simulated time: bimodal
/// excitatory weights and gamma-band (30-100 Hz) population rhythm.
/// </summary>
public static class PolychronizationNetwork
{
    /// <summary>Excitatory neurons.</summary>
    public const int Excitatory = 800;

    /// <summary>Inhibitory neurons.</summary>
    public const int Inhibitory = 200;

    /// <summary>Synapses per neuron.</summary>
    public const int SynapsesPerNeuron = 100;

    /// <summary>Largest excitatory delay (ms).</summary>
    public const int MaxDelay = 20;

    /// <summary>The network, its plastic projection and its monitors.</summary>
    /// <param name="Built">Network and spike monitors.</param>
    /// <param name="Plastic">The excitatory (plastic) projection.</param>
    /// <param name="Weights">Snapshots of the plastic weights.</param>
    /// <param name="Rate">Spike counts of all neurons per step.</param>
    public sealed record Model(BuiltNetwork Built, Projection Plastic, WeightMonitor Weights, IReadOnlyList<RateMonitor> Rate);

    /// <summary>Builds the network for <paramref name="durationMs"/> of thalamic input.</summary>
    public static Model Build(ulong seed, double durationMs, double weightSnapshotMs = 10_000)
    {
        var network = new Network(seed, dt: 1.0);
        var exc = network.AddPopulation("exc", Excitatory, Izhikevich.RegularSpiking);
        var inh = network.AddPopulation("inh", Inhibitory, Izhikevich.FastSpiking);
        int all = Excitatory + Inhibitory;
        var thalamus = network.AddSpikeSource("thalamus", ThalamicInput(seed, all, durationMs));
        var excThalamic = Enumerable.Range(0, Excitatory).ToArray();
        network.Connect(thalamus, exc, Connectivity.Pairs(excThalamic, excThalamic), Synapse.Excitatory(20));
        var inhSources = Enumerable.Range(Excitatory, Inhibitory).ToArray();
        network.Connect(thalamus, inh, Connectivity.Pairs(inhSources, Enumerable.Range(0, Inhibitory).ToArray()), Synapse.Excitatory(20));

        var (sources, targets, delays) = ExcitatorySynapses(seed);
        var toExc = Split(sources, targets, delays, t => t < Excitatory, t => t);
        var toInh = Split(sources, targets, delays, t => t >= Excitatory, t => t - Excitatory);
        var plastic = network.Connect(exc, exc, Connectivity.Pairs(toExc.Sources, toExc.Targets), Synapse.Excitatory(6, Dist.Explicit(toExc.Delays)))
            .WithPlasticity(PairStdp.Polychronization);
        network.Connect(exc, inh, Connectivity.Pairs(toInh.Sources, toInh.Targets), Synapse.Excitatory(6, Dist.Explicit(toInh.Delays)));
        network.Connect(inh, exc, Connectivity.FixedOutDegree(SynapsesPerNeuron, allowMultapses: true), Synapse.Inhibitory(-5, 1.0));
        var weights = network.RecordWeights(plastic, weightSnapshotMs);
        var spikes = new[] { network.RecordSpikes(exc), network.RecordSpikes(inh) };
        var rate = new[] { network.RecordRate(exc), network.RecordRate(inh) };
        return new Model(new BuiltNetwork(network, spikes), plastic, weights, rate);
    }

    /// <summary>One input spike per millisecond to a uniformly drawn neuron (spnet's <c>I(ceil(N*rand))=20</c>).</summary>
    private static double[][] ThalamicInput(ulong seed, int neurons, double durationMs)
    {
        var times = Enumerable.Range(0, neurons).Select(_ => new List<double>()).ToArray();
        var rng = new CounterRng(seed, RngStreams.User(1), 0);
        for (int ms = 1; ms <= (int)durationMs; ms++)
        {
            times[rng.NextInt(neurons)].Add(ms);
        }
        return times.Select(t => t.ToArray()).ToArray();
    }

    /// <summary>Each excitatory neuron: 100 random targets among all neurons, delays 1..20 with five
    /// synapses each, assigned in random order.</summary>
    private static (int[] Sources, int[] Targets, double[] Delays) ExcitatorySynapses(ulong seed)
    {
        int count = Excitatory * SynapsesPerNeuron;
        var sources = new int[count];
        var targets = new int[count];
        var delays = new double[count];
        var rng = new CounterRng(seed, RngStreams.User(2), 0);
        for (int i = 0; i < Excitatory; i++)
        {
            for (int k = 0; k < SynapsesPerNeuron; k++)
            {
                int s = i * SynapsesPerNeuron + k;
                sources[s] = i;
                targets[s] = rng.NextInt(Excitatory + Inhibitory);
                delays[s] = k / (SynapsesPerNeuron / MaxDelay) + 1;
            }
        }
        return (sources, targets, delays);
    }

    private static (int[] Sources, int[] Targets, double[] Delays) Split(int[] sources, int[] targets, double[] delays, Func<int, bool> keep, Func<int, int> local)
    {
        var picked = Enumerable.Range(0, sources.Length).Where(s => keep(targets[s])).ToArray();
        return (picked.Select(s => sources[s]).ToArray(), picked.Select(s => local(targets[s])).ToArray(), picked.Select(s => delays[s]).ToArray());
    }
}
