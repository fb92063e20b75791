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
    /// covers whole groups of four, a remainder, and both alone; the counters need both of their words.</summary>
    [Theory]
    [InlineData(42UL, 7U)]
    [InlineData(0xDEAD_BEEF_0123_4567UL, 0x8000_0001U)]
    public void BlocksOfManyStreamsEqualSingleBlocks(ulong key, uint stream)
    {
        var random = new Random(5);
        for (int length = 0; length <= 13; length++)
        {
            var indices = new ulong[length];
            var substreams = new uint[length];
            for (int i = 0; i < length; i++)
            {
                indices[i] = i == 0 ? ulong.MaxValue : (ulong)random.NextInt64() << (i % 3 * 16);
                substreams[i] = i == 1 ? uint.MaxValue : (uint)random.NextInt64(0, 1L << 32);
            }
            var blocks = new Block4[length + 2];

            Philox.Blocks(key, stream, indices, substreams, blocks);

            for (int i = 0; i < length; i++)
            {
                Assert.Equal(Philox.Block(key, (uint)indices[i], (uint)(indices[i] >> 32), stream, substreams[i]), blocks[i]);
            }
            Assert.Equal(default, blocks[length]);
        }
    }

    [Fact]
    public void BlocksNeedACounterPerSubstreamAndRoomForEveryBlock()
    {
        var tooShort = Assert.Throws<ArgumentException>(() => Philox.Blocks(1, 2, new ulong[5], new uint[5], new Block4[4]));
        Assert.Contains("destination.Length = 4", tooShort.Message);
        var mismatched = Assert.Throws<ArgumentException>(() => Philox.Blocks(1, 2, new ulong[5], new uint[4], new Block4[5]));
        Assert.Contains("substreams.Length = 4", mismatched.Message);
    }
}
