using System.Globalization;
using Snn.Bench.Plotting;
using Snn.Bench.Suites;
using Snn.Datasets.Catalog;
using Snn.Experiments.Delays;
using Snn.Learning.Gradient;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>delays-shd</c> study: <see cref="ShdRecipe"/> (Hammouamri et al., ICLR 2024: 95.07 ±
/// 0.24 % with learned delays) on the Spiking Heidelberg Digits read from <c>--data DIR</c>
/// (default: the cache's <c>shd</c> folder), which must hold <see cref="TrainFile"/> and
/// <see cref="TestFile"/>. Full: every sample, the paper's 150 epochs (hours on a CPU);
/// <c>--quick</c>: 1000 training and 500 test samples (evenly spaced over the files), 3 epochs;
/// <c>--size N</c>: N training and N / 4 test samples. Training seed <c>--seed</c>.
/// </summary>
public static class DelayShdAnalysis
{
    /// <summary>The training file.</summary>
    public const string TrainFile = "shd_train.h5";

    /// <summary>The test file.</summary>
    public const string TestFile = "shd_test.h5";

    /// <summary>The learning-curve plot.</summary>
    public const string Plot = "delays-shd.png";

    /// <summary>The paper's test accuracy with learned delays (%).</summary>
    public const double PaperAccuracyPercent = 95.07;

    /// <summary>Where SHD is published.</summary>
    public const string DownloadPage = "https://zenkelab.org/resources/spiking-heidelberg-datasets-shd/";

    /// <summary>Epochs of <c>--quick</c>.</summary>
    public const int QuickEpochs = 3;

    /// <summary>The folder the study reads: <c>--data</c>, else <c>&lt;cache&gt;/shd</c>.</summary>
    public static string DataDirectory(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.DataDirectory ?? Path.Combine(DatasetCatalog.CacheDirectory, "shd");
    }

    /// <summary>Why the study cannot run (the SHD files are missing, with where to get them), or null.</summary>
    public static string? CheckInputs(StudyContext context)
    {
        string directory = DataDirectory(context);
        string[] missing = [.. new[] { TrainFile, TestFile }.Where(f => !File.Exists(Path.Combine(directory, f)))];
        if (missing.Length == 0)
        {
            return null;
        }
        return $"delays-shd needs the Spiking Heidelberg Digits: {string.Join(" and ", missing)} not found in {directory}. "
            + $"Download shd_train.h5.zip and shd_test.h5.zip from {DownloadPage} (or with Snn.Datasets' DatasetDownloader), "
            + "unzip them into one folder and pass --data DIR (or put them in <cache>/shd; snn-bench datasets shows the cache).";
    }

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string directory = DataDirectory(context);
        int? trainCount = context.Size ?? (context.Quick ? 1000 : null);
        int? testCount = context.Size is int n ? Math.Max(10, n / 4) : context.Quick ? 500 : null;
        int epochs = context.Quick ? QuickEpochs : ShdRecipe.Options.Epochs;
        context.Report("reading SHD");
        var train = DelayDataSets.Shd(Path.Combine(directory, TrainFile), trainCount);
        var test = DelayDataSets.Shd(Path.Combine(directory, TestFile), testCount);
        var result = ShdRecipe.Run(train, test, context.Seed, epochs, new EpochProgress(context, epochs));

        var metrics = new Dictionary<string, double>
        {
            ["train_samples"] = train.Count,
            ["test_samples"] = test.Count,
            ["epochs"] = epochs,
            ["test_accuracy_percent"] = 100 * result.TestAccuracy,
            ["paper_accuracy_percent"] = PaperAccuracyPercent,
            ["samples_per_second"] = result.SamplesPerSecond,
        };
        var findings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"SHD ({directory}): {train.Count} train / {test.Count} test samples, 140 channels (700 pooled by {ShdRecipe.PoolFactor}), {ShdRecipe.Steps} steps of {ShdRecipe.BinMs} ms; 2 x 256 LIF, learned delays K = 25, {epochs} epochs, seed {context.Seed}"),
            string.Create(CultureInfo.InvariantCulture,
                $"test accuracy {100 * result.TestAccuracy:F2} % (paper, full recipe: {PaperAccuracyPercent:F2} ± 0.24 %); {result.SamplesPerSecond:F0} samples/s"),
            "epoch  train loss  train acc.  test acc.  sigma",
        };
        findings.AddRange(result.History.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"{e.Epoch,5}  {e.TrainLoss,10:F4}  {100 * e.TrainAccuracy,9:F2}%  {100 * e.TestAccuracy,8:F2}%  {e.Sigma,5:F2}")));

        IReadOnlyList<string> WritePlot(string folder)
        {
            double[] x = result.History.Select(e => (double)e.Epoch).ToArray();
            return
            [
                StudyPlots.Lines(Path.Combine(folder, Plot), "SHD with learned delays (ShdRecipe)", "epoch", "accuracy (%)", x,
                    [("train", result.History.Select(e => 100 * e.TrainAccuracy).ToArray()), ("test", result.History.Select(e => 100 * e.TestAccuracy).ToArray())],
                    PaperAccuracyPercent, "paper (150 epochs)", legend: ScottPlot.Alignment.LowerRight),
            ];
        }

        return new SuiteAnalysis(metrics, findings, WritePlot);
    }

    /// <summary>Reports each finished epoch to the study's status.</summary>
    private sealed class EpochProgress(StudyContext context, int epochs) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value)
            => context.Report(string.Create(CultureInfo.InvariantCulture, $"epoch {value.Epoch}/{epochs}: test {100 * value.TestAccuracy:F1} %"));
    }
}
