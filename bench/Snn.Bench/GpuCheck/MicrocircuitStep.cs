using System.Diagnostics;
using System.Globalization;
using Snn.Backends.Gpu;
using Snn.Bench.Suites;
using P = Snn.Bench.Suites.MicrocircuitParameters;

namespace Snn.Bench.GpuCheck;

/// <summary>
/// The full-scale Potjans-Diesmann 2014 microcircuit (77 169 neurons, full in-degrees, Poisson
/// background) on the GPU engine, timed as GeNN and NEST GPU report it: build, then 0.1 s of
/// warm-up, then 1 s timed; the real-time factor of that second, and per-population rates against
/// the reference through <see cref="MicrocircuitAnalysis"/> (statistics after its 500 ms transient).
/// Passes when every population spikes (a dry run, a few milliseconds long: when any does); whether the rates are within the reference's tolerance and
/// whether the real-time factor beats <see cref="GennRealTimeFactor"/> are reported, not judged.
/// A dry run builds the suite's smallest size (800 neurons, in-degrees × 0.5).
/// </summary>
public sealed class MicrocircuitStep : IGpuCheckStep
{
    /// <summary>GeNN's published real-time factor for the full-scale model on an RTX 4090.</summary>
    public const double GennRealTimeFactor = 0.272;

    /// <inheritdoc />
    public string Name => "microcircuit";

    /// <inheritdoc />
    public string Description => "Potjans-Diesmann microcircuit, full scale, GPU: 1 s timed after 0.1 s warm-up; real-time factor, per-population rates vs the reference";

    /// <inheritdoc />
    public int EstimatedSeconds => 50;

    /// <inheritdoc />
    public int TimeoutSeconds => 120;

    /// <inheritdoc />
    public GpuCheckStepResult Run(GpuCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        double warmUpMs = context.Pick(100.0, 1.0);
        double timedMs = context.Pick(1000.0, 4.0);
        double nScale = context.Pick(1.0, SuiteCatalog.Microcircuit.MinimumSize / (double)MicrocircuitNetwork.FullSize);
        double kScale = MicrocircuitNetwork.DefaultInDegreeScale(nScale);
        var built = MicrocircuitNetwork.Build(nScale, kScale, MicrocircuitNetwork.Background.Poisson, context.Settings.Seed);
        long synapses = 0;
        for (int target = 0; target < 8; target++)
        {
            for (int source = 0; source < 8; source++)
            {
                synapses += MicrocircuitNetwork.SynapseCount(target, source, nScale, kScale);
            }
        }
        var watch = Stopwatch.StartNew();
        using var simulation = context.Gpu().Compile(built.Network);
        double buildSeconds = watch.Elapsed.TotalSeconds;
        simulation.Run(warmUpMs);
        watch.Restart();
        simulation.Run(timedMs);
        double wallSeconds = watch.Elapsed.TotalSeconds;
        var usage = GpuBackend.DeviceUsage(simulation);
        var analysis = built.Analyze!(simulation);
        double rtf = wallSeconds / (timedMs / 1000);
        long spikes = built.Spikes.Sum(m => (long)simulation.GetSpikes(m).Count);
        int silent = built.Spikes.Count(m => simulation.GetSpikes(m).Count == 0);
        var metrics = new Dictionary<string, double>
        {
            ["neurons"] = built.Network.NeuronCount,
            ["synapses"] = synapses,
            ["warm_up_ms"] = warmUpMs,
            ["timed_ms"] = timedMs,
            ["build_s"] = buildSeconds,
            ["wall_s"] = wallSeconds,
            ["real_time_factor"] = rtf,
            ["genn_real_time_factor"] = GennRealTimeFactor,
            ["spikes"] = spikes,
            ["silent_populations"] = silent,
            ["planned_device_bytes"] = usage.PlannedBytes,
            ["device_memory_bytes"] = usage.DeviceMemoryBytes,
        };
        foreach (var (key, value) in analysis.Metrics)
        {
            metrics[key] = value;
        }
        var findings = new List<string>
        {
            GpuCheckFormat.Device(usage),
            string.Create(CultureInfo.InvariantCulture,
                $"{built.Network.NeuronCount:N0} neurons, {synapses:N0} synapses; build {buildSeconds:F2} s; {timedMs:G4} ms after {warmUpMs:G4} ms of warm-up in {wallSeconds:F3} s: "
                + $"real-time factor {rtf:G4} ({(rtf < GennRealTimeFactor ? "below" : "not below")} GeNN's {GennRealTimeFactor} on an RTX 4090); {spikes:N0} spikes"),
        };
        findings.AddRange(analysis.Findings);
        int within = (int)analysis.Metrics["populations_within_tolerance"];
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{built.Network.NeuronCount:N0} neurons: RTF {rtf:G3} (GeNN {GennRealTimeFactor}); build {buildSeconds:F1} s; {within}/8 populations within tolerance "
            + $"(L23E {metrics[$"{P.Names[0]}_rate_hz"]:F2} Hz, L5E {metrics[$"{P.Names[4]}_rate_hz"]:F2} Hz); device {GpuCheckFormat.Bytes(usage.PlannedBytes)}");
        return new GpuCheckStepResult(Name, spikes > 0 && (silent == 0 || context.DryRun) ? GpuCheckStatus.Passed : GpuCheckStatus.Failed, 0, 0, summary, metrics, findings);
    }
}
