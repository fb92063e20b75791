using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Snn.Core.Numerics;

/// <summary>
/// The single-precision e^x that every engine uses per neuron and step: the same bits on every
/// machine, in the scalar, SIMD, GPU-kernel and ONNX paths, because it is built only from IEEE
/// float +, −, × (each rounded once; no fused multiply-add, which the .NET JIT never forms on its
/// own) and integer bit manipulation, in one fixed order:
/// <code>
/// x ← −104 if x &lt; −104;  x ← 89 if x &gt; 89                (NaN passes through)
/// t = x·log₂e + 1.5·2²³                  (round to nearest integer k, ties to even: k = bits(t) − bits(1.5·2²³))
/// r = (x − k·ln2_hi) − k·ln2_lo           (Cody-Waite reduction, ln2_hi = 0.693359375 so k·ln2_hi is exact)
/// p = ((((((c6 r + c5) r + c4) r + c3) r + c2) r + c1)·r² + r) + 1     (e^r on |r| ≤ ln2/2)
/// e^x = (p · 2^⌊k/2⌋) · 2^(k − ⌊k/2⌋)      (two exact power-of-two scalings: gradual underflow, overflow to +∞)
/// </code>
/// c1..c6 (of r² to r⁷) are the minimax coefficients of Moshier's Cephes <c>expf</c>.
/// Accuracy against e^x (Math.Exp in double) over every float in [−104, 89] (2,239,889,410
/// arguments, all checked by the tests): at most 0.991 ulp (at x = 70.4031; the result is always one
/// of the two floats around e^x), and 0.808 % of arguments are not the nearest float.
/// e^x is +∞ above 88.72, and subnormal below −87.34 down to 0 at about −103.97.
/// Propagators computed once per network in double (Math.Exp) are not affected: this is only for
/// arithmetic done per neuron and step (or per synaptic event).
/// </summary>
public static class DeterministicMath
{
    /// <summary>Arguments below this (−104) are raised to it; e^−104 rounds to 0.</summary>
    public const float Lowest = -104f;

    /// <summary>Arguments above this (89) are lowered to it; e^89 is +∞ in float.</summary>
    public const float Highest = 89f;

    /// <summary>log₂e rounded to float.</summary>
    public const float Log2E = 1.44269504088896341f;

    /// <summary>1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer, ties to even.</summary>
    public const float RoundingShift = 12582912f;

    /// <summary>The bits of <see cref="RoundingShift"/>.</summary>
    public const int RoundingShiftBits = 0x4B400000;

    /// <summary>The high part of ln 2 (9 significant bits, so k·Ln2High is exact for |k| &lt; 2¹⁵).</summary>
    public const float Ln2High = 0.693359375f;

    /// <summary>ln 2 − <see cref="Ln2High"/>, rounded to float.</summary>
    public const float Ln2Low = -2.12194440e-4f;

    /// <summary>The polynomial coefficient of r⁷ (≈ 1/5040).</summary>
    public const float C6 = 1.9875691500e-4f;

    /// <summary>The polynomial coefficient of r⁶ (≈ 1/720).</summary>
    public const float C5 = 1.3981999507e-3f;

    /// <summary>The polynomial coefficient of r⁵ (≈ 1/120).</summary>
    public const float C4 = 8.3334519073e-3f;

    /// <summary>The polynomial coefficient of r⁴ (≈ 1/24).</summary>
    public const float C3 = 4.1665795894e-2f;

    /// <summary>The polynomial coefficient of r³ (≈ 1/6).</summary>
    public const float C2 = 1.6666665459e-1f;

    /// <summary>The polynomial coefficient of r² (≈ 1/2); r and 1 enter with coefficient 1.</summary>
    public const float C1 = 5.0000001201e-1f;

    private const int ExponentBias = 127;
    private const int MantissaBits = 23;

    /// <summary>e^<paramref name="x"/> in single precision (plain float and int arithmetic, so ILGPU
    /// compiles it into GPU kernels too).</summary>
    /// <param name="x">The exponent; NaN gives NaN.</param>
    public static float Exp(float x)
    {
        x = x < Lowest ? Lowest : x;
        x = x > Highest ? Highest : x;
        float t = x * Log2E + RoundingShift;
        int k = BitConverter.SingleToInt32Bits(t) - RoundingShiftBits;
        float kf = t - RoundingShift;
        float r = x - kf * Ln2High;
        r = r - kf * Ln2Low;
        float p = C6 * r + C5;
        p = p * r + C4;
        p = p * r + C3;
        p = p * r + C2;
        p = p * r + C1;
        p = p * (r * r) + r + 1f;
        int half = k >> 1;
        float low = BitConverter.Int32BitsToSingle((half + ExponentBias) << MantissaBits);
        float high = BitConverter.Int32BitsToSingle((k - half + ExponentBias) << MantissaBits);
        return p * low * high;
    }

