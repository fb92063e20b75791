using System.Globalization;
using Snn.Backends.Gpu;
using Snn.Bench.Running;
using Snn.Bench.Suites;

namespace Snn.Bench.GpuCheck;

/// <summary>
/// One benchmark suite on the GPU engine and on the CPU engine (all cores), same size, seed and
/// duration, each through <see cref="SuiteRunner"/> (JIT warm-up, build time, wall time, rates):
/// the speed-up, the GPU's device memory, and how far the two runs' spikes agree. Passes when both
/// runs spike and the GPU's rate, overall and per population, is within
/// <see cref="RateTolerance"/> of the CPU engine's.
/// </summary>
/// <param name="name">The step's name.</param>
/// <param name="suite">The suite.</param>
/// <param name="size">Neurons: full run and dry run.</param>
/// <param name="durationMs">Simulated time (ms): full run and dry run.</param>
/// <param name="estimatedSeconds">Estimated seconds on the GPU machine.</param>
/// <param name="timeoutSeconds">Timeout (s) of the full-size step.</param>
public sealed class EngineComparisonStep(string name, BenchmarkSuite suite, (int Full, int Dry) size, (double Full, double Dry) durationMs,
    int estimatedSeconds, int timeoutSeconds) : IGpuCheckStep
{
    /// <summary>The largest relative rate difference (GPU vs CPU) that passes.</summary>
    public const double RateTolerance = 0.02;

    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"{suite.Name}, {size.Full:N0} neurons, {durationMs.Full / 1000:G3} s: GPU vs CPU engine (wall, build, rates, device memory, spike agreement)");

    /// <inheritdoc />
    public int EstimatedSeconds => estimatedSeconds;

    /// <inheritdoc />
    public int TimeoutSeconds => timeoutSeconds;

    /// <summary>CUBA at <paramref name="neurons"/> neurons, 1 s.</summary>
    public static EngineComparisonStep Cuba(int neurons, int dryNeurons, int estimatedSeconds, int timeoutSeconds)
        => new($"cuba-{Label(neurons)}", SuiteCatalog.Cuba, (neurons, dryNeurons), (1000, 10), estimatedSeconds, timeoutSeconds);

    /// <inheritdoc />
    public GpuCheckStepResult Run(GpuCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int neurons = context.Pick(size.Full, size.Dry);
        double ms = context.Pick(durationMs.Full, durationMs.Dry);
        GpuDeviceUsage? usage = null;
        var gpu = SuiteRunner.Run(suite, new SuiteRunOptions(neurons, ms, context.Settings.Seed, Backend: "gpu", ChunkMs: ms, WarmUp: !context.DryRun,
            Engine: context.Gpu(), Inspect: simulation => usage = GpuBackend.DeviceUsage(simulation)));
        var cpu = SuiteRunner.Run(suite, new SuiteRunOptions(neurons, ms, context.Settings.Seed, context.CpuThreads, "cpu", ChunkMs: ms, WarmUp: !context.DryRun));
        var agreement = SpikeAgreement.Compare(
            cpu.Spikes.Select(s => s.Population).ToArray(), cpu.Spikes.Select(s => s.Record).ToArray(), gpu.Spikes.Select(s => s.Record).ToArray());
        var g = gpu.Result;
        var c = cpu.Result;
        var metrics = new Dictionary<string, double>
        {
            ["neurons"] = g.Neurons,
            ["synapses"] = g.Synapses,
            ["simulated_ms"] = g.SimulatedMs,
            ["cpu_threads"] = context.CpuThreads,
            ["gpu_wall_s"] = g.WallSeconds,
            ["cpu_wall_s"] = c.WallSeconds,
            ["gpu_build_s"] = g.BuildSeconds,
            ["cpu_build_s"] = c.BuildSeconds,
            ["gpu_real_time_factor"] = g.RealTimeFactor,
            ["cpu_real_time_factor"] = c.RealTimeFactor,
            ["speedup"] = c.WallSeconds / Math.Max(g.WallSeconds, 1e-12),
            ["gpu_rate_hz"] = g.MeanRateHz,
            ["cpu_rate_hz"] = c.MeanRateHz,
            ["gpu_spikes"] = g.Spikes,
            ["cpu_spikes"] = c.Spikes,
            ["gpu_synaptic_events_per_s"] = g.SynapticEventsPerSecond,
            ["gpu_neuron_updates_per_s"] = g.NeuronUpdatesPerSecond,
            ["gpu_planned_device_bytes"] = usage?.PlannedBytes ?? double.NaN,
            ["device_memory_bytes"] = usage?.DeviceMemoryBytes ?? double.NaN,
        };
        GpuCheckFormat.AddAgreement(metrics, "", agreement);
        foreach (var (key, value) in gpu.Analysis?.Metrics ?? new Dictionary<string, double>())
        {
            metrics["gpu_" + key] = value;
        }
        foreach (var (key, value) in cpu.Analysis?.Metrics ?? new Dictionary<string, double>())
        {
            metrics["cpu_" + key] = value;
        }
        var findings = new List<string>
        {
            GpuCheckFormat.Device(usage),
            GpuCheckFormat.Engine("gpu", g),
            GpuCheckFormat.Engine($"cpu ({context.CpuThreads} threads)", c),
            GpuCheckFormat.Agreement(agreement),
        };
        findings.AddRange(GpuCheckFormat.Populations(agreement));
        findings.AddRange((gpu.Analysis?.Findings ?? []).Select(f => "gpu: " + f));
        bool silent = c.Spikes == 0 || g.Spikes == 0;
        bool within = Math.Abs(agreement.RateRelativeDifference) <= RateTolerance && agreement.WorstPopulationDifference <= RateTolerance;
        if (silent)
        {
            findings.Add($"a run is silent (gpu {g.Spikes} spikes, cpu {c.Spikes}): nothing to compare");
        }
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"gpu {g.WallSeconds:F3} s (RTF {g.RealTimeFactor:G3}) vs cpu×{context.CpuThreads} {c.WallSeconds:F3} s: {metrics["speedup"]:F1}×; build {g.BuildSeconds:F1}/{c.BuildSeconds:F1} s; "
            + $"{g.MeanRateHz:F2}/{c.MeanRateHz:F2} Hz; {GpuCheckFormat.AgreementShort(agreement)}; device {GpuCheckFormat.Bytes(usage?.PlannedBytes)}");
        return new GpuCheckStepResult(Name, !silent && within ? GpuCheckStatus.Passed : GpuCheckStatus.Failed, 0, 0, summary, metrics, findings);
    }

    private static string Label(int neurons) => neurons switch
    {
        >= 1_000_000 when neurons % 1_000_000 == 0 => $"{neurons / 1_000_000}m",
        >= 1_000 when neurons % 1_000 == 0 => $"{neurons / 1_000}k",
        _ => neurons.ToString(CultureInfo.InvariantCulture),
    };
}
