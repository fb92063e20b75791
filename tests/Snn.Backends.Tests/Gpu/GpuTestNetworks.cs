using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Monitors;

namespace Snn.Backends.Tests.Gpu;

/// <summary>Small networks for the GPU tests, built twice (once per engine) from the same seed.</summary>
internal static class GpuTestNetworks
{
    /// <summary>
    /// Every neuron model fed forward with random weights and delays: Poisson sources drive a
    /// LIF-current, two LIF-conductance (exponential and forward Euler) and an Izhikevich population one to one (so a neuron gets at
    /// most one synaptic input per step, and float sums cannot depend on the order of atomic adds),
    /// plus a Poisson drive each; replayed spike times drive a heterogeneous LIF population.
    /// </summary>
    public static (Network Network, SpikeMonitor[] Spikes, StateMonitor[] States) AllModels(ulong seed)
    {
        var network = new Network(seed, dt: 0.25);
        const int size = 24;
        var input = network.AddPoissonInput("input", size, 400);
        var lif = network.AddPopulation("lif", size, new LifCurrent { TauM = 10, VThreshold = -60 });
        var cond = network.AddPopulation("cond", size, new LifConductance { VThreshold = -62, VReset = -70 });
        var euler = network.AddPopulation("euler", size, new LifConductance { VThreshold = -62, VReset = -70, TauSynE = 1, TauSynI = 3, Integration = ConductanceIntegration.ForwardEuler });
        var izh = network.AddPopulation("izh", size, Izhikevich.Chattering);
        var times = Enumerable.Range(0, size).Select(i => new[] { 0.25 * (i + 1), 5 + 0.5 * i, 9.0 }).ToArray();
        var replay = network.AddSpikeSource("replay", times);
        var mixed = network.AddPopulation("mixed", Enumerable.Range(0, size).Select(i => new LifCurrent { TauM = 5 + i, VThreshold = -65 + 0.1 * i }).ToArray());
        network.Connect(input, lif, Connectivity.OneToOne(), Synapse.Excitatory(Dist.Normal(400, 80), Dist.Uniform(0.25, 3)));
        network.Connect(input, cond, Connectivity.OneToOne(), Synapse.Excitatory(Dist.Uniform(5, 30), Dist.Uniform(0.25, 3)));
        network.Connect(input, euler, Connectivity.OneToOne(), Synapse.Excitatory(Dist.Uniform(5, 30), Dist.Uniform(0.25, 3)));
        network.Connect(input, izh, Connectivity.OneToOne(), Synapse.Excitatory(Dist.Normal(6, 2), Dist.Uniform(0.25, 3)));
        network.Connect(replay, mixed, Connectivity.OneToOne(), Synapse.Excitatory(Dist.Normal(900, 100), Dist.Uniform(0.25, 2)));
        network.AddPoissonDrive(lif, 2000, 37.5);
        network.AddPoissonDrive(cond, 1000, 2.5);
        network.AddPoissonDrive(euler, 1000, 2.5);
        network.AddPoissonDrive(izh, 1000, 1.5);
        network.AddPoissonDrive(mixed, 1000, -20, Receptor.Inhibitory);
        var populations = new Population[] { input, lif, cond, euler, izh, replay, mixed };
        var spikes = populations.Select(p => network.RecordSpikes(p)).ToArray();
        var states = new Population[] { lif, cond, euler, izh, mixed }.Select(p => network.RecordState(p, StateVariable.V, intervalMs: 0.5)).ToArray();
        return (network, spikes, states);
    }

    /// <summary>One LIF population under a DC, a step and a noise current (noise drawn per neuron and step),
    /// behind a population of its own so that its neurons' global and local indices differ.</summary>
    public static (Network Network, SpikeMonitor Spikes, StateMonitor Voltage, StateMonitor Current) Injected(ulong seed)
    {
        var network = new Network(seed, dt: 0.25);
        network.AddPopulation("leading", 3, new LifCurrent());
        var lif = network.AddPopulation("lif", 40, new LifCurrent { TauM = 10, TauSynE = 2 });
        network.Inject(lif, new DcCurrent(450, startMs: 1));
        network.Inject(lif, new StepCurrent([0, 5, 10], [100, 250, 50]), [.. Enumerable.Range(0, 20)]);
        network.Inject(lif, new NoiseCurrent(50, 300, startMs: 2, stopMs: 12), [.. Enumerable.Range(10, 30)]);
        return (network, network.RecordSpikes(lif), network.RecordState(lif, StateVariable.V), network.RecordState(lif, StateVariable.SynE, [0, 39], intervalMs: 1));
    }

    /// <summary>
    /// A plastic projection under <see cref="TestStdp"/> with a periodic, modulated update:
    /// 16 replayed sources fire at distinct steps through one delay (so a target gets at most one
    /// arrival per step and float sums cannot depend on the order of atomic adds)
    /// onto 8 LIF targets made to fire by a DC current; a modulator follows the targets' spikes.
    /// </summary>
    public static (Network Network, Projection Plastic, SpikeMonitor Spikes, WeightMonitor Weights, Snn.Core.Plasticity.Modulator Modulator) Plastic(ulong seed)
    {
        var network = new Network(seed, dt: 0.25);
        var times = Enumerable.Range(0, 16).Select(i => new[] { 0.25 * (i + 1), 4.25 + 0.25 * i, 8.5 + 0.25 * i }).ToArray();
        var sources = network.AddSpikeSource("sources", times);
        var targets = network.AddPopulation("targets", 8, new LifCurrent { TauM = 10, RefractoryPeriod = 1 });
        network.Inject(targets, new DcCurrent(400));
        var modulator = network.AddModulator("reward", tauMs: 5, baseline: 0.01, source: targets, gainPerSpike: 0.05);
        var plastic = network.Connect(sources, targets, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Uniform(50, 150), 1.0))
            .WithPlasticity(new TestStdp { PeriodMs = 1 }, modulator);
        return (network, plastic, network.RecordSpikes(targets), network.RecordWeights(plastic, intervalMs: 2), modulator);
    }
}
