using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// The CPU engine generates per-target rules range of targets by range straight into the buffers
/// its synapse matrix is filled from; explicit weight and delay lists take the path through whole
/// <see cref="Projection.Instantiate"/> tables. The same synapses given both ways (the explicit
/// lists copied from the generated tables) must give bit-identical weights and spikes on one, two and
/// three threads, with random delays (stored per synapse), with one delay (stored once), and with one
/// weight and one delay per projection (the matrix's loop for uniform pieces).
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class RangeGeneratedMatrixTests
{
    private static (Network Network, Projection[] Projections, SpikeMonitor Spikes) Build(bool explicitValues, bool randomDelays, bool constantWeights)
    {
        var (network, excitatory, inhibitory) = PartitionProbe.Create(11, 1600, 400);
        double toCurrent = PartitionProbe.ToCurrent;
        var reference = explicitValues ? Build(false, randomDelays, constantWeights).Projections : null;
        var projections = new List<Projection>();
        foreach (var source in new Population[] { excitatory, inhibitory })
        {
            foreach (var target in new Population[] { excitatory, inhibitory })
            {
                Dist weight = constantWeights
                    ? Dist.Constant(source == excitatory ? 1.62 * toCurrent : -9 * toCurrent)
                    : source == excitatory ? Dist.Normal(1.62 * toCurrent, 0.16 * toCurrent, 0, 100) : Dist.Normal(-9 * toCurrent, 0.9 * toCurrent, -500, 0);
                Dist delay = randomDelays ? Dist.Uniform(0.1, 2) : Dist.Constant(0.8);
                if (reference is not null)
                {
                    var table = reference[projections.Count].Instantiate();
                    weight = Dist.Explicit(Array.ConvertAll(table.Weights, w => (double)w));
                    delay = Dist.Explicit(Array.ConvertAll(table.DelaySteps, d => d * network.Dt));
                }
                var synapse = source == excitatory ? Synapse.Excitatory(weight, delay) : Synapse.Inhibitory(weight, delay);
                projections.Add(network.Connect(source, target, Connectivity.Probability(0.04), synapse));
            }
        }
        return (network, projections.ToArray(), network.RecordSpikes(excitatory));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void GeneratedRangesEqualWholeTablesOnOneTwoAndThreeThreads(bool randomDelays, bool constantWeights)
    {
        var expectedWeights = Build(false, randomDelays, constantWeights).Projections.Select(p => p.Instantiate().Weights).ToArray();
        SpikeRecord? expected = null;
        foreach (bool explicitValues in new[] { true, false })
        {
            foreach (int threads in new[] { 1, 2, 3 })
            {
                var (network, projections, spikes) = Build(explicitValues, randomDelays, constantWeights);
                using var simulation = SimulationHelpers.Compile(network, threads);
                for (int j = 0; j < projections.Length; j++)
                {
                    SimulationHelpers.AssertBitIdentical(expectedWeights[j], simulation.GetWeights(projections[j]));
                }
                simulation.Run(200);
                PartitionProbe.AssertSameAsFirst(ref expected, simulation.GetSpikes(spikes));
            }
        }
    }
}
