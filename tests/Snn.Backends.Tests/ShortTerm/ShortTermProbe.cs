using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.ShortTerm;

/// <summary>
/// One presynaptic spike train into one target whose excitatory synaptic current never decays
/// (τ = 1e9 ms) and which never fires, so the jump of that current at each arrival is the weight
/// the synapse transmitted for that spike.
/// </summary>
internal static class ShortTermProbe
{
    public const double Dt = 0.1;

    /// <summary>Spike times on the dt grid: <paramref name="count"/> intervals of <paramref name="periodMs"/> from 10 ms on.</summary>
    public static double[] Regular(int count, double periodMs)
        => Enumerable.Range(0, count).Select(i => Math.Round((10 + i * periodMs) / Dt) * Dt).ToArray();

    /// <summary>An irregular train: intervals from 0.2 ms to 120 ms, drawn with a fixed seed, on the dt grid.</summary>
    public static double[] Irregular(int count, int seed)
    {
        var random = new Random(seed);
        var times = new double[count];
        long step = 100;
        for (int i = 0; i < count; i++)
        {
            times[i] = step * Dt;
            step += random.Next(4) == 0 ? 2 + random.Next(20) : 20 + random.Next(1200);
        }
        return times;
    }

    /// <summary>Builds the probe; <paramref name="plastic"/> attaches a long-term rule too.</summary>
    public static (Network Network, Core.Monitors.StateMonitor Current) Build(double[] times, double weight, ShortTermPlasticity shortTerm, double delayMs = Dt,
        Func<Projection, Projection>? plastic = null)
    {
        var network = new Network(1, Dt);
        var source = network.AddSpikeSource("pre", [times]);
        var target = network.AddPopulation("post", 1, new LifCurrent { TauSynE = 1e9, VThreshold = 1e6 });
        var projection = network.Connect(source, target, Connectivity.AllToAll(), Synapse.Excitatory(weight, delayMs));
        projection.WithShortTermPlasticity(shortTerm);
        plastic?.Invoke(projection);
        return (network, network.RecordState(target, StateVariable.SynE));
    }

    /// <summary>The transmitted weight of each spike: the jumps of the recorded current.</summary>
    public static double[] Amplitudes(ISimulation simulation, Core.Monitors.StateMonitor current, int expected)
    {
        var values = simulation.GetState(current).Values;
        var jumps = new List<double>();
        for (int s = 1; s < values.Length; s++)
        {
            double jump = values[s][0] - values[s - 1][0];
            if (jump != 0)
            {
                jumps.Add(jump);
            }
        }
        Assert.True(values[0][0] == 0, $"the current is {values[0][0]} before the first spike");
        Assert.Equal(expected, jumps.Count);
        return [.. jumps];
    }

    /// <summary>
    /// The Tsodyks–Markram model integrated in continuous time with forward Euler steps of 1 µs,
    /// independently of the engine's closed-form update: between spikes du/dt = −u/τ_fac (u drops to
    /// 0 at once without facilitation) and dx/dt = (1 − x)/τ_rec; at a spike u jumps by U·(1 − u),
    /// the synapse transmits w·u·x, then x loses u·x.
    /// </summary>
    public static double[] Integrate(double[] times, double weight, double bigU, double tauRec, double tauFac, Func<int, double>? weightOfSpike = null)
    {
        const double h = 1e-3;
        double u = 0;
        double x = 1;
        long now = (long)Math.Round(times[0] / h);
        var amplitudes = new double[times.Length];
        for (int n = 0; n < times.Length; n++)
        {
            long next = (long)Math.Round(times[n] / h);
            for (; now < next; now++)
            {
                u += tauFac > 0 ? -h * u / tauFac : -u;
                x += h * (1 - x) / tauRec;
            }
            u += bigU * (1 - u);
            amplitudes[n] = (weightOfSpike?.Invoke(n) ?? weight) * u * x;
            x -= u * x;
        }
        return amplitudes;
    }

    /// <summary>Asserts agreement within <paramref name="relative"/> of each expected value plus a float rounding allowance.</summary>
    public static void AssertClose(double[] expected, double[] actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int n = 0; n < expected.Length; n++)
        {
            double tolerance = relative * Math.Abs(expected[n]) + 2e-5;
            Assert.True(Math.Abs(expected[n] - actual[n]) <= tolerance, $"{what}: spike {n} transmitted {actual[n]:G9}, expected {expected[n]:G9}");
        }
    }
}
