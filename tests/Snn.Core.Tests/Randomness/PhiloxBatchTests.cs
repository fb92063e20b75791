using Snn.Core.Randomness;

namespace Snn.Core.Tests.Randomness;

public class PhiloxBatchTests
{
    [Theory]
    [InlineData(42UL, 0UL, 2)]
    [InlineData(42UL, 0UL, 64)]
    [InlineData(7UL, 5UL, 18)]
    [InlineData(0xDEAD_BEEF_0123_4567UL, 0xFFFF_FFFEUL, 40)]
    public void BatchEqualsSequentialDraws(ulong seed, ulong firstIndex, int count)
    {
        var batch = new double[count];
        Philox.UnitDoubles(seed, RngStreams.Topology(3), 1234, firstIndex, batch);
        var rng = new CounterRng(seed, RngStreams.Topology(3), 1234, firstIndex);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(rng.NextDouble()), BitConverter.DoubleToInt64Bits(batch[i]));
        }
    }

    [Fact]
    public void OddLengthIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Philox.UnitDoubles(1, 2, 3, 0, new double[3]));
        Assert.Contains("destination.Length = 3", error.Message);
    }
}