    /// <summary><see cref="Exp(float)"/> of every lane, bit for bit.</summary>
    /// <param name="x">The exponents.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x)
    {
        var lowest = new Vector<float>(Lowest);
        var highest = new Vector<float>(Highest);
        var shift = new Vector<float>(RoundingShift);
        x = Vector.ConditionalSelect(Vector.LessThan(x, lowest), lowest, x);
        x = Vector.ConditionalSelect(Vector.GreaterThan(x, highest), highest, x);
        var t = x * new Vector<float>(Log2E) + shift;
        var k = Vector.AsVectorInt32(t) - new Vector<int>(RoundingShiftBits);
        var kf = t - shift;
        var r = x - kf * new Vector<float>(Ln2High);
        r = r - kf * new Vector<float>(Ln2Low);
        var p = new Vector<float>(C6) * r + new Vector<float>(C5);
        p = p * r + new Vector<float>(C4);
        p = p * r + new Vector<float>(C3);
        p = p * r + new Vector<float>(C2);
        p = p * r + new Vector<float>(C1);
        p = p * (r * r) + r + Vector<float>.One;
        var half = Vector.ShiftRightArithmetic(k, 1);
        var bias = new Vector<int>(ExponentBias);
        var low = Vector.AsVectorSingle(Vector.ShiftLeft(half + bias, MantissaBits));
        var high = Vector.AsVectorSingle(Vector.ShiftLeft(k - half + bias, MantissaBits));
        return p * low * high;
    }

    /// <summary><see cref="Exp(float)"/> of every lane, bit for bit.</summary>
    /// <param name="x">The exponents.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        var lowest = Vector256.Create(Lowest);
        var highest = Vector256.Create(Highest);
        var shift = Vector256.Create(RoundingShift);
        x = Vector256.ConditionalSelect(Vector256.LessThan(x, lowest), lowest, x);
        x = Vector256.ConditionalSelect(Vector256.GreaterThan(x, highest), highest, x);
        var t = x * Vector256.Create(Log2E) + shift;
        var k = t.AsInt32() - Vector256.Create(RoundingShiftBits);
        var kf = t - shift;
        var r = x - kf * Vector256.Create(Ln2High);
        r = r - kf * Vector256.Create(Ln2Low);
        var p = Vector256.Create(C6) * r + Vector256.Create(C5);
        p = p * r + Vector256.Create(C4);
        p = p * r + Vector256.Create(C3);
        p = p * r + Vector256.Create(C2);
        p = p * r + Vector256.Create(C1);
        p = p * (r * r) + r + Vector256<float>.One;
        var half = Vector256.ShiftRightArithmetic(k, 1);
        var bias = Vector256.Create(ExponentBias);
        var low = Vector256.ShiftLeft(half + bias, MantissaBits).AsSingle();
        var high = Vector256.ShiftLeft(k - half + bias, MantissaBits).AsSingle();
        return p * low * high;
    }

    /// <summary><see cref="Exp(float)"/> of every lane, bit for bit.</summary>
    /// <param name="x">The exponents.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        var lowest = Vector512.Create(Lowest);
        var highest = Vector512.Create(Highest);
        var shift = Vector512.Create(RoundingShift);
        x = Vector512.ConditionalSelect(Vector512.LessThan(x, lowest), lowest, x);
        x = Vector512.ConditionalSelect(Vector512.GreaterThan(x, highest), highest, x);
        var t = x * Vector512.Create(Log2E) + shift;
        var k = t.AsInt32() - Vector512.Create(RoundingShiftBits);
        var kf = t - shift;
        var r = x - kf * Vector512.Create(Ln2High);
        r = r - kf * Vector512.Create(Ln2Low);
        var p = Vector512.Create(C6) * r + Vector512.Create(C5);
        p = p * r + Vector512.Create(C4);
        p = p * r + Vector512.Create(C3);
        p = p * r + Vector512.Create(C2);
        p = p * r + Vector512.Create(C1);
        p = p * (r * r) + r + Vector512<float>.One;
        var half = Vector512.ShiftRightArithmetic(k, 1);
        var bias = Vector512.Create(ExponentBias);
        var low = Vector512.ShiftLeft(half + bias, MantissaBits).AsSingle();
        var high = Vector512.ShiftLeft(k - half + bias, MantissaBits).AsSingle();
        return p * low * high;
    }
}
