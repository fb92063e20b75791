using System.Runtime.CompilerServices;
using Snn.Core.Distributions;
using Snn.Core.Randomness;

namespace Snn.Core;

/// <summary>
/// A distribution's values for a run of synapses, each drawn from the generator keyed by the
/// synapse's target and its rank among that target's synapses (the streams of
/// <see cref="Projection"/>). Where the distribution samples from a generator's first block
/// (<see cref="Dist.SamplesFromFirstBlock"/>), the run's first blocks are computed together by
/// <see cref="Philox.Blocks"/>; the values are those of drawing each synapse alone.
/// </summary>
internal static class SynapseDraws
{
    /// <summary>The most synapses of one call.</summary>
    public const int MaxRun = 256;

    /// <summary>The counter value at which a synapse of rank <paramref name="rank"/> starts drawing:
    /// 2¹⁶ blocks per synapse, room for a clipped normal's redraws.</summary>
    public static ulong FirstIndex(int rank) => (ulong)rank << 16;

    /// <summary>Fills <c>values[i]</c> with the value of synapse <c>firstSynapse + i</c>, whose target is
    /// <c>targets[i]</c> and whose rank among that target's synapses is <c>ranks[i]</c>.</summary>
    /// <param name="distribution">The distribution drawn from.</param>
    /// <param name="seed">The network seed.</param>
    /// <param name="stream">The projection's weight or delay stream.</param>
    /// <param name="targets">Each synapse's target neuron; at most <see cref="MaxRun"/>.</param>
    /// <param name="ranks">Each synapse's rank among its target's synapses.</param>
    /// <param name="firstSynapse">The index of the first synapse (for explicit values).</param>
    /// <param name="values">Receives one value per synapse.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(Dist distribution, ulong seed, uint stream, ReadOnlySpan<int> targets, ReadOnlySpan<int> ranks, int firstSynapse, Span<double> values)
    {
        int count = targets.Length;
        switch (distribution)
        {
            case ConstantDist constant:
                values[..count].Fill(constant.Value);
                return;
            case ExplicitValues explicitValues:
                for (int i = 0; i < count; i++)
                {
                    values[i] = explicitValues[firstSynapse + i];
                }
                return;
        }
        if (!distribution.SamplesFromFirstBlock)
        {
            for (int i = 0; i < count; i++)
            {
                values[i] = Sample(distribution, seed, stream, targets[i], ranks[i]);
            }
            return;
        }
        Span<ulong> indices = stackalloc ulong[MaxRun];
        Span<uint> substreams = stackalloc uint[MaxRun];
        Span<Block4> blocks = stackalloc Block4[MaxRun];
        Span<bool> complete = stackalloc bool[MaxRun];
        for (int i = 0; i < count; i++)
        {
            indices[i] = FirstIndex(ranks[i]);
            substreams[i] = (uint)targets[i];
        }
        Philox.Blocks(seed, stream, indices[..count], substreams[..count], blocks);
        distribution.SampleFromFirstBlocks(blocks[..count], values, complete);
        for (int i = 0; i < count; i++)
        {
            if (!complete[i])
            {
                values[i] = Sample(distribution, seed, stream, targets[i], ranks[i]);
            }
        }
    }

    private static double Sample(Dist distribution, ulong seed, uint stream, int target, int rank)
    {
        var rng = new CounterRng(seed, stream, (uint)target, FirstIndex(rank));
        return distribution.Sample(ref rng);
    }
}
