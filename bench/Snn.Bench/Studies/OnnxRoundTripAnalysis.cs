using System.Diagnostics;
using System.Globalization;
using Snn.Backends.Cpu;
using Snn.Backends.Onnx;
using Snn.Bench.Cli;
using Snn.Bench.Suites;
using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Simulation;
using Snn.Experiments.Onnx;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>onnx-roundtrip</c> study: <see cref="OnnxDemoNetwork"/> built twice from the same seed
/// (so with the same input spikes) and run on <see cref="CpuBackend"/> and on
/// <see cref="OnnxBackend"/> (ONNX Runtime), both on <see cref="StudyContext.Threads"/> threads
/// (default 1). It reports whether every population's spikes are identical, the largest membrane
/// difference, and each engine's compile and run time (one sample = one pass over the input
/// trains); a tiny instance runs first on both, untimed, so JIT compilation is not timed. The same
/// comparison (spikes, membranes; not timed) runs on the demo network with short-term plasticity. Its file
/// writer exports the network to <see cref="ModelFile"/>.
/// </summary>
public static class OnnxRoundTripAnalysis
{
    /// <summary>The exported model written into the output folder.</summary>
    public const string ModelFile = "onnx-demo.onnx";

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int hidden = context.Size ?? (context.Quick ? 80 : 200);
        const int inputs = 100;
        double duration = context.DurationMs ?? (context.Quick ? 50 : 100);
        int threads = context.Threads ?? 1;
        OnnxDemoNetwork Create() => OnnxDemoNetwork.Create(context.Seed, inputs, hidden, durationMs: duration);
        OnnxDemoNetwork Tiny() => OnnxDemoNetwork.Create(context.Seed, inputs: 4, hidden: 8, outputs: 2, durationMs: 5);

        context.Report("warm-up");
        Measure(new CpuBackend(new CpuBackendOptions { Threads = threads }), Monitored(Tiny()), 5);
        Measure(new OnnxBackend { IntraOpThreads = threads }, Monitored(Tiny()), 5);

        context.Report("cpu");
        var cpu = Measure(new CpuBackend(new CpuBackendOptions { Threads = threads }), Monitored(Create()), duration);
        context.Report("onnx");
        var onnx = Measure(new OnnxBackend { IntraOpThreads = threads }, Monitored(Create()), duration);
        var same = Compare(cpu, onnx);
        context.Report("with short-term plasticity");
        OnnxDemoNetwork CreateShortTerm() => OnnxDemoNetwork.Create(context.Seed, inputs, hidden, durationMs: duration, shortTerm: true);
        var shortTerm = Compare(Measure(new CpuBackend(new CpuBackendOptions { Threads = threads }), Monitored(CreateShortTerm()), duration),
            Measure(new OnnxBackend { IntraOpThreads = threads }, Monitored(CreateShortTerm()), duration));

