using Snn.Learning.Reservoir;

namespace Snn.Learning.Tests.Reservoir;

public class AstrocyteTests
{
    [Fact]
    public void AstrocyteStartsAtItsBiasAndRelaxesTowardBiasPlusWeightedSpikeDifference()
    {
        var astrocyte = new Astrocyte(weight: 0.015, bias: 0.15, tauMs: 100);
        Assert.Equal(0.15, astrocyte.Value);
        double a = 0.15;
        int[] liquid = [30, 0, 12, 50];
        int[] input = [10, 40, 12, 0];
        for (int t = 0; t < liquid.Length; t++)
        {
            a += (0.015 * (liquid[t] - input[t]) + 0.15 - a) / 100;
            Assert.Equal(a, astrocyte.Step(liquid[t], input[t]), 12);
        }
        for (int t = 0; t < 2000; t++)
        {
            astrocyte.Step(20, 10);
        }
        Assert.Equal(0.15 + 0.015 * 10, astrocyte.Value, 6);
    }

    [Fact]
    public void PresentationDecayShrinksSignalGainAndBiasEveryMillisecondUntilReset()
    {
        var astrocyte = new Astrocyte(weight: 0.015, bias: 0.15, tauMs: 100, decayPerMs: 0.99);
        double a = 0.15;
        double w = 0.015;
        double b = 0.15;
        for (int t = 0; t < 5; t++)
        {
            a = (a + (w * (40 - 0) + b - a) / 100) * 0.99;
            w *= 0.99;
            b *= 0.99;
            astrocyte.Step(40, 0);
        }
        Assert.Equal(a, astrocyte.Value, 12);
        Assert.Equal(w, astrocyte.CurrentWeight, 12);
        Assert.Equal(b, astrocyte.CurrentBias, 12);
        astrocyte.Reset();
        Assert.Equal((0.15, 0.015, 0.15), (astrocyte.Value, astrocyte.CurrentWeight, astrocyte.CurrentBias));
    }

    [Fact]
    public void ZeroGainIsTheFixedSignalOfTheStdpBaseline()
    {
        var astrocyte = new Astrocyte(weight: 0, bias: 0.15, tauMs: 100);
        for (int t = 0; t < 50; t++)
        {
            Assert.Equal(0.15, astrocyte.Step(t * 3, 7), 12);
        }
    }

    [Fact]
    public void InvalidAstrocyteParametersNameTheParameter()
    {
        Assert.Equal("tauMs", Assert.ThrowsAny<ArgumentException>(() => new Astrocyte(0.015, 0.15, 0)).ParamName);
        Assert.Equal("decayPerMs", Assert.ThrowsAny<ArgumentException>(() => new Astrocyte(0.015, 0.15, 100, 1.5)).ParamName);
        Assert.Equal("liquidSpikes", Assert.ThrowsAny<ArgumentException>(() => new Astrocyte(0.015, 0.15, 100).Step(-1, 0)).ParamName);
    }
}
