using System.Numerics;
using System.Runtime.Intrinsics;
using Snn.Core.Numerics;

namespace Snn.Core.Tests.Numerics;

/// <summary>
/// The engines' exp: within one ulp of the true e^x (Math.Exp in double, whose error is far below
/// a float ulp) over the range the models use, exact where e^x is exact, and the same bits in the
/// scalar and every vector form.
/// </summary>
public class DeterministicMathTests
{
    /// <summary>Every float in [−104, 89] (2,239,889,410 arguments; about a minute of CPU time, spread
    /// over the cores), so the documented accuracy is the tested one.</summary>
    [Fact]
    public void ExpIsWithinOneUlpOfTheTrueExponentialForEveryFloatOfTheModelsRange()
    {
        const int Chunks = 256;
        int limit = BitConverter.SingleToInt32Bits(104f);
        var worst = new (double Error, float At)[Chunks];
        Parallel.For(0, Chunks, chunk =>
        {
            int first = (int)((long)limit * chunk / Chunks);
            int last = (int)((long)limit * (chunk + 1) / Chunks);
            for (int bits = first; bits < last || (chunk == Chunks - 1 && bits == last); bits++)
            {
                float magnitude = BitConverter.Int32BitsToSingle(bits);
                Check(-magnitude);
                if (magnitude <= 89f)
                {
                    Check(magnitude);
                }
            }

            void Check(float x)
            {
                double error = UlpError(DeterministicMath.Exp(x), Math.Exp(x));
                if (error > worst[chunk].Error)
                {
                    worst[chunk] = (error, x);
                }
            }
        });
        var (largest, at) = worst.MaxBy(w => w.Error);
        Assert.True(largest < 1, $"worst error {largest} ulp at x = {at:R}");
    }

    [Fact]
    public void ExpIsExactWhereTheExponentialIsRepresentable()
    {
        Assert.Equal(1f, DeterministicMath.Exp(0f));
        Assert.Equal(1f, DeterministicMath.Exp(-0f));
        Assert.Equal(0f, DeterministicMath.Exp(float.NegativeInfinity));
        Assert.Equal(0f, DeterministicMath.Exp(-104f));
        Assert.Equal(0f, DeterministicMath.Exp(-1e30f));
        Assert.Equal(float.PositiveInfinity, DeterministicMath.Exp(88.8f));
        Assert.Equal(float.PositiveInfinity, DeterministicMath.Exp(float.PositiveInfinity));
        Assert.True(float.IsNaN(DeterministicMath.Exp(float.NaN)));
        Assert.Equal(1f, DeterministicMath.Exp(1e-9f));
    }

    [Fact]
    public void ExpUnderflowsGraduallyThroughTheSubnormals()
    {
        for (float x = -87.5f; x > -103.9f; x -= 0.37f)
        {
            float y = DeterministicMath.Exp(x);
            Assert.True(UlpError(y, Math.Exp(x)) < 1, $"x = {x:R}: {y:R} against {Math.Exp(x):R}");
        }
    }

    [Fact]
    public void VectorFormsGiveTheScalarBits()
    {
        var arguments = Arguments();
        int width = Vector<float>.Count;
        for (int i = 0; i + 16 <= arguments.Length; i += 16)
        {
            var span = arguments.AsSpan(i, 16);
            var v512 = DeterministicMath.Exp(Vector512.Create<float>(span));
            var v256 = DeterministicMath.Exp(Vector256.Create<float>(span));
            var vector = DeterministicMath.Exp(new Vector<float>(span));
            for (int lane = 0; lane < 16; lane++)
            {
                int expected = BitConverter.SingleToInt32Bits(DeterministicMath.Exp(span[lane]));
                Assert.Equal(expected, BitConverter.SingleToInt32Bits(v512[lane]));
                if (lane < 8)
                {
                    Assert.Equal(expected, BitConverter.SingleToInt32Bits(v256[lane]));
                }
                if (lane < width)
                {
                    Assert.Equal(expected, BitConverter.SingleToInt32Bits(vector[lane]));
                }
            }
        }
    }

    /// <summary>Random arguments over and beyond the clamped range, the rounding ties k + 1/2 (in
    /// units of ln 2), the ends of the range, subnormal results, infinities and NaN.</summary>
    private static float[] Arguments()
    {
        var random = new Random(3);
        var values = new List<float> { 0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, -104f, 89f, -103.9f, 88.72f, 88.73f, float.Epsilon, -float.Epsilon };
        for (int k = -150; k <= 128; k++)
        {
            values.Add((float)((k + 0.5) * Math.Log(2)));
        }
        for (int i = 0; i < 20000; i++)
        {
            values.Add((float)(-120 + 220 * random.NextDouble()));
            values.Add((float)(-2 + 4 * random.NextDouble()));
        }
        while (values.Count % 16 != 0)
        {
            values.Add(-1f);
        }
        return values.ToArray();
    }

    /// <summary>|y − e| in units of the float spacing at e (the smallest subnormal below the normals).</summary>
    private static double UlpError(float y, double exact)
    {
        float nearest = (float)exact;
        if (float.IsPositiveInfinity(nearest))
        {
            return float.IsPositiveInfinity(y) ? 0 : double.PositiveInfinity;
        }
        double ulp = Math.Abs(exact) < 1.1754943508222875e-38 ? float.Epsilon : MathF.BitIncrement(nearest) - (double)nearest;
        return Math.Abs(y - exact) / ulp;
    }
}
