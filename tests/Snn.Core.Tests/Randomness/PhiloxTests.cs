using Snn.Core.Randomness;

namespace Snn.Core.Tests.Randomness;

public class PhiloxTests
{
    [Theory]
    [InlineData(0u, 0u, 0u, 0u, 0u, 0u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void MatchesRandom123KnownAnswers(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint x0, uint x1, uint x2, uint x3)
    {
        var block = Philox.Block(((ulong)k1 << 32) | k0, c0, c1, c2, c3);
        Assert.Equal(new Block4(x0, x1, x2, x3), block);
    }

    [Fact]
    public void SequentialDrawsAreUniform()
    {
        var rng = new CounterRng(7, RngStreams.User(0), 0);
        const int n = 200_000;
        var bins = new int[10];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            Assert.InRange(u, 0, 1 - double.Epsilon);
            sum += u;
            bins[(int)(u * 10)]++;
        }
        Assert.Equal(0.5, sum / n, 0.005);
        double chiSquare = bins.Sum(b => (b - n / 10.0) * (b - n / 10.0) / (n / 10.0));
        Assert.True(chiSquare < 27.9, $"chi² = {chiSquare} over 9 degrees of freedom (p < 0.001 threshold 27.9)");
    }

    [Fact]
    public void NormalDeviatesHaveUnitVariance()
    {
        var rng = new CounterRng(11, RngStreams.User(1), 3);
        const int n = 100_000;
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double x = rng.NextNormal();
            sum += x;
            sumSquares += x * x;
        }
        double mean = sum / n;
        Assert.Equal(0, mean, 0.02);
        Assert.Equal(1, sumSquares / n - mean * mean, 0.02);
    }

    [Fact]
    public void SameKeyAndCounterGiveSameNumbersAndStreamsDiffer()
    {
        var a = new CounterRng(5, 1, 2);
        var b = new CounterRng(5, 1, 2);
        var c = new CounterRng(5, 1, 3);
        int equalToOtherStream = 0;
        for (int i = 0; i < 1000; i++)
        {
            uint x = a.NextUInt();
            Assert.Equal(x, b.NextUInt());
            if (x == c.NextUInt())
            {
                equalToOtherStream++;
            }
        }
        Assert.True(equalToOtherStream < 3);
    }

    [Fact]
    public void BoundedIntegersCoverTheRangeEvenly()
    {
        var rng = new CounterRng(1, 2, 3);
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++)
        {
            counts[rng.NextInt(7)]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }
}
