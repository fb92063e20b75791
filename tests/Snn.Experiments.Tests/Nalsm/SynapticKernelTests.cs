using Snn.Experiments.Nalsm;

namespace Snn.Experiments.Tests.Nalsm;

/// <summary>The kernel setting is part of a protocol's identity, without changing the key of the
/// summed protocol (the default until the authors' kernel replaced it) that feature files written
/// before the setting carry.</summary>
public class SynapticKernelTests
{
    [Fact]
    public void OnlyTheLastSpikeKernelEntersTheProtocolKey()
    {
        var summed = NalsmProtocol.Key(NalsmOptions.Quick with { Kernel = SynapticKernel.Summed });
        var lastSpike = NalsmProtocol.Key(NalsmOptions.Quick);

        Assert.DoesNotContain("Kernel", summed);
        Assert.Contains("Kernel", NalsmProtocol.Difference(summed, lastSpike));
    }

    [Fact]
    public void AnUndefinedKernelIsRefusedByName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (NalsmOptions.Quick with { Kernel = (SynapticKernel)7 }).Validate());
        Assert.Equal("Kernel", error.ParamName);
    }
}
