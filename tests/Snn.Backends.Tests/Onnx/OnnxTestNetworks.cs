using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;

namespace Snn.Backends.Tests.Onnx;

/// <summary>A network for the ONNX tests with the monitors the comparisons read.</summary>
internal sealed record MonitoredNetwork(Network Network, SpikeMonitor[] Spikes, StateMonitor[] Membranes, double DurationMs);

/// <summary>
/// The three networks the issue names, each driven by random input spike trains drawn from a
/// seed: a feed-forward current-based LIF net with per-synapse delays, a recurrent
/// conductance-based net and a recurrent Izhikevich net. Each is busy enough that any arithmetic
/// or delivery-order difference would change its spikes.
/// </summary>
internal static class OnnxTestNetworks
{
    /// <summary>Bernoulli spike trains at <paramref name="rateHz"/>, as spike times (ms) on the grid of dt.</summary>
    public static double[][] RandomTrains(int seed, int count, double rateHz, double durationMs, double dt)
    {
        var random = new Random(seed);
        long steps = (long)Math.Round(durationMs / dt);
        double probability = rateHz * dt / 1000;
        var trains = new double[count][];
        for (int i = 0; i < count; i++)
        {
            var times = new List<double>();
            for (long k = 0; k < steps; k++)
            {
                if (random.NextDouble() < probability)
                {
                    times.Add((k + 1) * dt);
                }
            }
            trains[i] = [.. times];
        }
        return trains;
    }

    public static MonitoredNetwork FeedForwardLif(int seed, double durationMs = 60, int hiddenSize = 40)
    {
        var network = new Network((ulong)seed, dt: 0.1);
        var input = network.AddSpikeSource("input", RandomTrains(seed, 30, 80, durationMs, network.Dt));
        var model = new LifCurrent { TauM = 10, TauSynE = 2, TauSynI = 4, VThreshold = -55, VReset = -70, EL = -65, RefractoryPeriod = 2 };
        var hidden = network.AddPopulation("hidden", hiddenSize, model);
        hidden.WithInitial(StateVariable.V, Dist.Uniform(-70, -56));
        var output = network.AddPopulation("output", 12, model with { TauM = 15 });
        network.Connect(input, hidden, Connectivity.Probability(0.5), Synapse.Excitatory(Dist.Uniform(100, 400), Dist.Uniform(0.1, 2.5)));
        network.Connect(input, hidden, Connectivity.Probability(0.2), Synapse.Inhibitory(Dist.Uniform(-300, -50), Dist.Uniform(0.1, 1.0)));
        network.Connect(hidden, output, Connectivity.FixedInDegree(15, allowMultapses: true), Synapse.Excitatory(Dist.Uniform(150, 450), Dist.Uniform(0.5, 3.0)));
        return new MonitoredNetwork(network,
            [network.RecordSpikes(hidden), network.RecordSpikes(output)],
            [network.RecordState(hidden, StateVariable.V), network.RecordState(output, StateVariable.V)], durationMs);
    }

