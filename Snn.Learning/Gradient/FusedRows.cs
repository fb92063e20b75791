using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Snn.Learning.Gradient;

/// <summary>
/// Register-blocked SIMD loops under the delay layers' products. Every sum is a chain of fused
/// multiply-adds in a fixed order (the vector body and the scalar tail round alike), so results do
/// not depend on the vector width or the thread count.
/// </summary>
internal static class FusedRows
{
    /// <summary>Rows of the shifted product computed together (register block height).</summary>
    private const int BlockRows = 6;

    /// <summary>Columns of the shifted product computed together (two 8-float vectors).</summary>
    public const int BlockColumns = 16;

    /// <summary>
    /// target[o] += Σ_k factors[k] · source[offsets[k] + o] for o &lt; target.Length, summed in k order.
    /// Every offsets[k] + target.Length must lie inside <paramref name="source"/>.
    /// </summary>
    public static void AccumulateRows(Span<float> target, ReadOnlySpan<float> source, ReadOnlySpan<int> offsets, ReadOnlySpan<float> factors)
    {
        int width = target.Length;
        int count = offsets.Length;
        if (count == 0)
        {
            return;
        }
        int last = 0;
        for (int k = 0; k < count; k++)
        {
            last = Math.Max(last, offsets[k]);
        }
        if (last + width > source.Length || factors.Length < count)
        {
            throw new ArgumentOutOfRangeException(nameof(offsets), last, $"a source row at {last} + {width} floats leaves the source ({source.Length} floats).");
        }
        ref float t = ref MemoryMarshal.GetReference(target);
        ref float s = ref MemoryMarshal.GetReference(source);
        ref int at = ref MemoryMarshal.GetReference(offsets);
        ref float f = ref MemoryMarshal.GetReference(factors);
        int o = 0;
        for (; o + 32 <= width; o += 32)
        {
            var a0 = Vector256.LoadUnsafe(ref t, (nuint)o);
            var a1 = Vector256.LoadUnsafe(ref t, (nuint)(o + 8));
            var a2 = Vector256.LoadUnsafe(ref t, (nuint)(o + 16));
            var a3 = Vector256.LoadUnsafe(ref t, (nuint)(o + 24));
            for (int k = 0; k < count; k++)
            {
                var v = Vector256.Create(Unsafe.Add(ref f, k));
                ref float row = ref Unsafe.Add(ref s, Unsafe.Add(ref at, k) + o);
                a0 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref row), a0);
                a1 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref row, 8), a1);
                a2 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref row, 16), a2);
                a3 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref row, 24), a3);
            }
            a0.StoreUnsafe(ref t, (nuint)o);
            a1.StoreUnsafe(ref t, (nuint)(o + 8));
            a2.StoreUnsafe(ref t, (nuint)(o + 16));
            a3.StoreUnsafe(ref t, (nuint)(o + 24));
        }
        for (; o + 8 <= width; o += 8)
        {
            var a = Vector256.LoadUnsafe(ref t, (nuint)o);
            for (int k = 0; k < count; k++)
            {
                a = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref f, k)), Vector256.LoadUnsafe(ref s, (nuint)(Unsafe.Add(ref at, k) + o)), a);
            }
            a.StoreUnsafe(ref t, (nuint)o);
        }
        for (; o < width; o++)
        {
            float a = Unsafe.Add(ref t, o);
            for (int k = 0; k < count; k++)
            {
                a = MathF.FusedMultiplyAdd(Unsafe.Add(ref f, k), Unsafe.Add(ref s, Unsafe.Add(ref at, k) + o), a);
            }
            Unsafe.Add(ref t, o) = a;
        }
    }

    /// <summary>
    /// The shifted product of the input gradient: for every tap j and step t ≥ K − 1 − j,
    /// dx[t + j − (K − 1), i] += Σ_o dZ[t, o] · Wᵀ[j, o, i], for i &lt; <paramref name="paddedInputs"/>
    /// (a multiple of <see cref="BlockColumns"/>), taps in order, o in order.
    /// </summary>
    /// <param name="transposed">Wᵀ, [K, O, paddedInputs].</param>
    /// <param name="paddedInputs">Row width of <paramref name="transposed"/> and <paramref name="dx"/>.</param>
    /// <param name="outputs">O.</param>
    /// <param name="kernel">K.</param>
    /// <param name="steps">T.</param>
    /// <param name="dz">dZ, [T, O].</param>
    /// <param name="dx">dx, [T, paddedInputs], accumulated into.</param>
    public static void ShiftedProduct(ReadOnlySpan<float> transposed, int paddedInputs, int outputs, int kernel, int steps, ReadOnlySpan<float> dz, Span<float> dx)
    {
        if (paddedInputs % BlockColumns != 0 || transposed.Length < kernel * outputs * paddedInputs || dz.Length < steps * outputs || dx.Length < steps * paddedInputs)
        {
            throw new ArgumentException($"ShiftedProduct needs paddedInputs = {paddedInputs} a multiple of {BlockColumns} and buffers of [K, O, I'], [T, O], [T, I'].", nameof(paddedInputs));
        }
        ref float w = ref MemoryMarshal.GetReference(transposed);
        ref float a = ref MemoryMarshal.GetReference(dz);
        ref float x = ref MemoryMarshal.GetReference(dx);
        for (int j = 0; j < kernel; j++)
        {
            int first = kernel - 1 - j;
            ref float panel = ref Unsafe.Add(ref w, (nint)j * outputs * paddedInputs);
            for (int i = 0; i < paddedInputs; i += BlockColumns)
            {
                int t = first;
                for (; t + BlockRows <= steps; t += BlockRows)
                {
                    Block6(ref Unsafe.Add(ref panel, i), paddedInputs, outputs, ref Unsafe.Add(ref a, t * outputs), ref Unsafe.Add(ref x, (t - first) * paddedInputs + i));
                }
                for (; t < steps; t++)
                {
                    Block1(ref Unsafe.Add(ref panel, i), paddedInputs, outputs, ref Unsafe.Add(ref a, t * outputs), ref Unsafe.Add(ref x, (t - first) * paddedInputs + i));
                }
            }
        }
    }

    private static void Block6(ref float panel, int stride, int outputs, ref float dz, ref float dx)
    {
        var c00 = Vector256<float>.Zero;
        var c01 = Vector256<float>.Zero;
        var c10 = Vector256<float>.Zero;
        var c11 = Vector256<float>.Zero;
        var c20 = Vector256<float>.Zero;
        var c21 = Vector256<float>.Zero;
        var c30 = Vector256<float>.Zero;
        var c31 = Vector256<float>.Zero;
        var c40 = Vector256<float>.Zero;
        var c41 = Vector256<float>.Zero;
        var c50 = Vector256<float>.Zero;
        var c51 = Vector256<float>.Zero;
        for (int o = 0; o < outputs; o++)
        {
            ref float row = ref Unsafe.Add(ref panel, (nint)o * stride);
            var w0 = Vector256.LoadUnsafe(ref row);
            var w1 = Vector256.LoadUnsafe(ref row, 8);
            var v = Vector256.Create(Unsafe.Add(ref dz, o));
            c00 = Vector256.FusedMultiplyAdd(v, w0, c00);
            c01 = Vector256.FusedMultiplyAdd(v, w1, c01);
            v = Vector256.Create(Unsafe.Add(ref dz, outputs + o));
            c10 = Vector256.FusedMultiplyAdd(v, w0, c10);
            c11 = Vector256.FusedMultiplyAdd(v, w1, c11);
            v = Vector256.Create(Unsafe.Add(ref dz, 2 * outputs + o));
            c20 = Vector256.FusedMultiplyAdd(v, w0, c20);
            c21 = Vector256.FusedMultiplyAdd(v, w1, c21);
            v = Vector256.Create(Unsafe.Add(ref dz, 3 * outputs + o));
            c30 = Vector256.FusedMultiplyAdd(v, w0, c30);
            c31 = Vector256.FusedMultiplyAdd(v, w1, c31);
            v = Vector256.Create(Unsafe.Add(ref dz, 4 * outputs + o));
            c40 = Vector256.FusedMultiplyAdd(v, w0, c40);
            c41 = Vector256.FusedMultiplyAdd(v, w1, c41);
            v = Vector256.Create(Unsafe.Add(ref dz, 5 * outputs + o));
            c50 = Vector256.FusedMultiplyAdd(v, w0, c50);
            c51 = Vector256.FusedMultiplyAdd(v, w1, c51);
        }
        AddTo(ref dx, c00, c01);
        AddTo(ref Unsafe.Add(ref dx, stride), c10, c11);
        AddTo(ref Unsafe.Add(ref dx, 2 * stride), c20, c21);
        AddTo(ref Unsafe.Add(ref dx, 3 * stride), c30, c31);
        AddTo(ref Unsafe.Add(ref dx, 4 * stride), c40, c41);
        AddTo(ref Unsafe.Add(ref dx, 5 * stride), c50, c51);
    }

    private static void Block1(ref float panel, int stride, int outputs, ref float dz, ref float dx)
    {
        var c0 = Vector256<float>.Zero;
        var c1 = Vector256<float>.Zero;
        for (int o = 0; o < outputs; o++)
        {
            ref float row = ref Unsafe.Add(ref panel, (nint)o * stride);
            var v = Vector256.Create(Unsafe.Add(ref dz, o));
            c0 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref row), c0);
            c1 = Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref row, 8), c1);
        }
        AddTo(ref dx, c0, c1);
    }

    private static void AddTo(ref float dx, Vector256<float> low, Vector256<float> high)
    {
        (Vector256.LoadUnsafe(ref dx) + low).StoreUnsafe(ref dx);
        (Vector256.LoadUnsafe(ref dx, 8) + high).StoreUnsafe(ref dx, 8);
    }
}
