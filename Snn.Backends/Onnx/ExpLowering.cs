using Snn.Backends.Onnx.Proto;
using Snn.Core.Numerics;

namespace Snn.Backends.Onnx;

/// <summary>
/// <see cref="DeterministicMath.Exp(float)"/> as ONNX float operators, in its order, so the
/// exported graph gives the engine's bits: the two clamps as Where (NaN passes, as in the
/// engine), the rounding shift by Add and Sub, the reduction and polynomial by Mul, Add and Sub,
/// ⌊k/2⌋ by Floor(k·0.5) (exact), and the two power-of-two factors gathered from a table of
/// 2^e for e in [−75, 64] (ONNX has no bit cast; the table holds the same floats the engine builds
/// from bits). ONNX Runtime's own <c>Exp</c> is not used: it differs in the last bit for some
/// arguments, which would make near-threshold neurons fire differently.
/// </summary>
internal static class ExpLowering
{
    private const int LowestPower = -75;
    private const int HighestPower = 64;

    /// <summary>Adds e^<paramref name="x"/> for a float tensor and returns the float result's name.</summary>
    public static string Exp(GraphBuilder graph, string x)
    {
        var powers = new float[HighestPower - LowestPower + 1];
        for (int e = 0; e < powers.Length; e++)
        {
            powers[e] = MathF.ScaleB(1f, e + LowestPower);
        }
        string lowest = graph.Scalar(DeterministicMath.Lowest);
        string highest = graph.Scalar(DeterministicMath.Highest);
        x = graph.Where(graph.Op("Less", x, lowest), lowest, x);
        x = graph.Where(graph.Op("Greater", x, highest), highest, x);
        string shift = graph.Scalar(DeterministicMath.RoundingShift);
        string t = graph.Add(graph.Mul(x, graph.Scalar(DeterministicMath.Log2E)), shift);
        string k = graph.Sub(t, shift);
        string r = graph.Sub(x, graph.Mul(k, graph.Scalar(DeterministicMath.Ln2High)));
        r = graph.Sub(r, graph.Mul(k, graph.Scalar(DeterministicMath.Ln2Low)));
        string p = graph.Add(graph.Mul(graph.Scalar(DeterministicMath.C6), r), graph.Scalar(DeterministicMath.C5));
        foreach (float c in (ReadOnlySpan<float>)[DeterministicMath.C4, DeterministicMath.C3, DeterministicMath.C2, DeterministicMath.C1])
        {
            p = graph.Add(graph.Mul(p, r), graph.Scalar(c));
        }
        p = graph.Add(graph.Add(graph.Mul(p, graph.Mul(r, r)), r), graph.Scalar(1f));
        string half = graph.Op("Floor", graph.Mul(k, graph.Scalar(0.5f)));
        string rest = graph.Sub(k, half);
        string table = graph.Constant(GraphBuilder.TensorOf(powers, [powers.Length]));
        string low = Power(graph, table, half);
        string high = Power(graph, table, rest);
        return graph.Mul(graph.Mul(p, low), high);
    }

    private static string Power(GraphBuilder graph, string table, string exponent)
        => graph.Op("Gather", table, graph.Cast(graph.Sub(exponent, graph.Scalar((float)LowestPower)), TensorProto.Types.DataType.Int64));
}