    /// <summary>A 400-neuron LIF liquid with sparse delayed recurrence (2 % excitatory, 1 % inhibitory)
    /// driven by 50 random inputs: its synapses are delivered by its spikes in the fast form.</summary>
    public static MonitoredNetwork SparseRecurrentLif(int seed)
    {
        var network = new Network((ulong)seed, dt: 0.5);
        var input = network.AddSpikeSource("input", RandomTrains(seed, 50, 40, 200, network.Dt));
        var model = new LifCurrent { TauM = 20, TauSynE = 5, TauSynI = 10, VThreshold = -50, VReset = -60, EL = -60, RefractoryPeriod = 2 };
        var liquid = network.AddPopulation("liquid", 400, model).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        network.Connect(input, liquid, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(100, 300), Dist.Uniform(0.5, 3)));
        network.Connect(liquid, liquid, Connectivity.Probability(0.02), Synapse.Excitatory(Dist.Uniform(50, 250), Dist.Uniform(1, 8)));
        network.Connect(liquid, liquid, Connectivity.Probability(0.01), Synapse.Inhibitory(Dist.Uniform(-400, -100), Dist.Uniform(1, 4)));
        return new MonitoredNetwork(network, [network.RecordSpikes(liquid)], [network.RecordState(liquid, StateVariable.V)], 200);
    }

    /// <summary>Two sparse LIF liquids in a chain (300 neurons, recurrent delays of 3 and 2 steps;
    /// then 400 neurons, 5 and 3 steps) driven by 40 random inputs: each liquid's synapses are
    /// delivered by its spikes into its own pending ring, of 3 × 600 and 5 × 800 floats per batch entry
    /// (the largest delay in steps × its excitatory and inhibitory receiving columns).</summary>
    public static MonitoredNetwork SparseLiquidChain(int seed)
    {
        var network = new Network((ulong)seed, dt: 0.5);
        var input = network.AddSpikeSource("input", RandomTrains(seed, 40, 40, 100, network.Dt));
        var model = new LifCurrent { TauM = 20, TauSynE = 5, TauSynI = 10, VThreshold = -50, VReset = -60, EL = -60, RefractoryPeriod = 2 };
        var first = network.AddPopulation("first", 300, model).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        var second = network.AddPopulation("second", 400, model).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        network.Connect(input, first, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(100, 300), 1.0));
        network.Connect(first, first, Connectivity.Probability(0.03), Synapse.Excitatory(Dist.Uniform(50, 250), 1.5));
        network.Connect(first, first, Connectivity.Probability(0.015), Synapse.Inhibitory(Dist.Uniform(-400, -100), 1.0));
        network.Connect(first, second, Connectivity.Probability(0.05), Synapse.Excitatory(Dist.Uniform(100, 300), 1.0));
        network.Connect(second, second, Connectivity.Probability(0.03), Synapse.Excitatory(Dist.Uniform(50, 250), 2.5));
        network.Connect(second, second, Connectivity.Probability(0.015), Synapse.Inhibitory(Dist.Uniform(-400, -100), 1.5));
        return new MonitoredNetwork(network, [network.RecordSpikes(first), network.RecordSpikes(second)],
            [network.RecordState(first, StateVariable.V), network.RecordState(second, StateVariable.V)], 100);
    }

    public static MonitoredNetwork RecurrentConductance(int seed, double durationMs = 60, ConductanceIntegration integration = ConductanceIntegration.ExponentialEuler)
    {
        var network = new Network((ulong)seed, dt: 0.1);
        var input = network.AddSpikeSource("drive", RandomTrains(seed, 40, 100, durationMs, network.Dt));
        var model = new LifConductance { TauSynE = 5, TauSynI = 10, VThreshold = -50, VReset = -60, EL = -60, RefractoryPeriod = 5, GL = 10, Integration = integration };
        var excitatory = network.AddPopulation("exc", 40, model);
        var inhibitory = network.AddPopulation("inh", 10, model with { RefractoryPeriod = 2 });
        excitatory.WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        inhibitory.WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        network.Connect(input, excitatory, Connectivity.Probability(0.3), Synapse.Excitatory(Dist.Uniform(2, 8), Dist.Uniform(0.1, 1)));
        network.Connect(input, inhibitory, Connectivity.Probability(0.3), Synapse.Excitatory(Dist.Uniform(2, 8)));
        network.Connect(excitatory, excitatory, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(0.5, 3), Dist.Uniform(0.1, 2)));
        network.Connect(excitatory, inhibitory, Connectivity.Probability(0.3), Synapse.Excitatory(Dist.Uniform(1, 4), Dist.Uniform(0.1, 2)));
        network.Connect(inhibitory, excitatory, Connectivity.Probability(0.4), Synapse.Inhibitory(Dist.Uniform(5, 20), Dist.Uniform(0.1, 1)));
        return new MonitoredNetwork(network,
            [network.RecordSpikes(excitatory), network.RecordSpikes(inhibitory)],
            [network.RecordState(excitatory, StateVariable.V), network.RecordState(inhibitory, StateVariable.V)], durationMs);
    }

    public static MonitoredNetwork RecurrentIzhikevich(int seed, double durationMs = 300)
    {
        var network = new Network((ulong)seed, dt: 1.0);
        var input = network.AddSpikeSource("thalamus", RandomTrains(seed, 30, 60, durationMs, network.Dt));
        var random = new Random(seed + 1000);
        var excitatoryModels = Enumerable.Range(0, 40).Select(_ =>
        {
            double r = random.NextDouble();
            return Izhikevich.RegularSpiking with { C = -65 + 15 * r * r, D = 8 - 6 * r * r };
        }).ToArray();
        var excitatory = network.AddPopulation("exc", excitatoryModels);
        var inhibitory = network.AddPopulation("inh", 10, Izhikevich.FastSpiking);
        network.Connect(input, excitatory, Connectivity.Probability(0.3), Synapse.Excitatory(Dist.Uniform(4, 12)));
        network.Connect(input, inhibitory, Connectivity.Probability(0.3), Synapse.Excitatory(Dist.Uniform(4, 12), Dist.Uniform(1, 3)));
        network.Connect(excitatory, excitatory, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Uniform(0, 6), Dist.Uniform(1, 10)));
        network.Connect(excitatory, inhibitory, Connectivity.Probability(0.3), Synapse.Excitatory(Dist.Uniform(0, 6)));
        network.Connect(inhibitory, excitatory, Connectivity.Probability(0.5), Synapse.Inhibitory(Dist.Uniform(-8, 0)));
        return new MonitoredNetwork(network,
            [network.RecordSpikes(excitatory), network.RecordSpikes(inhibitory)],
            [network.RecordState(excitatory, StateVariable.V), network.RecordState(inhibitory, StateVariable.V)], durationMs);
    }

    /// <summary>A recurrent <see cref="DiscreteLif"/> net like the ones gradient training exports:
    /// per-neuron decays, biases and bias onsets (a few neurons non-spiking), excitatory and
    /// inhibitory voltage jumps with per-synapse delays, and a non-spiking readout.</summary>
    /// <summary>24 random inputs → 40 discrete LIF neurons with biases that start at steps 0-7 (four of
    /// them non-spiking), with sparse delayed recurrence unless <paramref name="recurrent"/> is false
    /// (then every input of the hidden layer is computed before its loop) → 5 non-spiking readouts.</summary>
    public static MonitoredNetwork RecurrentDiscreteLif(int seed, double durationMs = 120, bool recurrent = true)
    {
        var network = new Network((ulong)seed, dt: 1.0);
        var input = network.AddSpikeSource("input", RandomTrains(seed, 24, 120, durationMs, network.Dt));
        var random = new Random(seed + 2000);
        var hiddenModels = Enumerable.Range(0, 40).Select(i => new DiscreteLif
        {
            Decay = (float)(0.5 + 0.45 * random.NextDouble()),
            Bias = (float)(0.2 * random.NextDouble() - 0.05),
            BiasOnsetStep = random.Next(0, 8),
            Spiking = i % 9 != 4,
        }).ToArray();
        var hidden = network.AddPopulation("hidden", hiddenModels);
        hidden.WithInitial(StateVariable.V, Dist.Uniform(0, 0.9));
        var readout = network.AddPopulation("readout", 5, new DiscreteLif { Decay = 0.8f, Spiking = false });
        network.Connect(input, hidden, Connectivity.Probability(0.4), Synapse.Excitatory(Dist.Uniform(0.1, 0.7), Dist.Uniform(1, 6)));
        network.Connect(input, hidden, Connectivity.Probability(0.2), Synapse.Inhibitory(Dist.Uniform(-0.5, -0.05), Dist.Uniform(1, 4)));
        if (recurrent)
        {
            network.Connect(hidden, hidden, Connectivity.Probability(0.15), Synapse.Excitatory(Dist.Uniform(0, 0.4), Dist.Uniform(1, 9)));
        }
        network.Connect(hidden, readout, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Uniform(-0.3, 0.3), Dist.Uniform(1, 5)));
        return new MonitoredNetwork(network,
            [network.RecordSpikes(hidden), network.RecordSpikes(readout)],
            [network.RecordState(hidden, StateVariable.V), network.RecordState(readout, StateVariable.V)], durationMs);
    }

    /// <summary>A current-based LIF net with short-term plasticity of every kind: dense input
    /// through depressing excitatory and facilitating inhibitory synapses (two projections from one
    /// source, so two sets of u and x per input neuron), sparse input through fast-recovering
    /// depression (τ_rec = 2 ms, whose decay table ends after 75 ms, shorter than many of its
    /// intervals), recurrent facilitation with delays, the last-spike kernel reset every 50 ms
    /// onto the output, and a static projection from the same dense input. Without
    /// <paramref name="shortTerm"/> the same synapses are static.</summary>
    public static MonitoredNetwork ShortTermLif(int seed, bool shortTerm = true, double durationMs = 200)
    {
        var network = new Network((ulong)seed, dt: 0.1);
        var dense = network.AddSpikeSource("dense", RandomTrains(seed, 30, 80, durationMs, network.Dt));
        var sparse = network.AddSpikeSource("sparse", RandomTrains(seed + 500, 20, 12, durationMs, network.Dt));
        var model = new LifCurrent { TauM = 10, TauSynE = 2, TauSynI = 4, VThreshold = -55, VReset = -70, EL = -65, RefractoryPeriod = 2 };
        var hidden = network.AddPopulation("hidden", 40, model);
        hidden.WithInitial(StateVariable.V, Dist.Uniform(-70, -56));
        var output = network.AddPopulation("output", 12, model with { TauM = 15 });
        var projections = new[]
        {
            network.Connect(dense, hidden, Connectivity.Probability(0.5), Synapse.Excitatory(Dist.Uniform(200, 700), Dist.Uniform(0.1, 2.5))),
            network.Connect(dense, hidden, Connectivity.Probability(0.2), Synapse.Inhibitory(Dist.Uniform(-600, -100), Dist.Uniform(0.1, 1.0))),
            network.Connect(sparse, hidden, Connectivity.Probability(0.5), Synapse.Excitatory(Dist.Uniform(300, 900), Dist.Uniform(0.1, 1.5))),
            network.Connect(hidden, hidden, Connectivity.Probability(0.1), Synapse.Excitatory(Dist.Uniform(100, 500), Dist.Uniform(0.5, 4.0))),
            network.Connect(hidden, output, Connectivity.FixedInDegree(15, allowMultapses: true), Synapse.Excitatory(Dist.Uniform(300, 900), Dist.Uniform(0.5, 3.0))),
        };
        network.Connect(dense, output, Connectivity.Probability(0.1), Synapse.Excitatory(Dist.Uniform(50, 200), Dist.Uniform(0.1, 1.0)));
        if (shortTerm)
        {
            projections[0].WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.5, 150));
            projections[1].WithShortTermPlasticity(ShortTermPlasticity.Facilitating(0.15, 20, 50));
            projections[2].WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.6, 2));
            projections[3].WithShortTermPlasticity(ShortTermPlasticity.Facilitating(0.3, 100, 200));
            projections[4].WithShortTermPlasticity(ShortTermPlasticity.LastSpike(5) with { ResetIntervalMs = 50 });
        }
        return new MonitoredNetwork(network,
            [network.RecordSpikes(hidden), network.RecordSpikes(output)],
            [network.RecordState(hidden, StateVariable.V), network.RecordState(hidden, StateVariable.SynE), network.RecordState(output, StateVariable.V)], durationMs);
    }
}
