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

    /// <summary>Four blocks at a time with AVX2 and the rest one by one: every length from 0 to 13
    /// covers whole groups of four, a remainder, and both alone.</summary>
    [Theory]
    [InlineData(42UL, 0U, 0U, 7U)]
    [InlineData(0xDEAD_BEEF_0123_4567UL, 0xFFFF_FFFFU, 3U, 0x8000_0001U)]
    public void BlocksOverTheLastCounterWordEqualSingleBlocks(ulong key, uint c0, uint c1, uint c2)
    {
        var random = new Random(5);
        for (int length = 0; length <= 13; length++)
        {
            var c3 = new uint[length];
            for (int i = 0; i < length; i++)
            {
                c3[i] = i == 0 ? uint.MaxValue : (uint)random.NextInt64(0, 1L << 32);
            }
            var blocks = new Block4[length + 2];

            Philox.Blocks(key, c0, c1, c2, c3, blocks);

            for (int i = 0; i < length; i++)
            {
                Assert.Equal(Philox.Block(key, c0, c1, c2, c3[i]), blocks[i]);
            }
            Assert.Equal(default, blocks[length]);
        }
    }

    [Fact]
    public void BlocksNeedRoomForEveryBlock()
    {
        var error = Assert.Throws<ArgumentException>(() => Philox.Blocks(1, 2, 3, 4, new uint[5], new Block4[4]));
        Assert.Contains("destination.Length = 4", error.Message);
        Assert.Contains("c3.Length = 5", error.Message);
    }
}
