using System.Globalization;
using Snn.Bench.Running;
using Snn.Bench.Suites;
using Snn.Core.Simulation;
using Snn.Datasets;
using Snn.Datasets.Formats;
using Snn.Experiments.Nalsm;
using Snn.Learning.Readout;
using Snn.Learning.Reservoir;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>nalsm-fmnist</c> study: <see cref="NalsmExperiment"/> (Ivanov &amp; Michmizos, NeurIPS
/// 2021) on Fashion-MNIST from Debian's <c>dataset-fashion-mnist</c> (or <c>--data</c>): liquid of
/// <c>--liquid</c> 1000 or 8000 neurons, <c>--variant</c> nalsm (astrocyte-modulated STDP, the
/// default), lsm-stdp (STDP with A fixed) or lsm (fixed weights), each on the CPU engine with one
/// thread per network and <c>--threads</c> networks at once. Full: the paper's protocol (50 000
/// initialisation presentations, 50 000 train / 10 000 validation / 10 000 test: many hours);
/// <c>--quick</c>: <see cref="NalsmOptions.Quick"/>'s counts (5 000 / 1 000 / 1 000, 5 000
/// initialisation presentations); <c>--size N</c>: N training samples and initialisation
/// presentations, max(10, N / 4) validation and test, 50 ms presentations, 20 readout epochs
/// (a smoke test). Input-spike seed:
/// <c>--seed</c>. <c>--features FILE</c> reads the liquid's spike counts from FILE when it exists
/// (written by an earlier run of the same protocol) and skips the simulation, removing a stale
/// FILE.partial of the same protocol left next to it (<see cref="LiquidFeatureRun.Load"/>), else writes them
/// there, keeping the progress in FILE.partial meanwhile so that a stopped or killed run resumes
/// (<see cref="LiquidFeatureRun"/>; the first Ctrl+C or SIGTERM stops after the chunks in flight, a
/// second one at once); <c>--readout</c> adam (default) or paper (<see cref="SoftmaxOptions.Paper"/>). Metrics and findings: test and validation accuracy of the softmax readout, the
/// ridge readout's, branching factor, liquid rate, and each phase's wall time.
/// </summary>
public static class NalsmAnalysis
{
    /// <summary>The variant with astrocyte-modulated STDP.</summary>
    public const string Nalsm = "nalsm";

    /// <summary>The variant with STDP and the astrocyte signal fixed.</summary>
    public const string LsmStdp = "lsm-stdp";

    /// <summary>The variant with fixed weights.</summary>
    public const string Lsm = "lsm";

    /// <summary>The paper's NALSM 1000 test accuracy (%), mean ± <see cref="PaperNalsm1000SdPercent"/>.</summary>
    public const double PaperNalsm1000Percent = 83.05;

    /// <summary>Its standard deviation (%).</summary>
    public const double PaperNalsm1000SdPercent = 0.21;

    /// <summary>The paper's NALSM 8000 test accuracy (%), mean ± <see cref="PaperNalsm8000SdPercent"/>.</summary>
    public const double PaperNalsm8000Percent = 85.61;

    /// <summary>Its standard deviation (%).</summary>
    public const double PaperNalsm8000SdPercent = 0.18;

    /// <summary>Softmax epochs of <c>--size N</c>.</summary>
    public const int TinyEpochs = 20;

    /// <summary>Length of a feature presentation of <c>--size N</c> (ms): a smoke test, not the paper's 250 ms.</summary>
    public const int TinyPresentationMs = 50;

    /// <summary>The branching factor's margin at <c>--size</c> (ms at each end of the short presentations).</summary>
    public const int TinyBranchingMarginMs = 5;

    /// <summary>The softmax readout trained by Adam (<see cref="SoftmaxOptions"/>' defaults).</summary>
    public const string AdamReadout = "adam";

    /// <summary>The authors' softmax readout (<see cref="SoftmaxOptions.Paper"/>).</summary>
    public const string PaperReadout = "paper";

    /// <summary>Every spike's kernel summed (<see cref="SynapticKernel.Summed"/>).</summary>
    public const string SummedKernel = "summed";

    /// <summary>The authors' kernel of each presynaptic neuron's last spike (<see cref="SynapticKernel.LastSpike"/>).</summary>
    public const string LastSpikeKernel = "last-spike";

    /// <summary><paramref name="options"/> with the kernel <c>--kernel</c> names in <paramref name="context"/>
    /// (the preset's, the authors' last-spike kernel, when none is named).</summary>
    public static NalsmOptions WithKernel(NalsmOptions options, StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        return context.NalsmStudy.Kernel switch
        {
            null => options,
            SummedKernel => options with { Kernel = SynapticKernel.Summed },
            _ => options with { Kernel = SynapticKernel.LastSpike },
        };
    }

    /// <summary>The kernels <c>--kernel</c> accepts.</summary>
    public static IReadOnlyList<string> Kernels { get; } = [SummedKernel, LastSpikeKernel];

    /// <summary>The readouts <c>--readout</c> accepts.</summary>
    public static IReadOnlyList<string> Readouts { get; } = [AdamReadout, PaperReadout];

    /// <summary>The variants <c>--variant</c> accepts.</summary>
    public static IReadOnlyList<string> Variants { get; } = [Nalsm, LsmStdp, Lsm];

    /// <summary>The liquid sizes <c>--liquid</c> accepts.</summary>
    public static IReadOnlyList<int> Liquids { get; } = [1000, 8000];

    /// <summary>Why the study cannot run (Fashion-MNIST is missing), or null.</summary>
    public static string? CheckInputs(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Backend is { } backend && !LiquidEngines.Contains(backend, StringComparer.OrdinalIgnoreCase))
        {
            return $"nalsm-fmnist: --backend {backend} cannot run the liquid (astrocyte-modulated STDP, short-term plasticity, weights read back); use {string.Join(" or ", LiquidEngines)}.";
        }
        return CrossbarDataSets.FashionMnistMissing(context.DataDirectory) is { } missing ? "nalsm-fmnist: " + missing : null;
    }

    /// <summary>The engines that run the NALSM liquid: the CPU engine (default) and the GPU engine,
    /// which gives the CPU engine's weights and spike counts bit for bit.</summary>
    public static IReadOnlyList<string> LiquidEngines { get; } = ["cpu", "gpu"];

    /// <summary>The engine of <paramref name="context"/>'s liquid: <c>--backend</c> (cpu or gpu), the
    /// CPU engine by default, one thread per network (the protocol runs its workers side by side).</summary>
    public static IBackend LiquidBackend(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return BackendFactory.Create(context.Backend ?? LiquidEngines[0], 1);
    }

    /// <summary>The protocol of <paramref name="context"/>: the variant's preset at the liquid size, with the counts of <c>--quick</c> or <c>--size</c>.</summary>
    public static NalsmOptions Options(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int liquid = context.NalsmStudy.Liquid ?? 1000;
        string variant = context.NalsmStudy.Variant ?? Nalsm;
        var liquidOptions = liquid == 8000 ? LiquidOptions.Liquid8000 : LiquidOptions.Liquid1000;
        var preset = variant switch
        {
            Nalsm => liquid == 8000 ? NalsmOptions.Nalsm8000 : NalsmOptions.Nalsm1000,
            LsmStdp => NalsmOptions.LsmStdp1000 with { Liquid = liquidOptions },
            Lsm => NalsmOptions.Lsm1000 with { Liquid = liquidOptions },
            _ => throw new ArgumentException($"--variant {variant} is not one of {string.Join(", ", Variants)}.", nameof(context)),
        };
        preset = preset with { Seed = context.Seed, Workers = context.Threads ?? Environment.ProcessorCount };
        if (context.NalsmStudy.Readout == PaperReadout)
        {
            preset = preset with { Softmax = SoftmaxOptions.Paper };
        }
        preset = WithKernel(preset, context);
        bool initialises = preset.InitializationSamples > 0;
        if (context.Size is int n)
        {
            int held = Math.Max(10, n / 4);
            return preset with
            {
                InitializationSamples = initialises ? n : 0, TrainCount = n, ValidationCount = held, TestCount = held,
                BranchingSamples = Math.Min(preset.BranchingSamples, n), BranchingMarginMs = TinyBranchingMarginMs, ChunkSamples = Math.Min(preset.ChunkSamples, n), PresentationMs = TinyPresentationMs,
                Softmax = preset.Softmax with { Epochs = TinyEpochs },
            };
        }
        if (context.Quick)
        {
            var quick = NalsmOptions.Quick;
            return preset with
            {
                InitializationSamples = initialises ? quick.InitializationSamples : 0, TrainCount = quick.TrainCount, ValidationCount = quick.ValidationCount,
                TestCount = quick.TestCount, BranchingSamples = quick.BranchingSamples,
            };
        }
        return preset;
    }

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = Options(context);
        int liquid = context.NalsmStudy.Liquid ?? 1000;
        string variant = context.NalsmStudy.Variant ?? Nalsm;
        bool full = context.Size is null && !context.Quick;
        var progress = new PhaseProgress(context, options);
        var (features, source) = Features(context, options, full, progress);
        var result = NalsmExperiment.Evaluate(features, options, progress);

        var metrics = new Dictionary<string, double>
        {
            ["liquid_neurons"] = options.Liquid.GridX * options.Liquid.GridY * options.Liquid.GridZ,
            ["initialization_samples"] = options.InitializationSamples,
            ["train_samples"] = options.TrainCount,
            ["validation_samples"] = options.ValidationCount,
            ["test_samples"] = options.TestCount,
            ["test_accuracy_percent"] = 100 * result.TestAccuracy,
            ["validation_accuracy_percent"] = 100 * result.ValidationAccuracy,
            ["best_epoch"] = result.BestEpoch,
            ["ridge_test_accuracy_percent"] = 100 * (result.RidgeTestAccuracy ?? double.NaN),
            ["ridge_validation_accuracy_percent"] = 100 * (result.RidgeValidationAccuracy ?? double.NaN),
            ["branching_factor"] = result.Liquid.BranchingFactor,
            ["mean_rate_hz"] = result.Liquid.MeanRateHz,
            ["liquid_synapses"] = result.Liquid.LiquidSynapses,
            ["input_synapses"] = result.Liquid.InputSynapses,
            ["initialization_seconds"] = result.Liquid.InitializationSeconds,
            ["feature_seconds"] = result.Liquid.FeatureSeconds,
            ["readout_seconds"] = result.ReadoutSeconds,
            ["feature_ms_per_sample"] = result.FeatureMsPerSample,
            ["initialization_ms_per_sample"] = result.InitializationMsPerSample,
        };
        var findings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{variant} {liquid} ({options.Mode}) on Fashion-MNIST: {options.InitializationSamples} initialisation presentations of {options.InitializationMs} ms, "
                + $"{options.TrainCount} train / {options.ValidationCount} validation / {options.TestCount} test presented for {options.PresentationMs} ms; "
                + $"{result.Liquid.LiquidSynapses} liquid and {result.Liquid.InputSynapses} input synapses; {options.Workers} networks at once, seed {options.Seed}"),
            string.Create(CultureInfo.InvariantCulture,
                $"softmax readout ({context.NalsmStudy.Readout ?? AdamReadout}: {options.Softmax.Optimizer}): test {100 * result.TestAccuracy:F2} %, validation {100 * result.ValidationAccuracy:F2} % (epoch {result.BestEpoch} of {options.Softmax.Epochs})"),
            result.RidgeTestAccuracy is double ridgeTest
                ? string.Create(CultureInfo.InvariantCulture,
                    $"ridge readout (lambda {options.RidgePenalty}): test {100 * ridgeTest:F2} %, validation {100 * (result.RidgeValidationAccuracy ?? double.NaN):F2} %")
                : "ridge readout: skipped",
            string.Create(CultureInfo.InvariantCulture,
                $"branching factor {result.Liquid.BranchingFactor:F3} (edge of chaos: 1), mean liquid rate {result.Liquid.MeanRateHz:F2} Hz"),
            string.Create(CultureInfo.InvariantCulture,
                $"wall time: initialisation {result.Liquid.InitializationSeconds:F1} s ({result.InitializationMsPerSample:F2} ms per presentation), "
                + $"features {result.Liquid.FeatureSeconds:F1} s ({result.FeatureMsPerSample:F2} ms per sample), readouts {result.ReadoutSeconds:F1} s"),
            Paper(variant, liquid, full, result.TestAccuracy),
            source,
        };
        metrics["paper_accuracy_percent"] = variant == Nalsm ? (liquid == 8000 ? PaperNalsm8000Percent : PaperNalsm1000Percent) : double.NaN;
        return new SuiteAnalysis(metrics, findings);
    }

    private static string Paper(string variant, int liquid, bool full, double accuracy)
    {
        if (variant != Nalsm)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"paper (full protocol): NALSM 1000 {PaperNalsm1000Percent:F2} ± {PaperNalsm1000SdPercent:F2} %, NALSM 8000 {PaperNalsm8000Percent:F2} ± {PaperNalsm8000SdPercent:F2} %; this run is the {variant} baseline");
        }
        double paper = liquid == 8000 ? PaperNalsm8000Percent : PaperNalsm1000Percent;
        double sd = liquid == 8000 ? PaperNalsm8000SdPercent : PaperNalsm1000SdPercent;
        string scope = full ? "the same protocol" : "reduced counts: not comparable";
        return string.Create(CultureInfo.InvariantCulture,
            $"paper NALSM {liquid}: {paper:F2} ± {sd:F2} %; this run {100 * accuracy:F2} % ({100 * accuracy - paper:+0.00;-0.00} points; {scope})");
    }

    /// <summary>The liquid's responses: read from <c>--features</c> when that file exists, else simulated (and written there when given).</summary>
    private static (LiquidFeatures Features, string Source) Features(StudyContext context, NalsmOptions options, bool full, PhaseProgress progress)
    {
        if (context.NalsmStudy.Features is { } path && File.Exists(path))
        {
            context.Report("reading liquid features");
            var (saved, removedStale) = LiquidFeatureRun.Load(path);
            string stale = removedStale
                ? $"; removed the stale {LiquidFeatureRun.PartialPath(path)} left by a run stopped after writing {path} (its chunks are all in {path})"
                : "";
            return (saved, $"liquid features read from {path} (simulated by an earlier run; its wall times above){stale}");
        }
        context.Report("reading Fashion-MNIST");
        var train = Images(DataSplit.Train, full ? int.MaxValue : options.TrainCount + options.ValidationCount, context.DataDirectory);
        var test = Images(DataSplit.Test, options.TestCount, context.DataDirectory);
        var backend = LiquidBackend(context);
        context.Report($"simulating the liquid on the {backend.Name} engine");
        if (context.NalsmStudy.Features is not { } target)
        {
            return (NalsmExperiment.Simulate(options, backend, train, test, progress), $"liquid features simulated on the {backend.Name} engine (not saved: no --features)");
        }
        string partial = LiquidFeatureRun.PartialPath(target);
        string? resumed = null;
        using var stop = new StopSignal();
        LiquidFeatures written;
        try
        {
            written = LiquidFeatureRun.Simulate(options, backend, train, test, target, summary =>
            {
                resumed = summary;
                progress.Resumed = $"resumed from {partial}: {summary}";
                context.Report(progress.Resumed);
            }, progress, stop.Token);
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
        {
            throw new InvalidOperationException($"nalsm-fmnist stopped by a signal after its chunks in flight; {partial} keeps every finished chunk (and W_INI once the initialisation is done): run the same command to resume.");
        }
        return (written, resumed is null
            ? $"liquid features simulated on the {backend.Name} engine and written to {target} (progress kept in {partial} while running)"
            : $"liquid features simulated on the {backend.Name} engine and written to {target}, resumed from {partial} ({resumed}); wall times add up the sessions");
    }

    private static LabelledImages Images(DataSplit split, int count, string? directory)
    {
        var images = new List<float[]>();
        var labels = new List<int>();
        foreach (var image in IdxDataset.FashionMnist(split, directory).Take(count))
        {
            images.Add(image.ToIntensities());
            labels.Add(image.Label);
        }
        return new LabelledImages([.. images], [.. labels]);
    }

    /// <summary>Turns the experiment's per-phase progress into the study's stage and fraction done,
    /// each phase weighted by the milliseconds it simulates (the readout by a twentieth of the total).</summary>
    private sealed class PhaseProgress : IProgress<ReservoirProgress>
    {
        private readonly StudyContext _context;
        private readonly (string Phase, double Weight)[] _phases;
        private readonly double _total;

        /// <summary>What a resumed run found saved, shown after every stage; null when nothing was resumed.</summary>
        public string? Resumed { get; set; }

        public PhaseProgress(StudyContext context, NalsmOptions options)
        {
            _context = context;
            double simulated = (double)options.InitializationSamples * options.InitializationMs
                + (double)(options.TrainCount + options.ValidationCount + options.TestCount) * options.PresentationMs;
            _phases =
            [
                ("initialisation", (double)options.InitializationSamples * options.InitializationMs),
                ("features train", (double)options.TrainCount * options.PresentationMs),
                ("features validation", (double)options.ValidationCount * options.PresentationMs),
                ("features test", (double)options.TestCount * options.PresentationMs),
                ("readout", simulated / 20),
            ];
            _total = _phases.Sum(p => p.Weight);
        }

        public void Report(ReservoirProgress value)
        {
            double before = 0;
            foreach (var (phase, weight) in _phases)
            {
                if (phase == value.Phase)
                {
                    _context.ReportFraction((before + weight * value.Done / Math.Max(1, value.Total)) / _total);
                    break;
                }
                before += weight;
            }
            string stage = string.Create(CultureInfo.InvariantCulture, $"{value.Phase} {value.Done}/{value.Total}");
            _context.Report(Resumed is null ? stage : $"{stage} ({Resumed})");
        }
    }
}
