using Snn.Core.Connections;
using Snn.Core.Randomness;

namespace Snn.Core.Tests.Connections;

/// <summary>
/// The vectorised gaps of the fixed-probability rule against the scalar formula
/// ⌊ln(1 − u) / ln(1 − p)⌋: equal for every draw, including draws whose quotient lies a few ulps
/// from an integer, where the two logarithms could round to different sides.
/// </summary>
public class GeometricGapsTests
{
    [Theory]
    [InlineData(0.02)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(1e-7)]
    public void GapsNextToIntegersEqualTheScalarFormula(double p)
    {
        double logFail = Math.Log(1 - p);
        var draws = new List<double> { 0.0, Math.BitDecrement(1.0), 1e-300, double.Epsilon };
        foreach (int n in new[] { 1, 2, 3, 7, 50, 1000, 123_456 })
        {
            double u = 1 - Math.Exp(n * logFail);
            if (!(u > 0 && u < 1))
            {
                continue;
            }
            double below = u;
            double above = u;
            for (int k = 0; k < 40; k++)
            {
                draws.Add(below);
                draws.Add(above);
                below = Math.BitDecrement(below);
                above = Math.BitIncrement(above);
            }
        }
        AssertEqualsScalar(draws.ToArray(), logFail);
    }

    [Theory]
    [InlineData(0.02, 4003)]
    [InlineData(0.3, 17)]
    public void GapsOfRandomDrawsEqualTheScalarFormula(double p, int count)
    {
        var draws = new double[count];
        Philox.UnitDoubles(7, 3, 11, 0, draws.AsSpan(0, count & ~1));
        draws[^1] = 0.5;
        AssertEqualsScalar(draws, Math.Log(1 - p));
    }

    private static void AssertEqualsScalar(double[] draws, double logFail)
    {
        var gaps = (double[])draws.Clone();
        GeometricGaps.Fill(gaps, logFail);
        for (int i = 0; i < draws.Length; i++)
        {
            double expected = Math.Floor(Math.Log(1.0 - draws[i]) / logFail);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(gaps[i]),
                $"draw {draws[i]:R}: gap {gaps[i]:R}, scalar formula {expected:R}");
        }
    }
}
