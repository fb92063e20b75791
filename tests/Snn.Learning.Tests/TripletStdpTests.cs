using Snn.Learning.Plasticity;

namespace Snn.Learning.Tests;

public class TripletStdpTests
{
    private static double Change(TripletStdp rule, double frequencyHz, double deltaMs)
    {
        var (pre, post) = RuleSequence.Pairing(60, frequencyHz, deltaMs);
        return RuleSequence.Run(rule with { WMin = -10, WMax = 10 }, 0.1, pre, post, 0f);
    }

    [Fact]
    public void VisualCortexPostPrePairsDepressAtLowFrequencyAndPotentiateAtHigh()
    {
        var rule = TripletStdp.VisualCortex;
        Assert.True(Change(rule, 0.1, -10) < 0, "post-pre pairs at 0.1 Hz must depress (Sjöström et al. 2001)");
        Assert.True(Change(rule, 1, -10) < 0, "post-pre pairs at 1 Hz must depress");
        Assert.True(Change(rule, 50, -10) > 0, "post-pre pairs at 50 Hz must potentiate");
    }

    [Fact]
    public void VisualCortexPrePostPotentiationGrowsWithFrequency()
    {
        var rule = TripletStdp.VisualCortex;
        double[] frequencies = [0.1, 10, 20, 40, 50];
        var changes = frequencies.Select(f => Change(rule, f, 10)).ToArray();
        for (int i = 1; i < changes.Length; i++)
        {
            Assert.True(changes[i] > changes[i - 1], $"Δw at {frequencies[i]} Hz ({changes[i]}) must exceed Δw at {frequencies[i - 1]} Hz ({changes[i - 1]})");
        }
        Assert.True(changes[^1] > 0);
    }

    [Fact]
    public void PairOnlyLimitMatchesThePairWindow()
    {
        var rule = TripletStdp.VisualCortex with { A3Plus = 0, A3Minus = 0, A2Plus = 0.01 };
        float potentiation = RuleSequence.Run(rule, 0.1, [10.0], [20.0], 0.5f);
        float depression = RuleSequence.Run(rule, 0.1, [20.0], [10.0], 0.5f);
        Assert.Equal(0.5 + 0.01 * Math.Exp(-10 / 16.8), potentiation, 1e-6);
        Assert.Equal(0.5 - 7e-3 * Math.Exp(-10 / 33.7), depression, 1e-6);
    }

    [Fact]
    public void TripletTermNeedsAnEarlierPostSpike()
    {
        var rule = TripletStdp.Hippocampal with { A2Plus = 0 };
        float single = RuleSequence.Run(rule, 0.1, [10.0], [15.0], 0.5f);
        float triplet = RuleSequence.Run(rule, 0.1, [10.0], [5.0, 15.0], 0.5f);
        double o2 = Math.Exp(-10 / 27.0);
        double r1 = Math.Exp(-5 / 16.8);
        double depressionByFirstPost = 1.6e-3 * Math.Exp(-5 / 33.7);
        Assert.Equal(0.5, single, 1e-6);
        Assert.Equal(0.5 - depressionByFirstPost + r1 * 6.7e-3 * o2, triplet, 1e-6);
    }
}
