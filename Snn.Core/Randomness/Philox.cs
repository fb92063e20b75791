using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Snn.Core.Randomness;

/// <summary>
/// The Philox-4x32-10 counter-based generator (Salmon, Moraes, Dror &amp; Shaw, "Parallel random
/// numbers: as easy as 1, 2, 3", SC 2011). A block of four 32-bit words is a pure function of a
/// 64-bit key and a 128-bit counter, so any draw can be made anywhere (any thread, any backend)
/// without shared state. Snn keys it with the network seed and builds the counter from
/// (index, stream, substream).
/// </summary>
public static class Philox
{
    private const uint M0 = 0xD2511F53;
    private const uint M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9;
    private const uint W1 = 0xBB67AE85;

    /// <summary>Computes one Philox-4x32-10 block.</summary>
    /// <param name="key">The 64-bit key (the network seed).</param>
    /// <param name="c0">Counter word 0.</param>
    /// <param name="c1">Counter word 1.</param>
    /// <param name="c2">Counter word 2.</param>
    /// <param name="c3">Counter word 3.</param>
    /// <returns>Four independent uniformly distributed 32-bit words.</returns>
    public static Block4 Block(ulong key, uint c0, uint c1, uint c2, uint c3)
    {
        uint k0 = (uint)key;
        uint k1 = (uint)(key >> 32);
        for (int round = 0; round < 10; round++)
        {
            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint hi0 = (uint)(p0 >> 32), lo0 = (uint)p0;
            uint hi1 = (uint)(p1 >> 32), lo1 = (uint)p1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
            k0 += W0;
            k1 += W1;
        }
        return new Block4(c0, c1, c2, c3);
    }

    /// <summary>
    /// A uniform float in [0, 1) from the first word of the block at (index, stream, substream):
    /// the per-step draw used by stochastic neuron models and inputs on every backend.
    /// </summary>
    public static float UniformFloat(ulong key, ulong index, uint stream, uint substream)
        => ToUnitFloat(Block(key, (uint)index, (uint)(index >> 32), stream, substream).X0);

    /// <summary>
    /// Fills <paramref name="destination"/> with the uniform doubles in [0, 1) that successive
    /// <see cref="CounterRng.NextDouble"/> calls of <c>new CounterRng(key, stream, substream, firstIndex)</c>
    /// return, two per block. The blocks are independent, so the processor overlaps their computation:
    /// a batch costs a fraction of the same draws taken one by one.
    /// </summary>
    /// <param name="key">The 64-bit key (the network seed).</param>
    /// <param name="stream">The stream (see <see cref="RngStreams"/>).</param>
    /// <param name="substream">The substream, typically a neuron index.</param>
    /// <param name="firstIndex">The counter value of the first block.</param>
    /// <param name="destination">Receives the draws; its length must be even (whole blocks).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UnitDoubles(ulong key, uint stream, uint substream, ulong firstIndex, Span<double> destination)
    {
        if ((destination.Length & 1) != 0)
        {
            throw new ArgumentException($"destination.Length = {destination.Length} must be even (two draws per block).", nameof(destination));
        }
        int i = 0;
        if (Avx2.IsSupported)
        {
            for (; i + 8 <= destination.Length; i += 8)
            {
                FourBlocks(key, stream, substream, firstIndex + (ulong)(i >> 1), destination.Slice(i, 8));
            }
        }
        for (; i < destination.Length; i += 2)
        {
            ulong index = firstIndex + (ulong)(i >> 1);
            var block = Block(key, (uint)index, (uint)(index >> 32), stream, substream);
            destination[i] = ToUnitDouble(block.X0, block.X1);
            destination[i + 1] = ToUnitDouble(block.X2, block.X3);
        }
    }

    /// <summary>The draws of the four blocks at counter values index .. index + 3, computed side by
    /// side in the 64-bit lanes of AVX2 registers (<see cref="FourRounds"/>); the same numbers as <see cref="Block"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourBlocks(ulong key, uint stream, uint substream, ulong index, Span<double> destination)
    {
        var indices = Vector256.Create(index, index + 1, index + 2, index + 3);
        var c0 = indices & Vector256.Create(0xFFFF_FFFFUL);
        var c1 = indices >>> 32;
        var c2 = Vector256.Create((ulong)stream);
        var c3 = Vector256.Create((ulong)substream);
        FourRounds(key, ref c0, ref c1, ref c2, ref c3);
        var scale = Vector256.Create(1.0 / 9007199254740992.0);
        var first = Vector256.ConvertToDouble(((c0 >>> 5) << 26) | (c1 >>> 6)) * scale;
        var second = Vector256.ConvertToDouble(((c2 >>> 5) << 26) | (c3 >>> 6)) * scale;
        for (int lane = 0; lane < 4; lane++)
        {
            destination[2 * lane] = first.GetElement(lane);
            destination[2 * lane + 1] = second.GetElement(lane);
        }
    }

