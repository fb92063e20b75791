using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Snn.Core.Numerics;

/// <summary>
/// The natural logarithm of four doubles at a time, built only from vector +, −, ×, ÷ and bit
/// manipulation, so it runs optimised wherever the calling method is (unlike the library's
/// <c>Vector256.Log</c>, a method of its own that stays unoptimised until tiering reaches it). It is
/// not the same bits as <see cref="Math.Log(double)"/>: callers that need those compare the result
/// with a margin and recompute the few doubtful cases with <see cref="Math.Log(double)"/>.
/// <code>
/// x = 2^e · m,  m ∈ [√½, √2)                 (exponent and mantissa bits; exact)
/// s = (m − 1) / (m + 1)                       (m − 1 exact, |s| ≤ 0.1716)
/// ln m = 2s·(1 + s²/3 + s⁴/5 + … + s¹²/13)    (2·atanh s, truncated: relative error below 2·10⁻¹²)
/// ln x = e·ln2 + ln m
/// </code>
/// Valid for positive normal x; anything else (0, subnormal, negative, ∞, NaN) gives an unspecified
/// value, which callers must screen out.
/// </summary>
internal static class ApproximateLog
{
    /// <summary>The smallest positive normal double, 2⁻¹⁰²²: below it the result is not valid.</summary>
    public const double SmallestNormal = 2.2250738585072014e-308;

    private const ulong MantissaMask = 0x000F_FFFF_FFFF_FFFFUL;
    private const ulong OneBits = 0x3FF0_0000_0000_0000UL;

    /// <summary>The bits of 2⁵²: OR-ing an 11-bit exponent field into its mantissa gives 2⁵² + field exactly.</summary>
    private const ulong TwoPow52Bits = 0x4330_0000_0000_0000UL;

    /// <summary>ln x for each lane of <paramref name="x"/> (positive normal values), to a relative
    /// error of about 10⁻¹² (a few 10⁻¹⁶ absolute near x = 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        var bits = x.AsUInt64();
        var field = bits >>> 52;
        var m = ((bits & Vector256.Create(MantissaMask)) | Vector256.Create(OneBits)).AsDouble();
        var e = (field | Vector256.Create(TwoPow52Bits)).AsDouble() - Vector256.Create(4503599627370496.0 + 1023.0);
        var high = Vector256.GreaterThan(m, Vector256.Create(1.4142135623730951));
        m = Vector256.ConditionalSelect(high, m * Vector256.Create(0.5), m);
        e += high & Vector256.Create(1.0);
        var one = Vector256.Create(1.0);
        var s = (m - one) / (m + one);
        var z = s * s;
        var series = Vector256.Create(1.0 / 13);
        series = series * z + Vector256.Create(1.0 / 11);
        series = series * z + Vector256.Create(1.0 / 9);
        series = series * z + Vector256.Create(1.0 / 7);
        series = series * z + Vector256.Create(1.0 / 5);
        series = series * z + Vector256.Create(1.0 / 3);
        series = series * z + one;
        return e * Vector256.Create(0.6931471805599453) + (s + s) * series;
    }
}
