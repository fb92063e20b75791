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
/// neuron receives a 20 pA input (here: every neuron independently with probability 1/N per ms, a
/// Poisson drive of 1000/N Hz, which has the same statistics). The published result after hours of
/// simulated time: bimodal excitatory weights and gamma-band (30-100 Hz) population rhythm. Other
/// sizes keep the 80/20 split and the 100 synapses per neuron.
/// </summary>
public static class PolychronizationNetwork
{
    /// <summary>Neurons of the paper's network.</summary>
    public const int PaperSize = 1000;

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

    /// <summary>Builds the network of <paramref name="size"/> neurons (the paper: 1000).</summary>
    public static Model Build(int size, ulong seed, double weightSnapshotMs = 10_000)
    {
        if (size < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"size = {size} must be at least 10.");
        }
        int excitatory = (int)(0.8 * size);
        int inhibitory = size - excitatory;
        var network = new Network(seed, dt: 1.0);
        var exc = network.AddPopulation("exc", excitatory, Izhikevich.RegularSpiking);
        var inh = network.AddPopulation("inh", inhibitory, Izhikevich.FastSpiking);
        network.AddPoissonDrive(exc, 1000.0 / size, 20);
        network.AddPoissonDrive(inh, 1000.0 / size, 20);

        var (sources, targets, delays) = ExcitatorySynapses(seed, excitatory, size);
        var toExc = Split(sources, targets, delays, t => t < excitatory, t => t);
        var toInh = Split(sources, targets, delays, t => t >= excitatory, t => t - excitatory);
        var plastic = network.Connect(exc, exc, Connectivity.Pairs(toExc.Sources, toExc.Targets), Synapse.Excitatory(6, Dist.Explicit(toExc.Delays)))
            .WithPlasticity(PairStdp.Polychronization);
        network.Connect(exc, inh, Connectivity.Pairs(toInh.Sources, toInh.Targets), Synapse.Excitatory(6, Dist.Explicit(toInh.Delays)));
        network.Connect(inh, exc, Connectivity.FixedOutDegree(SynapsesPerNeuron, allowMultapses: true), Synapse.Inhibitory(-5, 1.0));
        var weights = network.RecordWeights(plastic, weightSnapshotMs);
        var spikes = new[] { network.RecordSpikes(exc), network.RecordSpikes(inh) };
        var rate = new[] { network.RecordRate(exc), network.RecordRate(inh) };
        var model = new Model(new BuiltNetwork(network, spikes), plastic, weights, rate);
        return model with { Built = model.Built with { Analyze = simulation => PolychronizationAnalysis.Analyze(model, simulation) } };
    }

    /// <summary>Each excitatory neuron: 100 random targets among all neurons (as spnet's
    /// <c>ceil(N*rand)</c>), delays 1..20 with five synapses each.</summary>
    private static (int[] Sources, int[] Targets, double[] Delays) ExcitatorySynapses(ulong seed, int excitatory, int size)
    {
        int count = excitatory * SynapsesPerNeuron;
        var sources = new int[count];
        var targets = new int[count];
        var delays = new double[count];
        var rng = new CounterRng(seed, RngStreams.User(2), 0);
        for (int i = 0; i < excitatory; i++)
        {
            for (int k = 0; k < SynapsesPerNeuron; k++)
            {
                int s = i * SynapsesPerNeuron + k;
                sources[s] = i;
                targets[s] = rng.NextInt(size);
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
