using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Plasticity;
using Snn.Learning.Plasticity;

namespace Snn.MpiDriver;

/// <summary>The networks the MPI tests run on several ranks and compare with the one-process engine.</summary>
public static class TestNetworks
{
    /// <summary>Builds the network called <paramref name="name"/> ("cuba", "delays", "plastic", "faulty" or "short-term").</summary>
    public static DriverNetwork Build(string name, int size, ulong seed) => name switch
    {
        "cuba" => Cuba(size, seed),
        "delays" => HeterogeneousDelays(size, seed),
        "plastic" => PlasticRecurrent(size, seed),
        "faulty" => Faulty(size, seed),
        "short-term" => ShortTerm(size, seed),
        _ => throw new ArgumentException($"Unknown network '{name}'; expected cuba, delays, plastic, faulty or short-term.", nameof(name)),
    };

    /// <summary>When the checkpoint tests save a run of <paramref name="ms"/> (ms): at 45 %, on the 0.1 ms grid.</summary>
    public static double CheckpointTime(double ms) => Math.Round(ms * 0.45, 1);

    private static LifCurrent CubaModel() => new()
    {
        CM = 250, TauM = 20, TauSynE = 5, TauSynI = 10, EL = -49, VThreshold = -50, VReset = -60, RefractoryPeriod = 5,
    };

    /// <summary>
    /// CUBA (Brette et al. 2007; Brian2's examples/CUBA.py): 80 % excitatory LIF neurons, p = 80/N,
    /// jumps of +1.62 and −9 mV as currents, with weights drawn from N(w, (w/10)²) so that a change
    /// in the order inputs are summed shows up in the spikes; all delays 0.1 ms (one step), so the
    /// ranks exchange spikes every step.
    /// </summary>
    public static DriverNetwork Cuba(int size, ulong seed)
    {
        var network = new Network(seed, dt: 0.1);
        var model = CubaModel();
        int excitatoryCount = (int)(0.8 * size);
        var excitatory = network.AddPopulation("exc", excitatoryCount, model);
        var inhibitory = network.AddPopulation("inh", size - excitatoryCount, model);
        excitatory.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        inhibitory.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        double p = Math.Min(1.0, 80.0 / size);
        double toCurrent = model.CM / model.TauM;
        foreach (var source in new Population[] { excitatory, inhibitory })
        {
            double weight = source == excitatory ? 1.62 * toCurrent : -9 * toCurrent;
            var weights = Dist.Normal(weight, Math.Abs(weight) / 10);
            var synapse = source == excitatory ? Synapse.Excitatory(weights, 0.1) : Synapse.Inhibitory(weights, 0.1);
            network.Connect(source, excitatory, Connectivity.Probability(p, allowAutapses: true), synapse);
            network.Connect(source, inhibitory, Connectivity.Probability(p, allowAutapses: true), synapse);
        }
        return new DriverNetwork(network, [network.RecordSpikes(excitatory), network.RecordSpikes(inhibitory)],
            [network.RecordState(excitatory, StateVariable.V, [0, 1, 2, 3, 500, excitatoryCount - 1], intervalMs: 5)], [], []);
    }

