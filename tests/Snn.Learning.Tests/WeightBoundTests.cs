using Snn.Learning.Plasticity;

namespace Snn.Learning.Tests;

public class WeightBoundTests
{
    private static readonly double[] ManyPre = Enumerable.Range(0, 200).Select(k => 10.0 + 200 * k).ToArray();

    [Fact]
    public void AdditiveRuleStopsExactlyAtTheHardBounds()
    {
        var rule = new PairStdp { APlus = 0.05, AMinus = 0.05, WMin = 0.2, WMax = 0.8 };
        float up = RuleSequence.Run(rule, 0.1, ManyPre, ManyPre.Select(t => t + 2), 0.5f);
        float down = RuleSequence.Run(rule, 0.1, ManyPre, ManyPre.Select(t => t - 2), 0.5f);
        Assert.Equal(0.8f, up);
        Assert.Equal(0.2f, down);
    }

    [Fact]
    public void SoftBoundsApproachButNeverReachTheBounds()
    {
        var rule = new PairStdp { APlus = 0.02, AMinus = 0.02, WMin = 0, WMax = 1, Dependence = WeightDependence.Multiplicative };
        var pre = ManyPre.Take(100).ToArray();
        float up = RuleSequence.Run(rule, 0.1, pre, pre.Select(t => t + 2), 0.5f);
        float down = RuleSequence.Run(rule, 0.1, pre, pre.Select(t => t - 2), 0.5f);
        Assert.InRange(up, 0.7f, 0.99999f);
        Assert.InRange(down, 0.00001f, 0.3f);
    }

    [Fact]
    public void EveryRuleKeepsWeightsInsideItsBoundsUnderRandomSpikes()
    {
        var random = new Random(3);
        var pre = Enumerable.Range(0, 400).Select(_ => random.NextDouble() * 4000 + 1).ToArray();
        var post = Enumerable.Range(0, 400).Select(_ => random.NextDouble() * 4000 + 1).ToArray();
        Assert.InRange(RuleSequence.Run(new PairStdp { APlus = 0.3, AMinus = 0.1 }, 0.1, pre, post, 0.5f), 0f, 1f);
        Assert.InRange(RuleSequence.Run(new PairStdp { APlus = 0.1, AMinus = 0.3 }, 0.1, pre, post, 0.5f), 0f, 1f);
        Assert.InRange(RuleSequence.Run(TripletStdp.Hippocampal with { A3Plus = 0.5 }, 0.1, pre, post, 0.5f), 0f, 1f);
        Assert.InRange(RuleSequence.Run(new InhibitoryStdp { Eta = 0.2, NegativeWeights = true }, 0.1, pre, post, -0.5f), -1f, 0f);
    }
}
