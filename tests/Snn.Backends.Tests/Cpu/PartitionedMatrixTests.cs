using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// The synapse matrix is split by target partition. A rule that generates target by target gives a
/// table sorted by target, of which each partition takes its own stretch; a rule that generates
/// source by source (fixed out-degree) gives an unsorted table that each partition filters whole.
/// With both kinds in one recurrent network, random weights and delays, every thread count must
/// give the same spikes, and each projection's weights must come back in generation order.
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class PartitionedMatrixTests
{
    private static (Network Network, Projection[] Projections, SpikeMonitor Spikes) Build()
    {
        var (network, excitatory, inhibitory) = PartitionProbe.Create(7, 1200, 300);
        double toCurrent = PartitionProbe.ToCurrent;
        var delays = Dist.Uniform(0.1, 2);
        var projections = new[]
        {
            network.Connect(excitatory, excitatory, Connectivity.FixedOutDegree(40), Synapse.Excitatory(Dist.Normal(1.62 * toCurrent, 0.16 * toCurrent), delays)),
            network.Connect(excitatory, inhibitory, Connectivity.Probability(0.05), Synapse.Excitatory(Dist.Normal(1.62 * toCurrent, 0.16 * toCurrent), delays)),
            network.Connect(inhibitory, excitatory, Connectivity.Probability(0.05), Synapse.Inhibitory(Dist.Normal(-9 * toCurrent, 0.9 * toCurrent), delays)),
            network.Connect(inhibitory, inhibitory, Connectivity.FixedOutDegree(15), Synapse.Inhibitory(Dist.Normal(-9 * toCurrent, 0.9 * toCurrent), delays)),
        };
        return (network, projections, network.RecordSpikes(excitatory));
    }

    [Fact]
    public void SortedAndUnsortedTablesGiveTheSameSpikesAndWeightsOnOneTwoAndThreeThreads()
    {
        SpikeRecord? expected = null;
        foreach (int threads in new[] { 1, 2, 3 })
        {
            var (network, projections, spikes) = Build();
            using var simulation = SimulationHelpers.Compile(network, threads);
            foreach (var projection in projections)
            {
                Assert.Equal(projection.Instantiate().Weights, simulation.GetWeights(projection));
            }
            simulation.Run(200);
            PartitionProbe.AssertSameAsFirst(ref expected, simulation.GetSpikes(spikes));
        }
    }
}