    /// <summary>
    /// A network with heterogeneous delays of 1 to 5 ms (so ranks simulate 10 steps between
    /// exchanges) and every input kind: a Poisson input population, a spike source, a Poisson drive,
    /// a noisy step current, a heterogeneous population, and fixed-in-degree, fixed-total-number and
    /// pairwise-Bernoulli connectivity.
    /// </summary>
    public static DriverNetwork HeterogeneousDelays(int size, ulong seed)
    {
        var network = new Network(seed, dt: 0.1);
        var model = CubaModel();
        int excitatoryCount = (int)(0.8 * size);
        var excitatory = network.AddPopulation("exc", excitatoryCount, model);
        var inhibitory = network.AddPopulation("inh", Enumerable.Range(0, size - excitatoryCount)
            .Select(i => model with { TauM = 15 + i % 10 }).ToArray());
        excitatory.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        inhibitory.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        var noise = network.AddPoissonInput("noise", 200, 20);
        var pulses = network.AddSpikeSource("pulses", Enumerable.Range(0, 20).Select(i => new[] { 5.0 + i, 50.0 + 2 * i }).ToArray());
        double toCurrent = model.CM / model.TauM;
        var delays = Dist.Uniform(1.0, 5.0);
        var excitatorySynapse = Synapse.Excitatory(Dist.Normal(1.62 * toCurrent, 1.62 * toCurrent / 10), delays);
        var inhibitorySynapse = Synapse.Inhibitory(Dist.Normal(-4 * toCurrent, 4 * toCurrent / 10), delays);
        double p = Math.Min(1.0, 80.0 / size);
        network.Connect(excitatory, excitatory, Connectivity.Probability(p), excitatorySynapse);
        network.Connect(excitatory, inhibitory, Connectivity.FixedInDegree((int)(p * excitatoryCount)), excitatorySynapse);
        network.Connect(inhibitory, excitatory, Connectivity.FixedTotalNumber((long)(p * inhibitory.Size * excitatoryCount)), inhibitorySynapse);
        network.Connect(inhibitory, inhibitory, Connectivity.Probability(p), inhibitorySynapse);
        network.Connect(noise, excitatory, Connectivity.FixedInDegree(5), Synapse.Excitatory(Dist.Normal(30, 3), Dist.Uniform(1.0, 3.0)));
        network.Connect(pulses, inhibitory, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Normal(40, 4), Dist.Uniform(1.0, 2.0)));
        network.AddPoissonDrive(inhibitory, 500, 10);
        network.Inject(excitatory, new NoiseCurrent(meanPa: 5, sdPa: 20), [.. Enumerable.Range(0, excitatoryCount).Where(i => i % 3 == 0)]);
        return new DriverNetwork(network, [network.RecordSpikes(excitatory), network.RecordSpikes(inhibitory, [0, 3, 7, 11])],
            [network.RecordState(inhibitory, StateVariable.SynE, intervalMs: 2)], [network.RecordRate(excitatory)], []);
    }

    /// <summary>
    /// A plastic recurrent network: excitatory-to-excitatory synapses learn with pair STDP (changes
    /// accumulated and applied every 2 ms, so periodic updates run too) over delays of 1 to 3 ms, so
    /// ranks exchange spikes every 10 steps; a Poisson input drives the excitatory neurons and the
    /// inhibitory ones are static. The plastic projection comes first, so its learned weights are the
    /// driver's compared weights, and a weight monitor snapshots them every 5 ms.
    /// </summary>
    public static DriverNetwork PlasticRecurrent(int size, ulong seed)
    {
        var (network, excitatory, inhibitory) = Recurrent(size, seed, new PairStdp
        {
            APlus = 0.4, AMinus = 0.42, WMin = 0, WMax = 40, AccumulateIntervalMs = 2, WeightDrift = 0.01,
        });
        return new DriverNetwork(network, [network.RecordSpikes(excitatory), network.RecordSpikes(inhibitory)],
            [network.RecordState(excitatory, StateVariable.V, [0, 1, 2, 300, excitatory.Size - 1], intervalMs: 5)], [network.RecordRate(inhibitory)],
            [network.RecordWeights(network.Projections[0], intervalMs: 5)]);
    }

    private static (Network Network, Population Excitatory, Population Inhibitory) Recurrent<TRule>(int size, ulong seed, TRule rule)
        where TRule : struct, IPlasticityRule<TRule>
    {
        var network = new Network(seed, dt: 0.1);
        var model = CubaModel();
        int excitatoryCount = (int)(0.8 * size);
        var excitatory = network.AddPopulation("exc", excitatoryCount, model);
        var inhibitory = network.AddPopulation("inh", size - excitatoryCount, model);
        excitatory.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        inhibitory.WithInitial(StateVariable.V, Dist.Uniform(model.VReset, model.VThreshold));
        var noise = network.AddPoissonInput("noise", 200, 40);
        double toCurrent = model.CM / model.TauM;
        double p = Math.Min(1.0, 80.0 / size);
        var delays = Dist.Uniform(1.0, 3.0);
        network.Connect(excitatory, excitatory, Connectivity.Probability(p), Synapse.Excitatory(Dist.Normal(1.62 * toCurrent, 1.62 * toCurrent / 10), delays))
            .WithPlasticity(rule);
        network.Connect(excitatory, inhibitory, Connectivity.Probability(p), Synapse.Excitatory(Dist.Normal(1.62 * toCurrent, 1.62 * toCurrent / 10), delays));
        network.Connect(inhibitory, excitatory, Connectivity.Probability(p), Synapse.Inhibitory(Dist.Normal(-3 * toCurrent, 3 * toCurrent / 10), delays));
        network.Connect(noise, excitatory, Connectivity.FixedInDegree(5), Synapse.Excitatory(Dist.Normal(80, 8), Dist.Uniform(1.0, 3.0)));
        network.Connect(noise, inhibitory, Connectivity.FixedInDegree(5), Synapse.Excitatory(Dist.Normal(80, 8), Dist.Uniform(1.0, 3.0)));
        return (network, excitatory, inhibitory);
    }

    /// <summary>The heterogeneous-delay network with Tsodyks–Markram short-term plasticity: depressing
    /// synapses from the Poisson input and from the inhibitory population, facilitating excitatory
    /// recurrence (delays 1 to 5 ms, so spikes with different factors travel at once).</summary>
    public static DriverNetwork ShortTerm(int size, ulong seed)
    {
        var built = HeterogeneousDelays(size, seed);
        var projections = built.Network.Projections;
        projections[0].WithShortTermPlasticity(ShortTermPlasticity.Facilitating(0.2, 100, 300));
        projections[2].WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.4, 200));
        projections[4].WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.5, 150));
        return built;
    }

    /// <summary>CUBA plus one population of <see cref="FaultyNeuron"/>s whose neuron 5 throws at step 50.</summary>
    public static DriverNetwork Faulty(int size, ulong seed)
    {
        var cuba = Cuba(size, seed);
        cuba.Network.AddPopulation("faulty", 16, new FaultyNeuron { FailingNeuron = 5, FailingStep = 50 });
        return cuba;
    }
}
