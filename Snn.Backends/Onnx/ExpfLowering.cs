using Snn.Backends.Onnx.Proto;

namespace Snn.Backends.Onnx;

/// <summary>
/// Single-precision e^x as ONNX operators that give the same bits as .NET's
/// <see cref="MathF.Exp"/> on glibc: the algorithm of Arm's optimized-routines <c>expf</c> (the
/// one glibc ships), evaluated in double precision. With N = 32:
/// z = x · N/ln 2, k = round-half-even(z), r = z − k,
/// 2^(k/N) = T[k mod N] · 2^⌊k/N⌋, e^x ≈ 2^(k/N) ((C0 r + C1) r² + (C2 r + 1)),
/// rounded once to float. ONNX Runtime's own <c>Exp</c> differs from <c>expf</c> in the last bit
/// for about 1 in 1500 arguments, which would make near-threshold neurons fire differently.
/// Arguments are clipped to [−104, 88] (outside, expf is 0 or overflows; the conductance
/// model only passes negative arguments).
/// </summary>
internal static class ExpfLowering
{
    private const int N = 32;
    private const int LowestPower = -160;
    private const int HighestPower = 130;

    /// <summary>2^(i/N) as binary64 bit patterns minus i·2^47 (optimized-routines' exp2f_data.c).</summary>
    private static readonly ulong[] Table =
    [
        0x3ff0000000000000, 0x3fefd9b0d3158574, 0x3fefb5586cf9890f, 0x3fef9301d0125b51,
        0x3fef72b83c7d517b, 0x3fef54873168b9aa, 0x3fef387a6e756238, 0x3fef1e9df51fdee1,
        0x3fef06fe0a31b715, 0x3feef1a7373aa9cb, 0x3feedea64c123422, 0x3feece086061892d,
        0x3feebfdad5362a27, 0x3feeb42b569d4f82, 0x3feeab07dd485429, 0x3feea47eb03a5585,
        0x3feea09e667f3bcd, 0x3fee9f75e8ec5f74, 0x3feea11473eb0187, 0x3feea589994cce13,
        0x3feeace5422aa0db, 0x3feeb737b0cdc5e5, 0x3feec49182a3f090, 0x3feed503b23e255d,
        0x3feee89f995ad3ad, 0x3feeff76f2fb5e47, 0x3fef199bdd85529c, 0x3fef3720dcef9069,
        0x3fef5818dcfba487, 0x3fef7c97337b9b5f, 0x3fefa4afa2a490da, 0x3fefd0765b6e4540,
    ];

    /// <summary>N / ln 2 (0x1.71547652b82fep+0 · 32).</summary>
    private static readonly double InvLn2N = BitConverter.UInt64BitsToDouble(0x3FF71547652B82FE) * N;

    /// <summary>The polynomial for 2^(r/N): 0x1.c6af84b912394p-5 / N³, 0x1.ebfce50fac4f3p-3 / N², 0x1.62e42ff0c52d6p-1 / N.</summary>
    private static readonly double C0 = BitConverter.UInt64BitsToDouble(0x3FAC6AF84B912394) / N / N / N;

    private static readonly double C1 = BitConverter.UInt64BitsToDouble(0x3FCEBFCE50FAC4F3) / N / N;

    private static readonly double C2 = BitConverter.UInt64BitsToDouble(0x3FE62E42FF0C52D6) / N;

    /// <summary>Adds e^<paramref name="x"/> for a float tensor and returns the float result's name.</summary>
    public static string Exp(GraphBuilder graph, string x)
    {
        var fractions = new double[N];
        for (int j = 0; j < N; j++)
        {
            fractions[j] = BitConverter.UInt64BitsToDouble(Table[j] + ((ulong)j << 47));
        }
        var powers = new double[HighestPower - LowestPower + 1];
        for (int p = 0; p < powers.Length; p++)
        {
            powers[p] = Math.ScaleB(1.0, p + LowestPower);
        }
        string clipped = graph.Op("Clip", x, graph.Scalar(-104f), graph.Scalar(88f));
        string z = graph.Mul(graph.Cast(clipped, TensorProto.Types.DataType.Double), graph.Scalar(InvLn2N));
        string k = graph.Op("Round", z);
        string r = graph.Sub(z, k);
        string whole = graph.Op("Floor", graph.Mul(k, graph.Scalar(1.0 / N)));
        string index = graph.Sub(k, graph.Mul(whole, graph.Scalar((double)N)));
        string fraction = graph.Op("Gather", graph.Constant(GraphBuilder.TensorOf(fractions, [N])), graph.Cast(index, TensorProto.Types.DataType.Int64));
        string power = graph.Op("Gather", graph.Constant(GraphBuilder.TensorOf(powers, [powers.Length])),
            graph.Cast(graph.Sub(whole, graph.Scalar((double)LowestPower)), TensorProto.Types.DataType.Int64));
        string scale = graph.Mul(fraction, power);
        string high = graph.Add(graph.Mul(graph.Scalar(C0), r), graph.Scalar(C1));
        string low = graph.Add(graph.Mul(graph.Scalar(C2), r), graph.Scalar(1.0));
        string y = graph.Add(graph.Mul(high, graph.Mul(r, r)), low);
        return graph.Cast(graph.Mul(y, scale), TensorProto.Types.DataType.Float);
    }
}
