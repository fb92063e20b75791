using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Snn.Backends.Cpu;
using Snn.Backends.Onnx;
using Snn.Bench.Cli;
using Snn.Bench.Suites;
using Snn.Core.Simulation;

namespace Snn.Bench.Studies.OnnxThroughput;

/// <summary>
/// The <c>onnx-throughput</c> study: three classifier networks (<see cref="ThroughputNetworks"/>)
/// run sample by sample on the CPU engine and in batches on ONNX Runtime, in the fast form with float32
/// and with float16 weights and laid out for latency (<see cref="ThroughputForm"/>) and in the exact form, at batch 1, 32 and 256 (quick: 1 and 32; none above the sample count) with 1 and 2 threads. It reports samples/s (the
/// engine's simulation time only, its network build excluded, so the comparison favours the
/// engine), the graph's node count and file size, the share of samples whose fast-form class equals
/// the engine's (and how many distinct classes the engine predicted, so an agreement between
/// constant predictions shows), and the spike agreement of each fast form on a few samples. A form
/// the exporter refuses for a network is reported by name (metric <c>{network}_{form}_refused</c>). The
/// engine runs one untimed warm-up sample first; each session runs <see cref="WarmUpRuns"/> untimed
/// batches at every batch size, and a fast form is timed over at least <see cref="MinimumTimedRuns"/>
/// batches (cycling through the samples where they are fewer). A control gives the fast form's floor: the deployed (float32)
/// fast form at the agreement batch, and the engine, on all-zero input, where no neuron spikes (the
/// engine's spike count on it is reported) so no synapse is delivered while every node of the graph
/// still runs; the fast form's samples/s there against the engine's on the real samples bounds what
/// faster delivery alone could gain. The exact form is timed for at most
/// <see cref="ExactBudgetSeconds"/> per point: it is the reference, not the deployment form.
/// </summary>
public static class OnnxThroughputAnalysis
{
    /// <summary>Seconds of exact-form batches timed per (network, batch, threads) point.</summary>
    public const double ExactBudgetSeconds = 3;

    /// <summary>Untimed runs of a session at each batch size before it is timed. ONNX Runtime plans
    /// its memory over the first runs at a new input shape: on the dense classifier its first two
    /// runs at batch 256 took about 1 s each and the later ones 0.1 s (at batch 32, 123 and 71 ms
    /// against 13 ms).</summary>
    public const int WarmUpRuns = 2;

    /// <summary>Timed batches of a fast form at least, so that batch 256 on 256 samples is not one run.</summary>
    public const int MinimumTimedRuns = 3;

