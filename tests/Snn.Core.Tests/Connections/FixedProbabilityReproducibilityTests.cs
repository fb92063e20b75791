using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Randomness;

namespace Snn.Core.Tests.Connections;

/// <summary>
/// The fixed-probability rule draws its sources in batches; these tests hold it to the plain
/// one-draw-at-a-time geometric skipping it replaced, so a seed keeps giving the same network.
/// </summary>
public class FixedProbabilityReproducibilityTests
{
    [Theory]
    [InlineData(0.02, 3200, 4000, false, true)]
    [InlineData(0.3, 50, 60, true, false)]
    [InlineData(0.3, 50, 50, true, true)]
    [InlineData(0.9, 200, 30, false, false)]
    [InlineData(0.001, 20_000, 50, false, true)]
    public void PairsEqualOneDrawAtATimeSkipping(double p, int sources, int targets, bool samePopulation, bool autapses)
    {
        var context = new ConnectionContext(sources, targets, samePopulation, 42, RngStreams.Topology(5),
            ReadOnlyMemory<float>.Empty, ReadOnlyMemory<float>.Empty, "test");
        var output = new ConnectionBuffer();
        Connectivity.Probability(p, autapses).Generate(context, output);
        var (expectedSources, expectedTargets) = Reference(p, sources, targets, samePopulation && !autapses, 42, RngStreams.Topology(5));
        Assert.Equal(expectedSources, output.Sources.ToArray());
        Assert.Equal(expectedTargets, output.Targets.ToArray());
    }

    /// <summary>
    /// The synapse tables of a CUBA-sized network (four projections with constant weights, autapses
    /// allowed) and of a smaller one with random weights and delays and no autapses, hashed: the values
    /// were recorded with the generator this library had before its draws were batched and
    /// vectorised.
    /// </summary>
    [Theory]
    [InlineData(false, 0xDBC1D71F489D0F9AUL)]
    [InlineData(true, 0x26C4C9C17DEA6473UL)]
    public void NetworkTablesMatchTheEarlierGenerator(bool randomValues, ulong expectedHash)
    {
        var network = new Network(42, dt: 0.1);
        var model = new LifCurrent { TauM = 20, TauSynE = 5, TauSynI = 10, EL = -49, VThreshold = -50, VReset = -60, RefractoryPeriod = 5 };
        int size = randomValues ? 1000 : 4000;
        var exc = network.AddPopulation("exc", (int)(0.8 * size), model);
        var inh = network.AddPopulation("inh", size - (int)(0.8 * size), model);
        double p = 80.0 / size;
        foreach (var source in new Population[] { exc, inh })
        {
            foreach (var target in new Population[] { exc, inh })
            {
                var synapse = randomValues
                    ? (source == exc ? Synapse.Excitatory(Dist.Normal(20, 5, 0, 40), Dist.Uniform(0.1, 3)) : Synapse.Inhibitory(Dist.Uniform(-90, -10), Dist.Normal(1.5, 0.5, 0.1, 4)))
                    : (source == exc ? Synapse.Excitatory(20.25) : Synapse.Inhibitory(-112.5));
                network.Connect(source, target, Connectivity.Probability(p, allowAutapses: !randomValues), synapse);
            }
        }
        var hash = new StableHash();
        foreach (var projection in network.Projections)
        {
            var table = projection.Instantiate();
            hash.Add<int>(table.Sources);
            hash.Add<int>(table.Targets);
            hash.Add<float>(table.Weights);
            hash.Add<ushort>(table.DelaySteps);
        }
        Assert.Equal(expectedHash.ToString("X16"), hash.Value.ToString("X16"));
    }

    private static (int[] Sources, int[] Targets) Reference(double p, int sourceSize, int targetSize, bool noSelf, ulong seed, uint stream)
    {
        var sources = new List<int>();
        var targets = new List<int>();
        double logFail = Math.Log(1 - p);
        for (int target = 0; target < targetSize; target++)
        {
            var rng = new CounterRng(seed, stream, (uint)target);
            int source = -1;
            while (true)
            {
                double gap = Math.Floor(Math.Log(rng.NextDoubleNonZero()) / logFail);
                if (source + 1 + gap >= sourceSize)
                {
                    break;
                }
                source += 1 + (int)gap;
                if (!noSelf || source != target)
                {
                    sources.Add(source);
                    targets.Add(target);
                }
            }
        }
        return ([.. sources], [.. targets]);
    }
}
