using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Snn.Core.Numerics;

namespace Snn.Core.Connections;

/// <summary>
/// Turns uniform draws u ∈ [0, 1) into geometric gaps ⌊ln(1 − u) / ln(1 − p)⌋, exactly as the scalar
/// formula with <see cref="Math.Log(double)"/> gives them. Four draws at a time go through
/// <see cref="ApproximateLog"/>, which may differ from <see cref="Math.Log(double)"/> by about 10⁻¹²
/// relative; a gap whose quotient lies within a relative 10⁻⁹ of an integer (or whose 1 − u is not a
/// positive normal double) is recomputed with the scalar formula, so the floor never depends on which
/// logarithm ran.
/// </summary>
internal static class GeometricGaps
{
    /// <summary>Margin around an integer, relative to the quotient plus one, inside which the vector
    /// result is not trusted: a thousand times the logarithm's relative error.</summary>
    private const double Margin = 1e-9;

    /// <summary>Replaces each draw in <paramref name="values"/> by its gap for the connection
    /// probability whose ln(1 − p) is <paramref name="logFail"/> (negative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Fill(Span<double> values, double logFail)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            var one = Vector256.Create(1.0);
            var divisor = Vector256.Create(logFail);
            var margin = Vector256.Create(Margin);
            var smallest = Vector256.Create(ApproximateLog.SmallestNormal);
            for (; i + Vector256<double>.Count <= values.Length; i += Vector256<double>.Count)
            {
                var draws = Vector256.LoadUnsafe(ref start, (nuint)i);
                var complement = one - draws;
                var quotient = ApproximateLog.Log(complement) / divisor;
                var gaps = Vector256.Floor(quotient);
                var fraction = quotient - gaps;
                var tolerance = (quotient + one) * margin;
                var trusted = Vector256.GreaterThanOrEqual(fraction, tolerance)
                    & Vector256.LessThanOrEqual(fraction, one - tolerance)
                    & Vector256.GreaterThanOrEqual(complement, smallest);
                gaps.StoreUnsafe(ref start, (nuint)i);
                if (!Vector256.EqualsAll(trusted.AsUInt64(), Vector256<ulong>.AllBitsSet))
                {
                    for (int lane = 0; lane < Vector256<double>.Count; lane++)
                    {
                        values[i + lane] = Scalar(draws.GetElement(lane), logFail);
                    }
                }
            }
        }
        for (; i < values.Length; i++)
        {
            values[i] = Scalar(values[i], logFail);
        }
    }

    /// <summary>The gap of one draw, ⌊ln(1 − u) / ln(1 − p)⌋.</summary>
    public static double Scalar(double draw, double logFail) => Math.Floor(Math.Log(1.0 - draw) / logFail);
}
