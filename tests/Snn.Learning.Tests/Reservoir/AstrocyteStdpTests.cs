using Snn.Core.Plasticity;
using Snn.Learning.Reservoir;

namespace Snn.Learning.Tests.Reservoir;

public class AstrocyteStdpTests
{
    private const float A = 0.2f;
    private const double D = 0.90477;

    private static SynapseState Synapse(float weight) => new() { Weight = weight, LastStep = -1 };

    private static PostState Post() => new() { LastStep = -1 };

    /// <summary>Pre arrives at <paramref name="preStep"/>, the target fires at <paramref name="postStep"/>; returns the weight change.</summary>
    private static float Pair(AstrocyteStdp rule, float weight, long preStep, long postStep)
    {
        rule = rule.Prepare(1);
        var synapse = Synapse(weight);
        var post = Post();
        for (long step = Math.Min(preStep, postStep); step <= Math.Max(preStep, postStep); step++)
        {
            if (step == preStep)
            {
                rule.OnPreArrival(ref synapse, post, A, step);
            }
            if (step == postStep)
            {
                rule.OnPostSpike(ref synapse, post, A, step);
                rule.AfterPostSpike(ref post, step);
            }
        }
        return synapse.Weight - weight;
    }

    [Fact]
    public void ExcitatoryCausalPairPotentiatesByEtaTimesPreTrace()
    {
        var rule = new AstrocyteStdp { Presynaptic = PresynapticType.Excitatory, WMin = 0, WMax = 3 };
        double expected = 0.15 * 0.1 * D * Math.Pow(D, 3);
        Assert.Equal(expected, Pair(rule, 1f, 10, 13), 6);
    }

    [Fact]
    public void ExcitatoryAntiCausalPairDepressesByAstrocyteTimesPostTrace()
    {
        var rule = new AstrocyteStdp { Presynaptic = PresynapticType.Excitatory, WMin = 0, WMax = 3 };
        double expected = -A * 0.1 * D * Math.Pow(D, 3);
        Assert.Equal(expected, Pair(rule, 1f, 13, 10), 6);
    }

    [Fact]
    public void InhibitoryCausalPairStrengthensInhibitionByAstrocyteTimesPreTrace()
    {
        var rule = new AstrocyteStdp { Presynaptic = PresynapticType.Inhibitory, WMin = -3, WMax = 0 };
        double expected = -A * 0.1 * D * Math.Pow(D, 2);
        Assert.Equal(expected, Pair(rule, -1f, 10, 12), 6);
    }

    [Fact]
    public void InhibitoryAntiCausalPairWeakensInhibitionByEtaTimesPostTrace()
    {
        var rule = new AstrocyteStdp { Presynaptic = PresynapticType.Inhibitory, WMin = -3, WMax = 0 };
        double expected = 0.15 * 0.1 * D * Math.Pow(D, 2);
        Assert.Equal(expected, Pair(rule, -1f, 12, 10), 6);
    }

    [Fact]
    public void WeightsStayWithinTheirBounds()
    {
        var excitatory = new AstrocyteStdp { Presynaptic = PresynapticType.Excitatory, WMin = 0, WMax = 3, PotentiationRate = 100 };
        Assert.Equal(0.05f, Pair(excitatory, 2.95f, 10, 11), 6);
        var inhibitory = new AstrocyteStdp { Presynaptic = PresynapticType.Inhibitory, WMin = -3, WMax = 0, PotentiationRate = 100 };
        Assert.Equal(0.05f, Pair(inhibitory, -0.05f, 11, 10), 6);
    }

    [Fact]
    public void PotentiationRateDecaysPerMillisecondSinceTheWindowStart()
    {
        var rule = new AstrocyteStdp { Presynaptic = PresynapticType.Excitatory, PotentiationDecayPerMs = 0.99, WindowSteps = 100 };
        double expected = 0.15 * Math.Pow(0.99, 13) * 0.1 * D * Math.Pow(D, 3);
        Assert.Equal(expected, Pair(rule, 1f, 110, 113), 6);
    }

    [Fact]
    public void TracesOfAnEarlierWindowAreIgnoredAndArrivalsAtTheWindowStartChangeNothing()
    {
        var rule = new AstrocyteStdp { Presynaptic = PresynapticType.Excitatory, WindowSteps = 20 };
        Assert.Equal(0f, Pair(rule, 1f, 18, 21));
        Assert.Equal(0f, Pair(rule, 1f, 20, 22));
        Assert.NotEqual(0f, Pair(rule, 1f, 21, 22));
    }

    [Fact]
    public void DepressionScalesWithTheModulatorTheEventReceivesAndNeedsNoPeriodicPass()
    {
        var rule = new AstrocyteStdp { Presynaptic = PresynapticType.Excitatory }.Prepare(1);
        var post = Post();
        rule.AfterPostSpike(ref post, 10);
        var weak = Synapse(1f);
        var strong = Synapse(1f);
        rule.OnPreArrival(ref weak, post, 0.1f, 12);
        rule.OnPreArrival(ref strong, post, 0.4f, 12);
        Assert.Equal(4.0, (1f - strong.Weight) / (1f - weak.Weight), 4);
        Assert.Equal(0.0, rule.PeriodMs);
    }

    [Fact]
    public void InvalidRuleParametersNameTheParameter()
    {
        Assert.Equal("WMax", Assert.ThrowsAny<ArgumentException>(() => new AstrocyteStdp { WMin = 1, WMax = 0 }.Validate()).ParamName);
        Assert.Equal("TraceDecay", Assert.ThrowsAny<ArgumentException>(() => new AstrocyteStdp { TraceDecay = 1 }.Validate()).ParamName);
        Assert.Equal("dt", Assert.ThrowsAny<ArgumentException>(() => new AstrocyteStdp().Prepare(0.1)).ParamName);
    }
}
