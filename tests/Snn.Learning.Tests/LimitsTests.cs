using Snn.Learning.Gradient;
using Snn.Learning.Plasticity;

namespace Snn.Learning.Tests;

/// <summary>Sizes whose product overflows and rule parameters that overflow a float are refused
/// naming them, instead of building an empty layer or running with NaN weights.</summary>
public class LimitsTests
{
    [Theory]
    [InlineData(65536, 65536)]
    [InlineData(1 << 20, 1 << 20)]
    public void ADelayNetworkWhoseLayerOverflowsAnArrayNamesTheSizes(int inputs, int hidden)
    {
        var config = new DelayNetworkConfig { Inputs = inputs, Hidden = [hidden], Classes = 10 };
        var error = Assert.Throws<ArgumentException>(() => DelayNetwork.Create(config, 1));
        Assert.Equal("Hidden[0]", error.ParamName);
        Assert.Contains($"{inputs} inputs", error.Message);
        Assert.Contains($"{hidden} outputs", error.Message);
    }

    [Fact]
    public void ALearningRateThatOverflowsAFloatIsRejected()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new PairStdp { APlus = 1e39 }.Validate());
        Assert.Equal("APlus", error.ParamName);
    }
}
