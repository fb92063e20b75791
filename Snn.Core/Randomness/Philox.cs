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

    /// <summary>Maps a 32-bit word to a float in [0, 1) using its top 24 bits (exact in float).</summary>
    public static float ToUnitFloat(uint word) => (word >> 8) * (1.0f / 16777216.0f);

    /// <summary>Maps two 32-bit words to a double in [0, 1) with 53 random bits.</summary>
    public static double ToUnitDouble(uint high, uint low)
        => (((ulong)(high >> 5) << 26) | (low >> 6)) * (1.0 / 9007199254740992.0);
}
