using Snn.Core;
using Snn.Core.Models;

namespace Snn.Core.Tests;

/// <summary>Small statistics and network-building helpers for the model tests.</summary>
internal static class Statistics
{
    /// <summary>Mean and (unbiased) variance.</summary>
    public static (double Mean, double Variance) Moments(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double sum = 0;
        foreach (double x in values)
        {
            sum += (x - mean) * (x - mean);
        }
        return (mean, sum / (values.Count - 1));
    }

    /// <summary>Standard normal density.</summary>
    public static double NormalPdf(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    /// <summary>Standard normal distribution function, via erf (Abramowitz &amp; Stegun 7.1.26,
    /// absolute error below 1.5e-7).</summary>
    public static double NormalCdf(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    private static double Erf(double x)
    {
        double sign = Math.Sign(x);
        x = Math.Abs(x);
        double t = 1 / (1 + 0.3275911 * x);
        double y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }

    /// <summary>Pearson's χ² of observed counts against equal expected counts.</summary>
    public static double ChiSquareUniform(IReadOnlyList<int> counts)
    {
        double expected = counts.Sum() / (double)counts.Count;
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }

    /// <summary>A loose upper bound of the χ² distribution with <paramref name="dof"/> degrees of freedom:
    /// mean + 5 sd = k + 5 √(2k) (a false alarm rate well below 1e-4 for k ≥ 10).</summary>
    public static double ChiSquareBound(int dof) => dof + 5 * Math.Sqrt(2.0 * dof);

    /// <summary>A network with two LIF populations of the given sizes.</summary>
    public static Network TwoPopulations(int sourceSize, int targetSize, out Population<LifCurrent> source, out Population<LifCurrent> target, ulong seed = 1, double dt = 0.1)
    {
        var network = new Network(seed, dt);
        source = network.AddPopulation("source", sourceSize, new LifCurrent());
        target = network.AddPopulation("target", targetSize, new LifCurrent());
        return network;
    }

    /// <summary>Counts of each value of <paramref name="keys"/> in [0, size).</summary>
    public static int[] Histogram(IEnumerable<int> keys, int size)
    {
        var counts = new int[size];
        foreach (int k in keys)
        {
            counts[k]++;
        }
        return counts;
    }
}
