using System.Globalization;
using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Simulation;
using Snn.Learning.Plasticity;

namespace Snn.Bench.Verify;

/// <summary>
/// Pair STDP's window: 101 independent pre/post pairs, each with one presynaptic spike and a
/// postsynaptic neuron forced to fire once, at intervals from −50 to +50 ms. The weight change of
/// each pair must be the analytic window A₊·e^(−Δt/τ₊) for Δt ≥ 0 and −A₋·e^(Δt/τ₋) for Δt &lt; 0,
/// with Δt measured from the presynaptic spike's arrival (emission + delay).
/// </summary>
public sealed class StdpWindowRow : VerifyRow
{
    private const double APlus = 0.01;
    private const double AMinus = 0.012;
    private const double TauPlus = 16.8;
    private const double TauMinus = 33.7;
    private const double InitialWeight = 0.5;
    private const double DelayMs = 1.0;
    private const double ToleranceWeight = 1e-6;

    /// <inheritdoc />
    public override string Name => "stdp-window";

    /// <inheritdoc />
    public override string Claim => "pair STDP, Δt = -50..50 ms: Δw = 0.01·e^(-Δt/16.8) (Δt ≥ 0), -0.012·e^(Δt/33.7) (Δt < 0)";

    /// <inheritdoc />
    public override string Source => "analytic window (Bi & Poo 1998 time constants, Song, Miller & Abbott 2000 form); tolerance: float32 weights around 0.5";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        context.Report("stdp-window: 101 pairs");
        var offsets = Enumerable.Range(-50, 101).Select(o => (double)o).ToArray();
        const double driverLatency = 0.2;
        const double arrival = 100;
        var network = new Network(seed: 1, dt: 0.1);
        var pre = network.AddSpikeSource("pre", offsets.Select(_ => new[] { arrival - DelayMs }).ToArray());
        var driver = network.AddSpikeSource("driver", offsets.Select(o => new[] { arrival + o - driverLatency }).ToArray());
        var post = network.AddPopulation("post", offsets.Length, new LifCurrent { TauSynE = 0.1, RefractoryPeriod = 500 });
        network.Connect(driver, post, Connectivity.OneToOne(), Synapse.Excitatory(1e6));
        var rule = new PairStdp { APlus = APlus, AMinus = AMinus, TauPlus = TauPlus, TauMinus = TauMinus, WMin = 0, WMax = 1 };
        var plastic = network.Connect(pre, post, Connectivity.OneToOne(), Synapse.Excitatory(InitialWeight, DelayMs)).WithPlasticity(rule);
        var spikes = network.RecordSpikes(post);
        using var simulation = new CpuBackend(new CpuBackendOptions { Threads = context.Threads }).Compile(network);
        simulation.Run(200);
        var record = simulation.GetSpikes(spikes);
        var weights = simulation.GetWeights(plastic);
        double worst = 0;
        double widest = 0;
        for (int i = 0; i < offsets.Length; i++)
        {
            var times = record.TimesOf(i);
            if (times.Length != 1)
            {
                return Judge(false, $"{times.Length} postsynaptic spikes in pair {i}", "1 per pair", "a forced neuron did not fire exactly once", new Dictionary<string, double>());
            }
            double deltaT = times[0] - arrival;
            double expected = deltaT >= 0 ? APlus * Math.Exp(-deltaT / TauPlus) : -AMinus * Math.Exp(deltaT / TauMinus);
            worst = Math.Max(worst, Math.Abs(weights[i] - InitialWeight - expected));
            widest = Math.Max(widest, Math.Abs(deltaT));
        }
        var metrics = new Dictionary<string, double> { ["max_weight_error"] = worst, ["pairs"] = offsets.Length, ["widest_interval_ms"] = widest };
        return Judge(worst <= ToleranceWeight && widest >= 40,
            string.Create(CultureInfo.InvariantCulture, $"max |Δw - window| {worst:E1} over |Δt| ≤ {widest:F1} ms"),
            string.Create(CultureInfo.InvariantCulture, $"≤ {ToleranceWeight:E0}"),
            "the weight changes do not follow the window", metrics);
    }
}
