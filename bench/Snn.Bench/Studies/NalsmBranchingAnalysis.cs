using System.Globalization;
using ScottPlot;
using Snn.Backends.Cpu;
using Snn.Bench.Plotting;
using Snn.Bench.Suites;
using Snn.Datasets;
using Snn.Datasets.Formats;
using Snn.Experiments.Nalsm;
using Snn.Learning.Reservoir;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>nalsm-branching</c> study: <see cref="AstrocyteSweep"/> over the paper's w_A values
/// (0.002, 0.015, 0.1, 0.2) on the NALSM 1000 liquid with Fashion-MNIST training images: each gain
/// initialises the same liquid (full: the protocol's 50 000 presentations of 20 ms; <c>--quick</c>:
/// 5 000; <c>--size N</c>: N) and its branching factor and rate are measured over the first training
/// samples presented for 250 ms (full 1 000, quick 200, <c>--size N</c>: max(10, N / 4) of 50 ms).
/// The paper's claim: the branching factor falls as w_A grows. Writes <c>nalsm-branching.png</c>.
/// </summary>
public static class NalsmBranchingAnalysis
{
    /// <summary>The gains of the paper's sweep.</summary>
    public static IReadOnlyList<double> AstrocyteWeights { get; } = [0.002, 0.015, 0.1, 0.2];

    /// <summary>Why the study cannot run (Fashion-MNIST is missing), or null.</summary>
    public static string? CheckInputs(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CrossbarDataSets.FashionMnistMissing(context.DataDirectory) is { } missing ? "nalsm-branching: " + missing : null;
    }

    /// <summary>The protocol and the number of measured samples for <paramref name="context"/>.</summary>
    public static (NalsmOptions Options, int Measured) Options(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = NalsmAnalysis.WithKernel(NalsmOptions.Nalsm1000, context) with { Seed = context.Seed, Workers = context.Threads ?? Environment.ProcessorCount };
        if (context.Size is int n)
        {
            return (options with { InitializationSamples = n, PresentationMs = NalsmAnalysis.TinyPresentationMs, BranchingMarginMs = NalsmAnalysis.TinyBranchingMarginMs, ChunkSamples = Math.Min(options.ChunkSamples, n) }, Math.Max(10, n / 4));
        }
        return context.Quick ? (options with { InitializationSamples = NalsmOptions.Quick.InitializationSamples }, 200) : (options, 1000);
    }

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (options, measured) = Options(context);
        context.Report("reading Fashion-MNIST");
        var images = IdxDataset.FashionMnist(DataSplit.Train, context.DataDirectory).Take(options.TrainCount).Select(i => i.ToIntensities()).ToArray();
        float scale = InputEncoding.NormalizationScale(images);
        var probabilities = images.Select(i => InputEncoding.Probabilities(i, scale)).ToArray();
        double perWeight = options.InitializationSamples * (double)options.InitializationMs + measured * (double)options.PresentationMs;
        int index = 0;
        var progress = new Progress(context, perWeight, options.InitializationMs, options.PresentationMs, () => index);
        var points = new List<AstrocyteSweepPoint>();
        foreach (double weight in AstrocyteWeights)
        {
            points.Add(AstrocyteSweep.Run(options, [weight], new CpuBackend(new CpuBackendOptions { Threads = 1 }), probabilities, measured, progress)[0]);
            index++;
        }
        var metrics = new Dictionary<string, double>
        {
            ["initialization_samples"] = options.InitializationSamples,
            ["measured_samples"] = measured,
        };
        var findings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"NALSM 1000, seed {options.Seed}: per w_A {options.InitializationSamples} initialisation presentations of {options.InitializationMs} ms, then branching over {measured} training samples of {options.PresentationMs} ms"),
        };
        foreach (var point in points)
        {
            string key = point.AstrocyteWeight.ToString(CultureInfo.InvariantCulture);
            metrics[$"branching_wA_{key}"] = point.BranchingFactor;
            metrics[$"rate_hz_wA_{key}"] = point.MeanRateHz;
            findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"w_A {point.AstrocyteWeight,-6}: branching factor {point.BranchingFactor:F3}, liquid rate {point.MeanRateHz:F1} Hz, mean W_INI E {point.MeanExcitatoryWeight:F3}, I {point.MeanInhibitoryWeight:F3}, |input| {point.MeanAbsoluteInputWeight:F3}"));
        }
        bool falling = points.Zip(points.Skip(1)).All(pair => pair.Second.BranchingFactor < pair.First.BranchingFactor);
        metrics["branching_falls_with_wA"] = falling ? 1 : 0;
        findings.Add(falling ? "the branching factor falls at every step as w_A grows, as in the paper" : "the branching factor does NOT fall at every step as w_A grows");
        return new SuiteAnalysis(metrics, findings, directory => [Plot(Path.Combine(directory, "nalsm-branching.png"), points)]);
    }

    private static string Plot(string path, IReadOnlyList<AstrocyteSweepPoint> points)
    {
        var plot = new Plot();
        var line = plot.Add.ScatterLine(points.Select(p => Math.Log10(p.AstrocyteWeight)).ToArray(), points.Select(p => p.BranchingFactor).ToArray());
        line.MarkerSize = 8;
        plot.Add.HorizontalLine(1, pattern: LinePattern.Dashed);
        plot.Title("NALSM 1000: branching factor vs astrocyte gain");
        plot.XLabel("log10 w_A");
        plot.YLabel("branching factor");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        PlotFile.SavePng(plot, path, 900, 500);
        return path;
    }

    /// <summary>Turns the sweep's per-phase progress into the fraction done over all gains, weighted by simulated ms.</summary>
    private sealed class Progress(StudyContext context, double perWeight, int initializationMs, int presentationMs, Func<int> index) : IProgress<ReservoirProgress>
    {
        private string _phase = "";

        public void Report(ReservoirProgress value)
        {
            if (value.Phase != _phase)
            {
                _phase = value.Phase;
                context.Report(value.Phase);
            }
            bool initialising = value.Phase.StartsWith("initialisation", StringComparison.Ordinal);
            double done = initialising ? value.Done * (double)initializationMs : perWeight - (value.Total - value.Done) * (double)presentationMs;
            context.ReportFraction((index() * perWeight + done) / (perWeight * AstrocyteWeights.Count));
        }
    }
}
