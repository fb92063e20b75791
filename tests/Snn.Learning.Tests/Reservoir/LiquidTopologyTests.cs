using Snn.Learning.Reservoir;

namespace Snn.Learning.Tests.Reservoir;

public class LiquidTopologyTests
{
    private static readonly LiquidTopology Liquid1000 = LiquidTopology.Build(LiquidOptions.Liquid1000);

    [Fact]
    public void EightyPercentOfTheSitesAreExcitatoryInARandomOrder()
    {
        var labels = Liquid1000.IsExcitatory;
        Assert.Equal(800, labels.Count(e => e));
        Assert.InRange(labels.Take(500).Count(e => e), 340, 460);
    }

    [Fact]
    public void LiquidSynapseCountsMatchTheDistanceDependentProbability()
    {
        var t = Liquid1000;
        foreach (bool sourceExcitatory in new[] { true, false })
        {
            var group = sourceExcitatory ? t.Excitatory : t.Inhibitory;
            foreach (bool targetExcitatory in new[] { true, false })
            {
                double expected = 0;
                double variance = 0;
                for (int target = 0; target < t.LiquidCount; target++)
                {
                    if (t.IsExcitatory[target] != targetExcitatory)
                    {
                        continue;
                    }
                    for (int source = 0; source < t.LiquidCount; source++)
                    {
                        if (t.IsExcitatory[source] == sourceExcitatory)
                        {
                            double p = t.ConnectionProbability(source, target);
                            expected += p;
                            variance += p * (1 - p);
                        }
                    }
                }
                int actual = 0;
                for (int s = 0; s < group.Count; s++)
                {
                    if (t.IsExcitatory[group.Targets[s]] == targetExcitatory)
                    {
                        actual++;
                    }
                }
                Assert.InRange(actual, expected - 4 * Math.Sqrt(variance), expected + 4 * Math.Sqrt(variance));
            }
        }
    }

    [Fact]
    public void ConnectionsAtOneAndThreeSpacingsFollowCTimesGaussianOfDistanceOverLambda()
    {
        var t = Liquid1000;
        var pairs = new HashSet<(int, int)>();
        foreach (var group in new[] { t.Excitatory, t.Inhibitory })
        {
            for (int s = 0; s < group.Count; s++)
            {
                pairs.Add((group.Sources[s], group.Targets[s]));
            }
        }
        foreach (double distance in new[] { 1.0, 3.0 })
        {
            int candidates = 0;
            int connected = 0;
            double expected = 0;
            for (int target = 0; target < t.LiquidCount; target++)
            {
                for (int source = 0; source < t.LiquidCount; source++)
                {
                    if (t.IsExcitatory[source] && t.IsExcitatory[target] && Math.Abs(Distance(t, source, target) - distance) < 1e-6)
                    {
                        candidates++;
                        connected += pairs.Contains((source, target)) ? 1 : 0;
                        expected += 0.2 * Math.Exp(-distance * distance / 9);
                    }
                }
            }
            double sd = Math.Sqrt(expected);
            Assert.InRange(connected, expected - 4 * sd, expected + 4 * sd);
        }
    }

    [Fact]
    public void NoNeuronConnectsToItselfAndWeightsStartAtPlusOrMinusThree()
    {
        var t = Liquid1000;
        Assert.DoesNotContain(Enumerable.Range(0, t.Excitatory.Count), s => t.Excitatory.Sources[s] == t.Excitatory.Targets[s]);
        Assert.DoesNotContain(Enumerable.Range(0, t.Inhibitory.Count), s => t.Inhibitory.Sources[s] == t.Inhibitory.Targets[s]);
        Assert.All(t.Excitatory.Weights, w => Assert.Equal(3f, w));
        Assert.All(t.Inhibitory.Weights, w => Assert.Equal(-3f, w));
        Assert.All(t.Excitatory.Sources, s => Assert.True(t.IsExcitatory[s]));
        Assert.All(t.Inhibitory.Sources, s => Assert.False(t.IsExcitatory[s]));
        Assert.Equal((0.0, 3.0, -3.0, 0.0, -3.0, 3.0), (t.Excitatory.WMin, t.Excitatory.WMax, t.Inhibitory.WMin, t.Inhibitory.WMax, t.Input.WMin, t.Input.WMax));
    }

    [Fact]
    public void InputGetsFifteenPercentOfAllPairsDistinctWithRandomSign()
    {
        var input = Liquid1000.Input;
        Assert.Equal((int)(0.15 * 1000 * 784), input.Count);
        var pairs = new HashSet<(int, int)>();
        for (int s = 0; s < input.Count; s++)
        {
            Assert.True(pairs.Add((input.Sources[s], input.Targets[s])));
        }
        int positive = input.Weights.Count(w => w == 3f);
        Assert.Equal(input.Count, positive + input.Weights.Count(w => w == -3f));
        double sd = Math.Sqrt(input.Count * 0.25);
        Assert.InRange(positive, input.Count / 2.0 - 4 * sd, input.Count / 2.0 + 4 * sd);
    }

    [Fact]
    public void TheSameSeedGivesTheSameLiquid()
    {
        var again = LiquidTopology.Build(LiquidOptions.Liquid1000);
        Assert.Equal(Liquid1000.Excitatory.Targets, again.Excitatory.Targets);
        Assert.Equal(Liquid1000.Input.Weights, again.Input.Weights);
    }

    [Fact]
    public void InvalidOptionsNameTheParameter()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => LiquidTopology.Build(new LiquidOptions { Lambda = 0 }));
        Assert.Equal("Lambda", e.ParamName);
        e = Assert.ThrowsAny<ArgumentException>(() => LiquidTopology.Build(new LiquidOptions { CIE = 1.5 }));
        Assert.Equal("CIE", e.ParamName);
    }

    private static double Distance(LiquidTopology t, int a, int b)
    {
        double dx = t.Positions[3 * a] - t.Positions[3 * b];
        double dy = t.Positions[3 * a + 1] - t.Positions[3 * b + 1];
        double dz = t.Positions[3 * a + 2] - t.Positions[3 * b + 2];
        return Math.Sqrt(dx * dx + dy * dy + dz * dz);
    }
}