    /// <summary>The batch (or all samples, when fewer) at which the fast forms' classes are compared with the engine's.</summary>
    public const int AgreementBatch = 32;

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool quick = context.Quick;
        int samples = context.Size ?? (quick ? 64 : 256);
        int steps = quick ? 50 : 100;
        int[] batches = [.. (quick ? [1, 32] : (int[])[1, 32, 256]).Select(b => Math.Min(b, samples)).Distinct()];
        int agreementBatch = Math.Min(AgreementBatch, samples);
        int[] threads = context.Threads is { } fixedThreads ? [fixedThreads] : [1, 2];
        var metrics = new Dictionary<string, double> { ["samples"] = samples };
        var findings = new List<string>();
        context.Report("delay-model training");
        var networks = new List<Func<ThroughputNetwork>>
        {
            () => ThroughputNetworks.DelayModel(context.Seed, quick, samples),
            () => ThroughputNetworks.DenseClassifier(context.Seed, samples, steps),
            () => ThroughputNetworks.RecurrentLiquid(context.Seed, samples, steps),
        };
        for (int n = 0; n < networks.Count; n++)
        {
            var network = networks[n]();
            context.Report($"{network.Name}: cpu engine");
            var engine = threads.ToDictionary(t => t, t => RunEngine(network, t));
            var silent = network with { Samples = [.. network.Samples.Select(sample => new float[sample.Length])] };
            context.Report($"{network.Name}: cpu engine on all-zero input");
            var silentEngine = threads.ToDictionary(t => t, t => RunEngine(silent, t));
            var predictions = engine[threads[0]].Predictions;
            int distinct = predictions.Distinct().Count();
            string prefix = network.Name.Replace('-', '_');
            metrics[$"{prefix}_cpu_distinct_classes"] = distinct;
            metrics[$"{prefix}_cpu_silent_spikes"] = EngineSpikes(silent.Build(silent.Samples[0]), silent.Steps);
            foreach (int t in threads)
            {
                metrics[$"{prefix}_cpu_t{t}_samples_per_second"] = engine[t].SamplesPerSecond;
                metrics[$"{prefix}_cpu_silent_t{t}_samples_per_second"] = silentEngine[t].SamplesPerSecond;
            }
            var line = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{network.Name}: cpu {string.Join(" / ", threads.Select(t => Format.Si(engine[t].SamplesPerSecond)))} samples/s ({string.Join("/", threads)} threads)") };
            foreach (var form in ThroughputForm.All)
            {
                context.Report($"{network.Name}: {form.Label} form");
                string key = $"{prefix}_{form.Key}";
                if (!TryExport(network, form, out var model, out string? refusal))
                {
                    metrics[$"{key}_refused"] = 1;
                    line.Add($"{form.Label}: not expressible for {network.Name}, the exporter refused: {refusal}");
                    continue;
                }
                metrics[$"{key}_nodes"] = model.NodeCount;
                metrics[$"{key}_bytes"] = model.SizeBytes;
                var points = new List<string>();
                foreach (int t in threads)
                {
                    using var session = OnnxSessions.Open(model.Bytes, OnnxExecutionProvider.Cpu, t);
                    foreach (int batch in batches)
                    {
                        var (rate, classes) = RunOnnx(session, model.Layout, network, batch, form.ComparedWithEngine ? double.PositiveInfinity : ExactBudgetSeconds);
                        metrics[$"{key}_b{batch}_t{t}_samples_per_second"] = rate;
                        metrics[$"{key}_b{batch}_t{t}_vs_cpu"] = rate / engine[t].SamplesPerSecond;
                        points.Add(string.Create(CultureInfo.InvariantCulture, $"b{batch}/t{t} {Format.Si(rate)} ({rate / engine[t].SamplesPerSecond:F2}x)"));
                        if (form.ComparedWithEngine && batch == agreementBatch && t == threads[0])
                        {
                            int same = classes.Zip(predictions).Count(p => p.First == p.Second);
                            metrics[$"{key}_class_agreement"] = (double)same / predictions.Length;
                            line.Add($"{form.Label}-form class = engine class on {same}/{predictions.Length} samples (the engine predicted {distinct} distinct classes)");
                        }
                    }
                    if (form == ThroughputForm.Deployed)
                    {
                        double floor = RunOnnx(session, model.Layout, silent, agreementBatch, double.PositiveInfinity).SamplesPerSecond;
                        metrics[$"{key}_silent_b{agreementBatch}_t{t}_samples_per_second"] = floor;
                        metrics[$"{key}_silent_b{agreementBatch}_t{t}_vs_cpu"] = floor / engine[t].SamplesPerSecond;
                        line.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{form.Label} form on all-zero input (no spike to deliver, every node still runs), b{agreementBatch}/t{t}: {Format.Si(floor)} samples/s, {floor / engine[t].SamplesPerSecond:F2}x the engine on the samples (the engine on all-zero input: {Format.Si(silentEngine[t].SamplesPerSecond)})"));
                    }
                }
                line.Add(string.Create(CultureInfo.InvariantCulture, $"{form.Label}: {model.NodeCount} nodes, {Format.MiB(model.SizeBytes)}; samples/s {string.Join(", ", points)}"));
                if (form.ComparedWithEngine)
                {
                    context.Report($"{network.Name}: {form.Label} spike agreement");
                    var agreement = SpikeAgreement(network, form, quick ? 2 : 4);
                    metrics[$"{key}_spike_agreement"] = agreement.Share;
                    metrics[$"{key}_spike_events"] = agreement.Events;
                    metrics[$"{key}_first_divergent_step"] = agreement.FirstDivergentStep ?? double.NaN;
                    metrics[$"{key}_rate_difference"] = agreement.RateDifference;
                    line.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{form.Label}-form spikes: {agreement.Share:P3} of {agreement.Events} engine spike events identical, first divergent step {(agreement.FirstDivergentStep is { } step ? step.ToString(CultureInfo.InvariantCulture) : "none")}, rate difference {agreement.RateDifference:P2}"));
                }
            }
            line.AddRange(AgainstTheExactForm(metrics, prefix, threads));
            findings.AddRange(line);
            context.ReportFraction((n + 1.0) / networks.Count);
        }
        return new SuiteAnalysis(metrics, findings);
    }

    /// <summary>Each fast form's samples/s at batch 1 over the exact form's (metric
    /// <c>{network}_{form}_b1_t{t}_vs_exact</c>, the issue's goal of 10×), where both were measured.</summary>
    private static IEnumerable<string> AgainstTheExactForm(Dictionary<string, double> metrics, string prefix, int[] threads)
    {
        var exact = ThroughputForm.All.Single(f => !f.ComparedWithEngine);
        foreach (int t in threads)
        {
            if (!metrics.TryGetValue($"{prefix}_{exact.Key}_b1_t{t}_samples_per_second", out double reference))
            {
                continue;
            }
            var ratios = new List<string>();
            foreach (var form in ThroughputForm.All.Where(f => f.ComparedWithEngine))
            {
                if (metrics.TryGetValue($"{prefix}_{form.Key}_b1_t{t}_samples_per_second", out double rate))
                {
                    metrics[$"{prefix}_{form.Key}_b1_t{t}_vs_exact"] = rate / reference;
                    ratios.Add(string.Create(CultureInfo.InvariantCulture, $"{form.Label} {rate / reference:F1}x"));
                }
            }
            yield return $"batch 1, {t} thread{(t == 1 ? "" : "s")}, samples/s over the exact form's: {string.Join(", ", ratios)}";
        }
    }

    /// <summary>Exports the network in <paramref name="form"/>; false, with the exporter's message, where
    /// the form cannot express it (a float16 weight out of range, or a form it does not support).</summary>
    internal static bool TryExport(ThroughputNetwork network, ThroughputForm form, [NotNullWhen(true)] out OnnxModel? model, [NotNullWhen(false)] out string? refusal)
    {
        var built = network.Build(new float[network.Steps * network.Inputs]);
        try
        {
            model = OnnxExporter.Build(built.Network, new OnnxExportOptions { Form = form.Form, WeightPrecision = form.Precision, PerformanceHint = form.Hint, OutputPopulations = [], Classifier = built.Classifier });
            refusal = null;
            return true;
        }
        catch (Exception error) when (error is NotSupportedException or ArgumentException)
        {
            model = null;
            refusal = error.Message;
            return false;
        }
    }

    /// <summary>Every sample on the CPU engine: predicted classes and samples/s of the simulation alone.</summary>
    private static (int[] Predictions, double SamplesPerSecond) RunEngine(ThroughputNetwork network, int threads)
    {
        var backend = new CpuBackend(new CpuBackendOptions { Threads = threads });
        Predict(backend, network, network.Samples[0]);
        var predictions = new int[network.Samples.Length];
        double seconds = 0;
        for (int s = 0; s < predictions.Length; s++)
        {
            (predictions[s], double run) = Predict(backend, network, network.Samples[s]);
            seconds += run;
        }
        return (predictions, predictions.Length / seconds);
    }

    /// <summary>The spikes of every monitored population of <paramref name="sample"/> on the CPU engine.</summary>
    private static int EngineSpikes(ThroughputSample sample, int steps)
    {
        using var simulation = new CpuBackend().Compile(sample.Network);
        simulation.Run(steps * sample.Network.Dt);
        return sample.Spikes.Sum(monitor => simulation.GetSpikes(monitor).Count);
    }

    private static (int Class, double RunSeconds) Predict(CpuBackend backend, ThroughputNetwork network, float[] sample)
    {
        var built = network.Build(sample);
        using var simulation = backend.Compile(built.Network);
        var watch = Stopwatch.StartNew();
        simulation.Run(network.Steps * built.Network.Dt);
        double seconds = watch.Elapsed.TotalSeconds;
        return (ClassifierRule.Predict(built, simulation, network.Steps), seconds);
    }

    /// <summary>Feeds the samples in batches after <see cref="WarmUpRuns"/> untimed ones: all of
    /// them and at least <see cref="MinimumTimedRuns"/> batches (cycling through the samples), or,
    /// within <paramref name="budgetSeconds"/>, as many as fit after the first timed batch. Returns
    /// samples/s and the predicted classes of the samples fed, each sample once.</summary>
    private static (double SamplesPerSecond, long[] Classes) RunOnnx(InferenceSession session, OnnxModelLayout layout, ThroughputNetwork network, int batch, double budgetSeconds)
    {
        int width = network.Inputs;
        int samples = network.Samples.Length;
        var input = new float[network.Steps * batch * width];
        var classes = new List<long>();
        for (int run = 0; run < WarmUpRuns; run++)
        {
            Feed(0);
        }
        classes.Clear();
        var watch = Stopwatch.StartNew();
        int fed = 0;
        int runs = 0;
        while (double.IsPositiveInfinity(budgetSeconds)
            ? fed < samples || runs < MinimumTimedRuns
            : runs == 0 || (fed < samples && watch.Elapsed.TotalSeconds < budgetSeconds))
        {
            Feed(fed);
            fed += batch;
            runs++;
        }
        return (fed / watch.Elapsed.TotalSeconds, [.. classes]);

        void Feed(int first)
        {
            for (int b = 0; b < batch; b++)
            {
                var sample = network.Samples[(first + b) % samples];
                for (int k = 0; k < network.Steps; k++)
                {
                    sample.AsSpan(k * width, width).CopyTo(input.AsSpan((k * batch + b) * width, width));
                }
            }
            using var value = OrtValue.CreateTensorValueFromMemory(input, [network.Steps, batch, width]);
            using var options = new RunOptions();
            using var results = session.Run(options, [layout.InputName], [value], [layout.PredictedClassOutput!]);
            int firstPass = Math.Clamp(samples - first, 0, batch);
            classes.AddRange(results[0].GetTensorDataAsSpan<long>()[..firstPass].ToArray());
        }
    }

    /// <summary>A form on ONNX Runtime against the CPU engine on the first samples.</summary>
    private static (double Share, long Events, long? FirstDivergentStep, double RateDifference) SpikeAgreement(ThroughputNetwork network, ThroughputForm form, int count)
    {
        long events = 0, identical = 0, engineSpikes = 0, onnxSpikes = 0;
        long? first = null;
        for (int s = 0; s < count; s++)
        {
            var onCpu = network.Build(network.Samples[s]);
            using var cpu = new CpuBackend().Compile(onCpu.Network);
            cpu.Run(network.Steps * onCpu.Network.Dt);
            var onOnnx = network.Build(network.Samples[s]);
            using ISimulation onnx = new OnnxBackend { Form = form.Form, WeightPrecision = form.Precision, PerformanceHint = form.Hint }.Compile(onOnnx.Network);
            onnx.Run(network.Steps * onOnnx.Network.Dt);
            for (int m = 0; m < onCpu.Spikes.Length; m++)
            {
                var expected = cpu.GetSpikes(onCpu.Spikes[m]);
                var actual = onnx.GetSpikes(onOnnx.Spikes[m]);
                var set = new HashSet<(long, int)>(Enumerable.Range(0, actual.Count).Select(i => (actual.Steps[i], actual.Neurons[i])));
                for (int i = 0; i < expected.Count; i++)
                {
                    if (set.Contains((expected.Steps[i], expected.Neurons[i])))
                    {
                        identical++;
                    }
                    else
                    {
                        first = Math.Min(first ?? long.MaxValue, expected.Steps[i]);
                    }
                }
                var reverse = new HashSet<(long, int)>(Enumerable.Range(0, expected.Count).Select(i => (expected.Steps[i], expected.Neurons[i])));
                for (int i = 0; i < actual.Count; i++)
                {
                    if (!reverse.Contains((actual.Steps[i], actual.Neurons[i])))
                    {
                        first = Math.Min(first ?? long.MaxValue, actual.Steps[i]);
                    }
                }
                events += Math.Max(expected.Count, actual.Count);
                engineSpikes += expected.Count;
                onnxSpikes += actual.Count;
            }
        }
        return (events == 0 ? 1 : (double)identical / events, events, first, engineSpikes == 0 ? 0 : (double)(onnxSpikes - engineSpikes) / engineSpikes);
    }
}