    /// <summary>
    /// The blocks at counter values (<c>indices[i]</c>, <paramref name="stream"/>, <c>substreams[i]</c>)
    /// for every i, the same words as <see cref="Block"/> (the block that
    /// <c>new CounterRng(key, stream, substreams[i], indices[i])</c> draws first): one draw per neuron
    /// of a step, or per synapse of a projection. With AVX2, four blocks are computed side by side.
    /// </summary>
    /// <param name="key">The 64-bit key (the network seed).</param>
    /// <param name="stream">The stream (see <see cref="RngStreams"/>), shared.</param>
    /// <param name="indices">The counter value of each block.</param>
    /// <param name="substreams">The substream of each block; as long as <paramref name="indices"/>.</param>
    /// <param name="destination">Receives one block per index; at least as long.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Blocks(ulong key, uint stream, ReadOnlySpan<ulong> indices, ReadOnlySpan<uint> substreams, Span<Block4> destination)
    {
        if (substreams.Length != indices.Length)
        {
            throw new ArgumentException($"substreams.Length = {substreams.Length} must equal indices.Length = {indices.Length}.", nameof(substreams));
        }
        if (destination.Length < indices.Length)
        {
            throw new ArgumentException($"destination.Length = {destination.Length} must be at least indices.Length = {indices.Length}.", nameof(destination));
        }
        int i = 0;
        if (Avx2.IsSupported)
        {
            for (; i + 4 <= indices.Length; i += 4)
            {
                var counters = Vector256.Create(indices.Slice(i, 4));
                var x0 = counters & Vector256.Create(0xFFFF_FFFFUL);
                var x1 = counters >>> 32;
                var x2 = Vector256.Create((ulong)stream);
                var x3 = Vector256.Create((ulong)substreams[i], substreams[i + 1], substreams[i + 2], substreams[i + 3]);
                FourRounds(key, ref x0, ref x1, ref x2, ref x3);
                for (int lane = 0; lane < 4; lane++)
                {
                    destination[i + lane] = new Block4((uint)x0.GetElement(lane), (uint)x1.GetElement(lane), (uint)x2.GetElement(lane), (uint)x3.GetElement(lane));
                }
            }
        }
        for (; i < indices.Length; i++)
        {
            destination[i] = Block(key, (uint)indices[i], (uint)(indices[i] >> 32), stream, substreams[i]);
        }
    }

    /// <summary>The ten rounds of <see cref="Block"/> on four blocks side by side, each counter word in
    /// the low half of a 64-bit lane, so that the 32 × 32 → 64 bit products of a round are one
    /// <c>vpmuludq</c> each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRounds(ulong key, ref Vector256<ulong> c0, ref Vector256<ulong> c1, ref Vector256<ulong> c2, ref Vector256<ulong> c3)
    {
        var low32 = Vector256.Create(0xFFFF_FFFFUL);
        var m0 = Vector256.Create((ulong)M0).AsUInt32();
        var m1 = Vector256.Create((ulong)M1).AsUInt32();
        uint k0 = (uint)key;
        uint k1 = (uint)(key >> 32);
        for (int round = 0; round < 10; round++)
        {
            var p0 = Avx2.Multiply(c0.AsUInt32(), m0);
            var p1 = Avx2.Multiply(c2.AsUInt32(), m1);
            var next0 = (p1 >>> 32) ^ c1 ^ Vector256.Create((ulong)k0);
            var next2 = (p0 >>> 32) ^ c3 ^ Vector256.Create((ulong)k1);
            c1 = p1 & low32;
            c3 = p0 & low32;
            c0 = next0;
            c2 = next2;
            k0 += W0;
            k1 += W1;
        }
    }

    /// <summary>Maps a 32-bit word to a float in [0, 1) using its top 24 bits (exact in float).</summary>
    public static float ToUnitFloat(uint word) => (word >> 8) * (1.0f / 16777216.0f);

    /// <summary>Maps two 32-bit words to a double in [0, 1) with 53 random bits.</summary>
    public static double ToUnitDouble(uint high, uint low)
        => (((ulong)(high >> 5) << 26) | (low >> 6)) * (1.0 / 9007199254740992.0);
}
