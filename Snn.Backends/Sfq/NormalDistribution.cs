namespace Snn.Backends.Sfq;

/// <summary>The standard normal CDF Φ and its inverse, to double precision: a Taylor series of erf
/// for |x| &lt; 2 and a Lentz continued fraction of erfc beyond (Abramowitz &amp; Stegun 7.1.5, 7.1.14).</summary>
internal static class NormalDistribution
{
    public static double Cdf(double z)
    {
        double x = z / Math.Sqrt(2);
        return x < 0 ? 0.5 * Erfc(-x) : 1 - 0.5 * Erfc(x);
    }

    /// <summary>The z with Φ(z) = p, p in (0, 1), by bisection on [−40, 40].</summary>
    public static double InverseCdf(double p)
    {
        double low = -40, high = 40;
        for (int i = 0; i < 200 && high - low > 1e-15 * Math.Max(1, Math.Abs(low)); i++)
        {
            double middle = 0.5 * (low + high);
            if (Cdf(middle) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return 0.5 * (low + high);
    }

    /// <summary>erfc(x) for x ≥ 0.</summary>
    private static double Erfc(double x)
    {
        if (x < 2)
        {
            double sum = 0, term = x;
            for (int n = 0; n < 200; n++)
            {
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
                {
                    break;
                }
                term *= -x * x / (n + 1);
            }
            return 1 - 2 / Math.Sqrt(Math.PI) * sum;
        }
        double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int n = 1; n < 500; n++)
        {
            double a = n / 2.0;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }
        return Math.Exp(-x * x) / (Math.Sqrt(Math.PI) * f);
    }
}
