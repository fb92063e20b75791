using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Cpu;

/// <summary>GetWeights/SetWeights address synapses in the order <see cref="Projection.Instantiate"/>
/// generates them, whatever the engine's internal layout (CSR rows per thread partition).</summary>
[Collection(MultithreadedCollection.Name)]
public class WeightAccessTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void WeightsAreReadInGenerationOrder(int threads)
    {
        var network = new Network(4, 0.1);
        var a = network.AddPopulation("a", 50, new LifCurrent());
        var b = network.AddPopulation("b", 70, new LifCurrent());
        var ab = network.Connect(a, b, Connectivity.Probability(0.2), Synapse.Excitatory(Dist.Normal(5, 2)));
        var ba = network.Connect(b, a, Connectivity.FixedInDegree(9), Synapse.Inhibitory(Dist.Uniform(-3, -1)));
        var bb = network.Connect(b, b, Connectivity.FixedTotalNumber(400), Synapse.Excitatory(Dist.LogNormal(0, 1)));
        using var simulation = SimulationHelpers.Compile(network, threads);
        foreach (var projection in new[] { ab, ba, bb })
        {
            SimulationHelpers.AssertBitIdentical(projection.Instantiate().Weights, simulation.GetWeights(projection));
        }
    }

    /// <summary>Source 0 drives targets 0..9 through one synapse each; zeroing the weights of the
    /// odd-numbered synapses (by generation order) silences exactly the odd targets.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void SetWeightsChangesTheSynapsesItAddresses(int threads)
    {
        const int n = 10;
        var network = new Network(4, 0.1);
        var source = network.AddSpikeSource("input", [[1.0]]);
        var targets = network.AddPopulation("lif", n, new LifCurrent());
        var order = new[] { 7, 2, 9, 0, 4, 1, 8, 3, 6, 5 };
        var projection = network.Connect(source, targets, Connectivity.Pairs(new int[n], order), Synapse.Excitatory(100, 1.0));
        var current = network.RecordState(targets, StateVariable.SynE);
        using var simulation = SimulationHelpers.Compile(network, threads);
        var weights = Enumerable.Range(0, n).Select(s => s % 2 == 0 ? 100f + s : 0f).ToArray();
        simulation.SetWeights(projection, weights);
        SimulationHelpers.AssertBitIdentical(weights, simulation.GetWeights(projection));
        simulation.Run(2.0);
        var arrived = simulation.GetState(current).Values[^1];
        for (int s = 0; s < n; s++)
        {
            Assert.Equal(weights[s], arrived[order[s]]);
        }
    }

    [Fact]
    public void RunAfterDisposeIsRefused()
    {
        var network = new Network(1, 0.1);
        network.AddPopulation("lif", 3, new LifCurrent());
        var simulation = SimulationHelpers.Compile(network);
        simulation.Dispose();
        Assert.Throws<ObjectDisposedException>(() => simulation.Run(1));
    }
}
