using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Core.Tests.Connections;

public class TargetRangeTests
{
    public static TheoryData<string> Rules => ["probability", "in-degree", "all-to-all", "distance", "out-degree", "total"];

    private static Projection Build(string rule)
    {
        var network = new Network(seed: 12);
        var a = network.AddPopulation("a", 600, new LifCurrent());
        var b = network.AddPopulation("b", 1300, new LifCurrent());
        a.OnGrid(10, 6, 10);
        b.OnGrid(13, 10, 10);
        Connectivity connectivity = rule switch
        {
            "probability" => Connectivity.Probability(0.05),
            "in-degree" => Connectivity.FixedInDegree(20),
            "all-to-all" => Connectivity.AllToAll(),
            "distance" => Connectivity.DistanceDependent(0.3, 2),
            "out-degree" => Connectivity.FixedOutDegree(30),
            _ => Connectivity.FixedTotalNumber(20_000),
        };
        return network.Connect(a, b, connectivity, Synapse.Excitatory(Dist.Normal(5, 1), Dist.Uniform(0.1, 3)));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void EachTargetRangeGetsExactlyTheWholeProjectionsSynapsesOntoIt(string rule)
    {
        var whole = Build(rule).Instantiate();
        var projection = Build(rule);
        int[] cuts = [0, 1, 317, 318, 900, 1300];
        foreach (var (first, end) in cuts.Zip(cuts.Skip(1)))
        {
            var part = projection.InstantiateTargets(first, end);
            var expected = Enumerable.Range(0, whole.Count).Where(s => whole.Targets[s] >= first && whole.Targets[s] < end).ToArray();
            Assert.Equal(expected.Select(s => whole.Sources[s]), part.Sources);
            Assert.Equal(expected.Select(s => whole.Targets[s]), part.Targets);
            Assert.Equal(expected.Select(s => whole.Weights[s]), part.Weights);
            Assert.Equal(expected.Select(s => whole.DelaySteps[s]), part.DelaySteps);
        }
    }

    [Theory]
    [InlineData("probability")]
    [InlineData("in-degree")]
    [InlineData("distance")]
    public void PerTargetRulesGenerateTargetByTarget(string rule)
    {
        var table = Build(rule).Instantiate();
        Assert.True(table.Targets.Zip(table.Targets.Skip(1)).All(p => p.First <= p.Second));
    }

    [Fact]
    public void ExplicitWeightsKeepTheirWholeProjectionIndexInATargetRange()
    {
        Projection Make()
        {
            var network = new Network(seed: 4);
            var a = network.AddPopulation("a", 50, new LifCurrent());
            var b = network.AddPopulation("b", 40, new LifCurrent());
            var weights = Enumerable.Range(0, 50 * 40).Select(i => (double)i).ToArray();
            return network.Connect(a, b, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Explicit(weights)));
        }
        var whole = Make().Instantiate();
        var part = Make().InstantiateTargets(10, 20);
        var expected = Enumerable.Range(0, whole.Count).Where(s => whole.Targets[s] is >= 10 and < 20).ToArray();
        Assert.Equal(expected.Select(s => whole.Weights[s]), part.Weights);
        Assert.Equal(expected.Select(s => (float)s), part.Weights);
    }

    [Theory]
    [InlineData("probability")]
    [InlineData("in-degree")]
    [InlineData("distance")]
    public void ReleasedRangesLeaveTheNextRangesSynapsesUnchanged(string rule)
    {
        var whole = Build(rule).Instantiate();
        var projection = Build(rule);
        int[] cuts = [0, 400, 650, 1300, 0, 90];
        for (int c = 0; c + 1 < cuts.Length; c += 2)
        {
            int first = cuts[c];
            int end = cuts[c + 1];
            var range = projection.InstantiateRange(first, end)!;
            var expected = Enumerable.Range(0, whole.Count).Where(s => whole.Targets[s] >= first && whole.Targets[s] < end).ToArray();
            Assert.Equal(expected.Select(s => whole.Sources[s]), range.Sources.ToArray());
            Assert.Equal(expected.Select(s => whole.Targets[s]), range.Targets.ToArray());
            Assert.Equal(expected.Select(s => whole.Weights[s]), range.Weights!);
            range.Release();
            Assert.Equal(0, range.Count);
            Assert.True(range.Sources.IsEmpty && range.Targets.IsEmpty);
        }
    }

    [Fact]
    public void TargetRangeOutsideThePopulationIsRejected()
    {
        var projection = Build("probability");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => projection.InstantiateTargets(10, 1301));
        Assert.Contains("1301", error.Message);
    }
}
