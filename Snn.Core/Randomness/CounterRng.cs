namespace Snn.Core.Randomness;

/// <summary>
/// A sequential view of the <see cref="Philox"/> generator for one (seed, stream, substream):
/// draws are taken in order from consecutive counter values starting at a given index. Two
/// instances with the same arguments produce the same numbers, wherever they run.
/// </summary>
public struct CounterRng
{
    private readonly ulong _key;
    private readonly uint _stream;
    private readonly uint _substream;
    private ulong _index;
    private Block4 _block;
    private int _used;

    /// <summary>Creates the sequence for a stream.</summary>
    /// <param name="seed">The network seed (Philox key).</param>
    /// <param name="stream">What the numbers are for (see <see cref="RngStreams"/>).</param>
    /// <param name="substream">A sub-division, typically a neuron index.</param>
    /// <param name="startIndex">The counter value of the first block.</param>
    public CounterRng(ulong seed, uint stream, uint substream, ulong startIndex = 0)
    {
        _key = seed;
        _stream = stream;
        _substream = substream;
        _index = startIndex;
        _block = default;
        _used = 4;
    }

    /// <summary>The next uniformly distributed 32-bit word.</summary>
    public uint NextUInt()
    {
        if (_used == 4)
        {
            _block = Philox.Block(_key, (uint)_index, (uint)(_index >> 32), _stream, _substream);
            _index++;
            _used = 0;
        }
        return _used++ switch
        {
            0 => _block.X0,
            1 => _block.X1,
            2 => _block.X2,
            _ => _block.X3,
        };
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble()
    {
        uint high = NextUInt();
        return Philox.ToUnitDouble(high, NextUInt());
    }

    /// <summary>A uniform double in (0, 1], safe to take the logarithm of.</summary>
    public double NextDoubleNonZero() => 1.0 - NextDouble();

    /// <summary>A uniform integer in [0, n) without modulo bias (Lemire's method).</summary>
    /// <param name="n">The exclusive upper bound, at least 1.</param>
    public int NextInt(int n)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n = {n} must be at least 1.");
        }
        ulong product = (ulong)NextUInt() * (uint)n;
        uint low = (uint)product;
        if (low < (uint)n)
        {
            uint threshold = (uint)(-n) % (uint)n;
            while (low < threshold)
            {
                product = (ulong)NextUInt() * (uint)n;
                low = (uint)product;
            }
        }
        return (int)(product >> 32);
    }

    /// <summary>A standard normal deviate (Box-Muller).</summary>
    public double NextNormal()
    {
        double u1 = NextDoubleNonZero();
        double u2 = NextDouble();
        return BoxMuller(u1, u2);
    }

    /// <summary>The deviate <see cref="NextNormal"/> returns as the first draw of a generator whose
    /// first block is <paramref name="first"/>.</summary>
    internal static double StandardNormal(Block4 first)
        => BoxMuller(1.0 - Philox.ToUnitDouble(first.X0, first.X1), Philox.ToUnitDouble(first.X2, first.X3));

    private static double BoxMuller(double u1, double u2) => Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
}
