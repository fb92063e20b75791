namespace Snn.Core.Tests.Models;

/// <summary>
/// The classical fourth-order Runge-Kutta method with many small steps: an integration of a model's
/// ODE written independently of the model's closed-form propagators, accurate to about 1e-13 over
/// the intervals the tests use.
/// </summary>
internal static class Rk4
{
    /// <summary>Integrates dx/dt = <paramref name="derivative"/>(x) from <paramref name="x0"/> over
    /// <paramref name="interval"/> in <paramref name="steps"/> equal steps.</summary>
    public static double[] Integrate(Func<double[], double[]> derivative, double[] x0, double interval, int steps = 4000)
    {
        double h = interval / steps;
        var x = (double[])x0.Clone();
        for (int s = 0; s < steps; s++)
        {
            var k1 = derivative(x);
            var k2 = derivative(Offset(x, k1, h / 2));
            var k3 = derivative(Offset(x, k2, h / 2));
            var k4 = derivative(Offset(x, k3, h));
            for (int i = 0; i < x.Length; i++)
            {
                x[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return x;
    }

    private static double[] Offset(double[] x, double[] k, double h)
    {
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = x[i] + h * k[i];
        }
        return y;
    }
}
