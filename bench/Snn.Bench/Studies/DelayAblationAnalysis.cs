using System.Globalization;
using Snn.Bench.Plotting;
using Snn.Bench.Suites;
using Snn.Datasets;
using Snn.Experiments.Delays;
using Snn.Learning.Gradient;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>delays-ablation</c> study: <see cref="DelayAblation"/> (Hammouamri et al., ICLR 2024,
/// Table 2) trains the same network with no delays, fixed random delays and learned (DCLS) delays,
/// three seeds each (<c>--seed</c>, +1, +2; <c>--seed 1</c> gives the published seeds 1, 2, 3), on
/// (a) the synthetic temporal-pattern task (6 channels, 20 classes, 500 ms, jitter 5 ms, 10 ms
/// bins; 2 × 32 LIF, K = 25, σ₀ = 12, batch 32, 8 epochs; 2000 train / 500 test) and (b)
/// row-sequential Fashion-MNIST (2 × 64, K = 9, σ₀ = 4, batch 64, 3 epochs; 5000 train / 2000
/// test) from Debian's <c>dataset-fashion-mnist</c> or <c>--data</c>; without it (b) is skipped
/// with a message. <c>--quick</c>: 600 / 200 and 1000 / 500 samples. <c>--size N</c>: N training
/// and N / 4 test samples per task. Findings: mean ± sd per arm and the mean learning curves;
/// files: one learning-curve PNG per task.
/// </summary>
public static class DelayAblationAnalysis
{
    /// <summary>The learning curves of the temporal-pattern task.</summary>
    public const string TimingPlot = "delays-ablation-temporal-pattern.png";

    /// <summary>The learning curves of row-sequential Fashion-MNIST.</summary>
    public const string FashionPlot = "delays-ablation-fashion-mnist.png";

    /// <summary>Training seeds per arm.</summary>
    public const int Seeds = 3;

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ulong[] seeds = Enumerable.Range(0, Seeds).Select(k => context.Seed + (ulong)k).ToArray();
        var progress = new Progress(context);
        var metrics = new Dictionary<string, double>();
        var findings = new List<string>();
        var plots = new List<(string File, string Title, AblationResult Result, int Classes)>();

        var (timingTrain, timingTest) = Sizes(context, full: (2000, 500), quick: (600, 200));
        var task = DelayDataSets.TimingTask();
        context.Report("temporal-pattern task: data");
        var train = DelayDataSets.Timing(task, 0, timingTrain);
        var test = DelayDataSets.Timing(task, timingTrain, timingTest);
        var (config, options) = DelayAblation.TimingTask(task.Channels, task.Classes);
        var timing = DelayAblation.Run($"temporal-pattern (6 ch, 20 classes, 500 ms, jitter 5 ms, 10 ms bins; {train.Count} train / {test.Count} test)",
            train, test, config, options, seeds, progress);
        Report(timing, "temporal_pattern", metrics, findings);
        plots.Add((TimingPlot, "temporal-pattern task", timing, task.Classes));

        var (fashionTrain, fashionTest) = Sizes(context, full: (5000, 2000), quick: (1000, 500));
        SpikeTensorSet? imagesTrain = null;
        SpikeTensorSet? imagesTest = null;
        try
        {
            context.Report("Fashion-MNIST: data");
            imagesTrain = DelayDataSets.FashionMnist(DataSplit.Train, fashionTrain, context.DataDirectory);
            imagesTest = DelayDataSets.FashionMnist(DataSplit.Test, fashionTest, context.DataDirectory);
        }
        catch (FileNotFoundException e)
        {
            findings.Add($"row-sequential Fashion-MNIST skipped: {e.Message} Install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or pass --data DIR.");
            metrics["fashion_mnist_ran"] = 0;
        }
        if (imagesTrain is not null && imagesTest is not null)
        {
            var (imageConfig, imageOptions) = DelayAblation.RowSequentialImages(28, 10);
            var images = DelayAblation.Run($"row-sequential Fashion-MNIST (pixel >= 128; {imagesTrain.Count} train / {imagesTest.Count} test)",
                imagesTrain, imagesTest, imageConfig, imageOptions, seeds, progress);
            Report(images, "fashion_mnist", metrics, findings);
            metrics["fashion_mnist_ran"] = 1;
            plots.Add((FashionPlot, "row-sequential Fashion-MNIST", images, 10));
        }

        IReadOnlyList<string> WritePlots(string directory) => plots.Select(p => LearningCurves(Path.Combine(directory, p.File), p.Title, p.Result, p.Classes)).ToArray();
        return new SuiteAnalysis(metrics, findings, WritePlots);
    }

    /// <summary>The metric-name form of an arm: none, fixed_random, learned.</summary>
    public static string ArmKey(DelayMode arm) => arm switch
    {
        DelayMode.None => "none",
        DelayMode.FixedRandom => "fixed_random",
        _ => "learned",
    };

    /// <summary>Each epoch's test accuracy (%) averaged over the arm's seeds.</summary>
    public static double[] MeanCurve(AblationResult result, DelayMode arm)
    {
        ArgumentNullException.ThrowIfNull(result);
        var runs = result.Runs.Where(r => r.Arm == arm).ToArray();
        int epochs = runs.Min(r => r.History.Count);
        return Enumerable.Range(0, epochs).Select(e => 100 * runs.Average(r => r.History[e].TestAccuracy)).ToArray();
    }

    private static (int Train, int Test) Sizes(StudyContext context, (int Train, int Test) full, (int Train, int Test) quick)
        => context.Size is int n ? (n, Math.Max(10, n / 4)) : context.Quick ? quick : full;

    private static void Report(AblationResult result, string key, Dictionary<string, double> metrics, List<string> findings)
    {
        findings.AddRange(result.ToTable().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var arm in result.Arms)
        {
            string prefix = $"{key}_{ArmKey(arm.Arm)}";
            metrics[prefix + "_accuracy_mean_percent"] = 100 * arm.MeanAccuracy;
            metrics[prefix + "_accuracy_sd_percent"] = 100 * arm.StandardDeviation;
            metrics[prefix + "_samples_per_second"] = arm.SamplesPerSecond;
            findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"  curve {arm.Arm} (mean test accuracy % per epoch): {string.Join(" ", MeanCurve(result, arm.Arm).Select(a => a.ToString("F1", CultureInfo.InvariantCulture)))}"));
        }
        metrics[key + "_ordering_holds"] = result.OrderingHolds ? 1 : 0;
        findings.Add($"  learned > fixed random > none: {(result.OrderingHolds ? "holds" : "does NOT hold")}");
    }

    private static string LearningCurves(string path, string title, AblationResult result, int classes)
    {
        var series = DelayAblation.Arms.Select(arm => (Name: $"{arm} (mean of {result.Runs.Count(r => r.Arm == arm)} seeds)", Y: MeanCurve(result, arm))).ToArray();
        int epochs = series.Min(s => s.Y.Length);
        double[] x = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
        return StudyPlots.Lines(path, $"{title}: test accuracy with no, fixed random and learned delays", "epoch", "test accuracy (%)", x,
            series.Select(s => (s.Name, s.Y[..epochs])).ToArray(), 100.0 / classes, "chance", legend: ScottPlot.Alignment.LowerRight);
    }

    /// <summary>Forwards the ablation's per-run lines to the study's status.</summary>
    private sealed class Progress(StudyContext context) : IProgress<string>
    {
        public void Report(string value) => context.Report(value);
    }
}
