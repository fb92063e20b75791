using System.Globalization;
using Snn.Backends.Cpu;
using Snn.Backends.EventDriven;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;

namespace Snn.Bench.Verify;

/// <summary>
/// The clock-driven CPU engine converges to the exact event-driven engine as dt → 0: one LIF neuron
/// (NEST's iaf_psc_exp, 250 pA bias, 1 ms refractory) with excitatory and inhibitory inputs on the
/// 0.1 ms grid (so every dt represents them exactly), 40 ms; the mean |t_clock − t_exact| over its
/// spikes at dt = 0.1, 0.01 and 0.001 ms must be the README's 0.12, 0.0088 and 0.00095 ms to the
/// digits published, and fall about tenfold per tenfold smaller dt (first-order convergence: a
/// threshold crossing is detected at the end of its step).
/// </summary>
public sealed class EventDrivenConvergenceRow : VerifyRow
{
    /// <summary>The time steps (ms).</summary>
    public static IReadOnlyList<double> TimeSteps { get; } = [0.1, 0.01, 0.001];

    /// <summary>The README's mean spike-time errors (ms) at <see cref="TimeSteps"/>.</summary>
    public static IReadOnlyList<double> PublishedErrorsMs { get; } = [0.12, 0.0088, 0.00095];

    /// <summary>Half a unit in the last published digit of each of <see cref="PublishedErrorsMs"/> (ms).</summary>
    public static IReadOnlyList<double> PublishedHalfUnitsMs { get; } = [0.005, 0.00005, 0.000005];

    /// <inheritdoc />
    public override string Name => "event-driven-convergence";

    /// <inheritdoc />
    public override string Claim => "mean spike-time error of the clock-driven engine 0.12 / 0.0088 / 0.00095 ms at dt = 0.1 / 0.01 / 0.001 ms";

    /// <inheritdoc />
    public override string Source => "README (exact event-driven engine); tolerance: the published digits; analytic: first-order convergence in dt";

    /// <summary>The mean spike-time error (ms) of the clock-driven engine at each of <see cref="TimeSteps"/>, against the exact engine.</summary>
    public static double[] MeanSpikeTimeErrors()
    {
        double[] exact = SpikeTimes(0.1, exactEngine: true);
        var errors = new double[TimeSteps.Count];
        for (int i = 0; i < errors.Length; i++)
        {
            double[] clocked = SpikeTimes(TimeSteps[i], exactEngine: false);
            if (clocked.Length != exact.Length)
            {
                throw new InvalidOperationException($"dt = {TimeSteps[i]} ms gives {clocked.Length} spikes, the exact engine {exact.Length}.");
            }
            errors[i] = exact.Zip(clocked).Average(pair => Math.Abs(pair.First - pair.Second));
        }
        return errors;
    }

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        context.Report("event-driven-convergence: dt 0.1, 0.01, 0.001 ms");
        var errors = MeanSpikeTimeErrors();
        var metrics = new Dictionary<string, double>();
        bool ok = true;
        for (int i = 0; i < errors.Length; i++)
        {
            metrics[string.Create(CultureInfo.InvariantCulture, $"mean_error_ms_dt_{TimeSteps[i]}")] = errors[i];
            ok &= Math.Abs(errors[i] - PublishedErrorsMs[i]) <= PublishedHalfUnitsMs[i];
        }
        return Judge(ok,
            string.Join(" / ", errors.Select(e => e.ToString("G2", CultureInfo.InvariantCulture))) + " ms",
            "± " + string.Join(" / ", PublishedHalfUnitsMs.Select(e => e.ToString("G1", CultureInfo.InvariantCulture))) + " ms",
            "an error differs from the published figure", metrics);
    }

    private static double[] SpikeTimes(double dt, bool exactEngine)
    {
        var network = new Network(3, dt);
        var model = new LifCurrent { CM = 250, TauM = 10, TauSynE = 2, TauSynI = 5, EL = -70, VReset = -70, VThreshold = -55, RefractoryPeriod = 1, IE = 250 };
        double[] excitatoryTimes = [2.0, 3.5, 7.2, 9.9, 13.1, 14.0, 18.6, 21.3, 25.5, 26.1, 31.7, 35.2];
        double[] inhibitoryTimes = [5.4, 12.3, 19.9, 28.8, 33.3];
        var inputs = network.AddSpikeSource("in", [excitatoryTimes, inhibitoryTimes]);
        var population = network.AddPopulation("lif", 1, model);
        network.Connect(inputs, population, Connectivity.Pairs([0], [0]), Synapse.Excitatory(4500, 1.0));
        network.Connect(inputs, population, Connectivity.Pairs([1], [0]), Synapse.Inhibitory(-3000, 0.5));
        var spikes = network.RecordSpikes(population);
        if (exactEngine)
        {
            using var exact = new EventDrivenBackend().CompileExact(network);
            exact.Run(40);
            return exact.GetExactSpikes(spikes).TimesMs;
        }
        using var clocked = new CpuBackend(new CpuBackendOptions { Threads = 1 }).Compile(network);
        clocked.Run(40);
        return clocked.GetSpikes(spikes).Times();
    }
}
