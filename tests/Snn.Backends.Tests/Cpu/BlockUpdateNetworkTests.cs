using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Tests.Shared;
using P = Snn.Tests.Shared.NetworkEquivalence.Probe;
using R = Snn.Tests.Shared.BlockEquivalence.Ranges;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// Every model the CPU engine runs gives the same spikes and state bits with its block update on
/// one, two and three threads as with the scalar update on one, in a recurrent, driven network
/// (also with current injected into some neurons only, over several update chunks); neurons that no
/// injection reaches fire as under an injection of 0 pA; and the Backends models' block updates
/// match their scalar steps neuron for neuron.
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class BlockUpdateNetworkTests
{
    private static void AssertActive(int spikes) => Assert.True(spikes > 100, $"the probe network fired only {spikes} spikes");

    [Fact]
    public void LifCurrentNetworkIsIdenticalOnEveryPathAndThreadCount()
        => AssertActive(NetworkEquivalence.Check(new LifCurrent(), new P(0.1, 60, -150, (-70, -56), 4000, 120)));

    [Fact]
    public void LifCurrentNetworkWithCurrentIntoSomeNeuronsIsIdenticalOnEveryPathAndThreadCount()
    {
        int[] injected = [.. Enumerable.Range(1100, 300)];
        AssertActive(NetworkEquivalence.Check(new LifCurrent(), new P(0.1, 60, -150, (-70, -56), 4000, 120), size: 2600, durationMs: 60,
            injection: (new NoiseCurrent(meanPa: 200, sdPa: 100), injected)));
    }

    [Fact]
    public void NeuronsWithoutInjectionFireAsUnderAZeroInjection()
    {
        var without = RunLifCurrent(zeroInjection: false);
        var withZero = RunLifCurrent(zeroInjection: true);
        Assert.True(without.Count > 100, $"the network fired only {without.Count} spikes");
        Assert.Equal(withZero.Steps, without.Steps);
        Assert.Equal(withZero.Neurons, without.Neurons);
    }

    private static SpikeRecord RunLifCurrent(bool zeroInjection)
    {
        var network = new Network(seed: 5, dt: 0.1);
        var population = network.AddPopulation("lif", 1500, new LifCurrent());
        network.Connect(population, population, Connectivity.Probability(0.05), Synapse.Excitatory(40, 1.0));
        network.AddPoissonDrive(population, 4000, 120);
        if (zeroInjection)
        {
            network.Inject(population, new DcCurrent(0));
        }
        var spikes = network.RecordSpikes(population);
        using var simulation = new CpuBackend(new CpuBackendOptions { Threads = 2 }).Compile(network);
        simulation.Run(60);
        return simulation.GetSpikes(spikes);
    }

    [Fact]
    public void LifConductanceNetworkIsIdenticalOnEveryPathAndThreadCount()
        => AssertActive(NetworkEquivalence.Check(new LifConductance(), new P(0.1, 6, 40, (-70, -56), 4000, 8)));

    [Fact]
    public void IzhikevichNetworkIsIdenticalOnEveryPathAndThreadCount()
        => AssertActive(NetworkEquivalence.Check(new Izhikevich(), new P(0.1, 2, -4, (-70, -50), 2000, 6)));

    [Fact]
    public void DiscreteLifNetworkIsIdenticalOnEveryPathAndThreadCount()
        => AssertActive(NetworkEquivalence.Check(new DiscreteLif { BiasOnsetStep = 300, Bias = 0.05f }, new P(0.1, 0.1, -0.2, (0, 1), 2000, 0.3)));

    [Fact]
    public void NirNeuronNetworkIsIdenticalOnEveryPathAndThreadCount()
        => AssertActive(NetworkEquivalence.Check(new NirNeuron { TauSyn = 2, Bias = 0.5 }, new P(0.1, 0.05, -0.1, (0, 1), 2000, 0.2)));

    [Fact]
    public void WindowedLifNetworkIsIdenticalOnEveryPathAndThreadCount()
        => AssertActive(NetworkEquivalence.Check(new WindowedLif { WindowSteps = 37 }, new P(0.1, 0.6, -1, (0, 5), 4000, 2.5)));

    [Fact]
    public void SfqNeuronNetworkIsIdenticalOnEveryPathAndThreadCount()
        => AssertActive(NetworkEquivalence.Check(new SfqNeuron { LeakTimeConstantPs = 1e9, RefractoryPs = 3e8 }, new P(0.1, 0.05, -0.1, (0, 1), 2000, 0.3)));

    [Theory]
    [MemberData(nameof(Lengths))]
    public void WindowedLifBlockMatchesStepAcrossWindowBoundaries(int n)
    {
        var seen = BlockEquivalence.Check(new WindowedLif { WindowSteps = 7 }, 1, n, 60, new R((0, 6), (0, 3), (-1, 0)), firstStep: 3);
        Assert.True(n < 8 || seen.Spikes > 0, "no neuron fired");
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SfqNeuronBlockMatchesStepThroughRefractoryHolds(int n)
    {
        var seen = BlockEquivalence.Check(new SfqNeuron { LeakTimeConstantPs = 5e8, RefractoryPs = 2e8 }, 0.1, n, 80, new R((0, 1.2), (0, 0.6), (-0.3, 0)));
        Assert.True(n < 8 || (seen.Spikes > 0 && seen.RefractorySteps > 0), "no spike or no refractory neuron");
    }

    public static TheoryData<int> Lengths => new(BlockEquivalence.Lengths);
}
