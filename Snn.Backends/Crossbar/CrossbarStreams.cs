using Snn.Core.Randomness;

namespace Snn.Backends.Crossbar;

/// <summary>The generator streams of the crossbar model, in Snn.Core's user range
/// (<see cref="RngStreams.User"/>), one purpose per high nibble.</summary>
internal static class CrossbarStreams
{
    /// <summary>Per-cell draws (programming noise, device gain, fault, drift exponent) of projection <paramref name="projection"/>.</summary>
    public static uint Cells(int projection) => RngStreams.User(0x0C10_0000 | projection);

    /// <summary>Per-read noise of tile set <paramref name="tileSet"/>.</summary>
    public static uint ReadNoise(int tileSet) => RngStreams.User(0x0C20_0000 | tileSet);

    /// <summary>Switched conductances of draw <paramref name="index"/> (<see cref="StochasticSwitching"/>).</summary>
    public static uint Switching(int index) => RngStreams.User(0x0C30_0000 | index);

    /// <summary>Pulse rounding and cycle-to-cycle noise of the programming requests of plastic projection
    /// <paramref name="projection"/> (substream: synapse; counter: the synapse's request number).</summary>
    public static uint Programming(int projection) => RngStreams.User(0x0C40_0000 | projection);

    /// <summary>The Philox key of a chip: the network seed mixed with the chip's own seed.</summary>
    public static ulong Key(ulong networkSeed, ulong chipSeed) => networkSeed ^ (chipSeed * 0x9E3779B97F4A7C15UL);

    /// <summary>A standard normal deviate from one Philox block (Box–Muller on words 0–3).</summary>
    public static double Normal(Block4 block)
    {
        double u1 = 1.0 - Philox.ToUnitDouble(block.X0, block.X1);
        double u2 = Philox.ToUnitDouble(block.X2, block.X3);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
