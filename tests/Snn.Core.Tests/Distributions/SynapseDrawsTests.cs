using Snn.Core.Distributions;
using Snn.Core.Randomness;

namespace Snn.Core.Tests.Distributions;

/// <summary>
/// A run of synapses' values drawn together equals each synapse's value drawn alone from its own
/// generator (seed, stream, target, rank · 2¹⁶), for the distributions that sample from a first
/// block, for a clipped normal whose first draw is often rejected, and for a distribution that
/// draws more than one block.
/// </summary>
public class SynapseDrawsTests
{
    private const ulong Seed = 1234;
    private const uint Stream = 77;

    public static TheoryData<string> Distributions() => ["uniform", "normal", "tightly clipped normal", "log-normal", "three draws"];

    private static Dist Named(string name) => name switch
    {
        "uniform" => Dist.Uniform(-2, 3),
        "normal" => Dist.Normal(1, 0.5),
        "tightly clipped normal" => Dist.Normal(0, 1, min: 1.5, max: 2),
        "log-normal" => Dist.LogNormal(0.1, 0.4),
        _ => new SumOfThreeUniforms(),
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void ARunGivesEachSynapsesOwnDraw(string name)
    {
        var distribution = Named(name);
        int[] targets = [.. Enumerable.Range(0, SynapseDraws.MaxRun).Select(i => 5 + i / 7)];
        int[] ranks = [.. Enumerable.Range(0, SynapseDraws.MaxRun).Select(i => i % 7 + (i == 3 ? 70_000 : 0))];
        foreach (int count in new[] { 0, 1, 3, 4, 5, SynapseDraws.MaxRun })
        {
            var values = new double[SynapseDraws.MaxRun];

            SynapseDraws.Fill(distribution, Seed, Stream, targets.AsSpan(0, count), ranks.AsSpan(0, count), firstSynapse: 0, values);

            for (int i = 0; i < count; i++)
            {
                var rng = new CounterRng(Seed, Stream, (uint)targets[i], (ulong)ranks[i] << 16);
                Assert.Equal(BitConverter.DoubleToInt64Bits(distribution.Sample(ref rng)), BitConverter.DoubleToInt64Bits(values[i]));
            }
        }
    }

    [Fact]
    public void TheTightClipRejectsMostFirstDraws()
    {
        var clipped = Dist.Normal(0, 1, min: 1.5, max: 2);
        var firsts = Enumerable.Range(0, 200).Select(i => Philox.Block(Seed, (uint)i << 16, 0, Stream, 5)).ToArray();
        var complete = new bool[firsts.Length];

        clipped.SampleFromFirstBlocks(firsts, new double[firsts.Length], complete);

        Assert.InRange(complete.Count(c => !c), 150, 200);
    }

    [Fact]
    public void ConstantAndExplicitValuesAreCopied()
    {
        var values = new double[3];
        SynapseDraws.Fill(Dist.Constant(2.5), Seed, Stream, [1, 2, 3], [0, 0, 0], firstSynapse: 0, values);
        Assert.Equal([2.5, 2.5, 2.5], values);

        SynapseDraws.Fill(Dist.Explicit([9, 8, 7, 6, 5]), Seed, Stream, [1, 2, 3], [0, 0, 0], firstSynapse: 2, values);
        Assert.Equal([7.0, 6.0, 5.0], values);
    }

    /// <summary>A user's distribution that draws three uniforms (a block and a half): it has no first-block form.</summary>
    private sealed class SumOfThreeUniforms : Dist
    {
        public override double Sample(ref CounterRng rng) => rng.NextDouble() + rng.NextDouble() + rng.NextDouble();

        public override double Minimum => 0;

        public override double Maximum => 3;
    }
}