        var metrics = new Dictionary<string, double>
        {
            ["neurons"] = cpu.Neurons,
            ["synapses"] = cpu.Synapses,
            ["simulated_ms"] = duration,
            ["threads"] = threads,
            ["identical_spikes"] = same.Identical ? 1 : 0,
            ["spikes_cpu"] = same.CpuSpikes,
            ["spikes_onnx"] = same.OnnxSpikes,
            ["max_membrane_difference_mv"] = same.MaxDifference,
            ["identical_spikes_short_term"] = shortTerm.Identical ? 1 : 0,
            ["spikes_cpu_short_term"] = shortTerm.CpuSpikes,
            ["spikes_onnx_short_term"] = shortTerm.OnnxSpikes,
            ["max_membrane_difference_short_term_mv"] = shortTerm.MaxDifference,
            ["cpu_compile_seconds"] = cpu.CompileSeconds,
            ["cpu_run_seconds"] = cpu.RunSeconds,
            ["cpu_samples_per_second"] = 1 / Math.Max(cpu.RunSeconds, 1e-12),
            ["onnx_compile_seconds"] = onnx.CompileSeconds,
            ["onnx_run_seconds"] = onnx.RunSeconds,
            ["onnx_samples_per_second"] = 1 / Math.Max(onnx.RunSeconds, 1e-12),
        };
        var findings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{cpu.Neurons} neurons ({inputs} inputs), {cpu.Synapses} synapses, {Format.Milliseconds(duration)} of input, seed {context.Seed}, {threads} thread(s)"),
            $"spikes {(same.Identical ? "IDENTICAL" : "DIFFER")} on cpu and onnx (cpu/onnx per population: {same.PerPopulation})",
            string.Create(CultureInfo.InvariantCulture, $"max |V_cpu - V_onnx| = {same.MaxDifference:G3} mV over {same.Samples} samples (V of every population, every step)"),
            string.Create(CultureInfo.InvariantCulture,
                $"with short-term plasticity on three projections: spikes {(shortTerm.Identical ? "IDENTICAL" : "DIFFER")} ({shortTerm.PerPopulation}), max |V_cpu - V_onnx| = {shortTerm.MaxDifference:G3} mV"),
            $"cpu:  compile {Format.Seconds(cpu.CompileSeconds)}, run {Format.Seconds(cpu.RunSeconds)} ({Format.Si(1 / Math.Max(cpu.RunSeconds, 1e-12))} samples/s)",
            $"onnx: compile {Format.Seconds(onnx.CompileSeconds)} (export + session), run {Format.Seconds(onnx.RunSeconds)} ({Format.Si(1 / Math.Max(onnx.RunSeconds, 1e-12))} samples/s)",
        };

        IReadOnlyList<string> WriteModel(string directory)
        {
            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, ModelFile);
            OnnxExporter.Export(Create().Network, new OnnxExportOptions { IncludeMembrane = true, Description = "Snn OnnxDemoNetwork (snn-bench onnx-roundtrip)." }, path);
            return [path];
        }

        return new SuiteAnalysis(metrics, findings, WriteModel);
    }

    /// <summary>Whether the two runs' spikes are identical, their spike counts, each population's
    /// counts, and the largest membrane difference (mV) over all samples.</summary>
    private static (bool Identical, long CpuSpikes, long OnnxSpikes, string PerPopulation, double MaxDifference, long Samples) Compare(EngineRun cpu, EngineRun onnx)
    {
        bool identical = true;
        var perPopulation = new List<string>();
        for (int p = 0; p < cpu.Spikes.Length; p++)
        {
            bool same = cpu.Spikes[p].Steps.AsSpan().SequenceEqual(onnx.Spikes[p].Steps) && cpu.Spikes[p].Neurons.AsSpan().SequenceEqual(onnx.Spikes[p].Neurons);
            identical &= same;
            perPopulation.Add(string.Create(CultureInfo.InvariantCulture, $"{cpu.Names[p]} {cpu.Spikes[p].Count}/{onnx.Spikes[p].Count}{(same ? "" : " DIFFER")}"));
        }
        double maxDifference = 0;
        long samples = 0;
        for (int p = 0; p < cpu.Membranes.Length; p++)
        {
            for (int s = 0; s < cpu.Membranes[p].Values.Length; s++)
            {
                var a = cpu.Membranes[p].Values[s];
                var b = onnx.Membranes[p].Values[s];
                for (int k = 0; k < a.Length; k++)
                {
                    maxDifference = Math.Max(maxDifference, Math.Abs((double)a[k] - b[k]));
                }
                samples += a.Length;
            }
        }
        return (identical, cpu.Spikes.Sum(s => (long)s.Count), onnx.Spikes.Sum(s => (long)s.Count), string.Join(", ", perPopulation), maxDifference, samples);
    }

    private static (Network Network, Population[] Populations, SpikeMonitor[] Spikes, StateMonitor[] Membranes) Monitored(OnnxDemoNetwork demo)
    {
        var populations = demo.Network.Populations.Where(p => p is not SpikeSourcePopulation).ToArray();
        var spikes = populations.Select(p => demo.Network.RecordSpikes(p)).ToArray();
        var membranes = populations.Select(p => demo.Network.RecordState(p, StateVariable.V)).ToArray();
        return (demo.Network, populations, spikes, membranes);
    }

    private static EngineRun Measure(IBackend backend, (Network Network, Population[] Populations, SpikeMonitor[] Spikes, StateMonitor[] Membranes) monitored, double durationMs)
    {
        var watch = Stopwatch.StartNew();
        using var simulation = backend.Compile(monitored.Network);
        double compile = watch.Elapsed.TotalSeconds;
        watch.Restart();
        simulation.Run(durationMs);
        double run = watch.Elapsed.TotalSeconds;
        long synapses = monitored.Network.Projections.Sum(p => (long)p.Instantiate().Count);
        return new EngineRun(
            monitored.Populations.Select(p => p.Name).ToArray(),
            monitored.Spikes.Select(m => simulation.GetSpikes(m)).ToArray(),
            monitored.Membranes.Select(m => simulation.GetState(m)).ToArray(),
            monitored.Network.NeuronCount, synapses, compile, run);
    }

    private sealed record EngineRun(string[] Names, SpikeRecord[] Spikes, StateRecord[] Membranes, int Neurons, long Synapses, double CompileSeconds, double RunSeconds);
}
