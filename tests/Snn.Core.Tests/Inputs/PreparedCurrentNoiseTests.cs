using Snn.Core.Inputs;

namespace Snn.Core.Tests.Inputs;

public class PreparedCurrentNoiseTests
{
    private const ulong Seed = 42;
    private const uint Stream = 9;

    /// <summary>The batched draw gives each neuron the bits of its own draw, for lists longer than one
    /// chunk of blocks, with gaps, and at steps whose counter needs the high word.</summary>
    [Theory]
    [InlineData(0L)]
    [InlineData(123L)]
    [InlineData(5_000_000_000L)]
    public void NoisesEqualEachNeuronsNoise(long step)
    {
        var current = new NoiseCurrent(meanPa: 3, sdPa: 7.5).Prepare(dt: 0.1);
        uint[] neurons = [.. Enumerable.Range(0, 150).Select(i => (uint)(3 * i + (i % 7)))];
        var noises = new float[neurons.Length];

        current.NoisesAt(step, neurons, Seed, Stream, noises);

        for (int i = 0; i < neurons.Length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(current.NoiseAt(step, (int)neurons[i], Seed, Stream)), BitConverter.SingleToInt32Bits(noises[i]));
        }
        Assert.Contains(noises, n => n != 0);
    }

    [Fact]
    public void NoisesAreZeroOutsideTheSwitchedOnSteps()
    {
        var current = new NoiseCurrent(meanPa: 0, sdPa: 2, startMs: 1, stopMs: 2).Prepare(dt: 0.1);
        uint[] neurons = [0, 1, 2, 3, 4];
        var noises = new float[neurons.Length];

        foreach (long step in new long[] { 9, 20 })
        {
            Array.Fill(noises, float.NaN);
            current.NoisesAt(step, neurons, Seed, Stream, noises);
            Assert.All(noises, n => Assert.Equal(0f, n));
        }
        current.NoisesAt(10, neurons, Seed, Stream, noises);
        Assert.All(noises, n => Assert.NotEqual(0f, n));
    }

    [Fact]
    public void ShortDestinationIsRefused()
    {
        var current = new NoiseCurrent(0, 1).Prepare(0.1);

        var error = Assert.Throws<ArgumentException>(() => current.NoisesAt(0, new uint[3], Seed, Stream, new float[2]));
        Assert.Contains("destination.Length = 2", error.Message);
    }
}
