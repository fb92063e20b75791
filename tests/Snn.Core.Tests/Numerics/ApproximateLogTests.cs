using System.Runtime.Intrinsics;
using Snn.Core.Numerics;

namespace Snn.Core.Tests.Numerics;

/// <summary>
/// <see cref="ApproximateLog"/> against <see cref="Math.Log(double)"/>: within the relative error its
/// callers' margin assumes (10⁻¹¹, a hundred times below the 10⁻⁹ margin of the gaps), over the whole
/// range of normal doubles and next to the points where the mantissa reduction switches (√2, powers of two).
/// </summary>
public class ApproximateLogTests
{
    [Fact]
    public void AgreesWithMathLogOverNormalDoubles()
    {
        var values = new List<double> { ApproximateLog.SmallestNormal, double.MaxValue, 1.0, Math.BitIncrement(1.0), Math.BitDecrement(1.0), 0.5, 2.0 };
        foreach (double anchor in new[] { Math.Sqrt(2), Math.Sqrt(0.5), 1.0, 0.25, 1024.0, 1e-300 })
        {
            double below = anchor;
            double above = anchor;
            for (int k = 0; k < 20; k++)
            {
                values.Add(below);
                values.Add(above);
                below = Math.BitDecrement(below);
                above = Math.BitIncrement(above);
            }
        }
        var random = new Random(5);
        for (int k = 0; k < 20_000; k++)
        {
            values.Add(random.NextDouble());
            values.Add(Math.Pow(2, random.Next(-1020, 1020)) * (1 + random.NextDouble()));
        }
        for (int i = 0; i < values.Count; i++)
        {
            double expected = Math.Log(values[i]);
            double actual = ApproximateLog.Log(Vector256.Create(values[i])).GetElement(0);
            double error = Math.Abs(actual - expected);
            Assert.True(error <= 1e-11 * Math.Abs(expected) || error <= 4e-16,
                $"ln({values[i]:R}) = {expected:R}, approximation {actual:R}");
        }
    }
}
