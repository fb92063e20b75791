using System.Globalization;
using SkiaSharp;
using Snn.Bench.Cli;
using Snn.Bench.Results;
using Snn.Bench.Studies;

namespace Snn.Bench.Tests.Studies;

public class DelayStudyTests
{
    private static readonly string[] Arms = ["none", "fixed_random", "learned"];

    /// <summary>End to end (a few seconds): the quick ablation on 40 training samples per task.</summary>
    [Fact]
    public void TinyQuickAblationReportsThreeArmsPerTaskAndALearningCurvePlot()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "delays-ablation", "--quick", "--size", "40", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        Assert.Equal("delays-ablation", study.Study);
        string[] tasks = study.Metrics["fashion_mnist_ran"] == 1 ? ["temporal_pattern", "fashion_mnist"] : ["temporal_pattern"];
        foreach (string task in tasks)
        {
            var table = study.Findings.SkipWhile(f => !f.StartsWith(task == "temporal_pattern" ? "temporal-pattern" : "row-sequential", StringComparison.Ordinal)).ToArray();
            foreach (string arm in Arms)
            {
                // The table's per-seed accuracies (10 test samples each: multiples of 10 %) give the reported mean and sample SD.
                string name = arm switch { "none" => "None", "fixed_random" => "FixedRandom", _ => "Learned" };
                var cells = table.First(f => f.StartsWith($"| {name} |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
                var seeds = cells[4].Split(',').Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray();
                Assert.Equal(3, seeds.Length);
                Assert.All(seeds, a => Assert.Equal(0, a % 10, 9));
                double mean = seeds.Average();
                double sd = Math.Sqrt(seeds.Sum(a => (a - mean) * (a - mean)) / 2);
                Assert.Equal(mean, study.Metrics[$"{task}_{arm}_accuracy_mean_percent"], 9);
                Assert.Equal(sd, study.Metrics[$"{task}_{arm}_accuracy_sd_percent"], 9);
                Assert.True(study.Metrics[$"{task}_{arm}_samples_per_second"] > 0);
            }
        }
        Assert.Contains(DelayAblationAnalysis.TimingPlot, study.Files);
        Assert.Equal(tasks.Length, study.Files.Count);
        foreach (string file in study.Files)
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(directory.Path, file));
            Assert.NotNull(bitmap);
        }
        foreach (string arm in new[] { "| None | 3 |", "| FixedRandom | 3 |", "| Learned | 3 |" })
        {
            Assert.Contains(arm, console.Text);
        }
    }

    [Fact]
    public void ShdStudyWithoutTheFilesSaysWhereToGetThemAndRunsNothing()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "cuba", "delays-shd", "--data", directory.Path, "--out", Path.Combine(directory.Path, "out")]);

        Assert.Equal(1, code);
        Assert.Contains("shd_train.h5 and shd_test.h5 not found", console.Text);
        Assert.Contains("--data DIR", console.Text);
        Assert.False(Directory.Exists(Path.Combine(directory.Path, "out")));
    }

    /// <summary>End to end: the SHD recipe, quick, on a three-sample file in SHD's layout (Snn.Datasets' fixture).</summary>
    [Fact]
    public void QuickShdStudyTrainsOnFilesInShdLayout()
    {
        using var directory = new TemporaryDirectory();
        string fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "shd-tiny.h5");
        File.Copy(fixture, Path.Combine(directory.Path, DelayShdAnalysis.TrainFile));
        File.Copy(fixture, Path.Combine(directory.Path, DelayShdAnalysis.TestFile));

        int code = new BenchCli(new CapturedConsole().Console).Invoke(["run", "delays-shd", "--quick", "--data", directory.Path, "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        Assert.Equal(3, study.Metrics["train_samples"]);
        Assert.Equal(DelayShdAnalysis.QuickEpochs, study.Metrics["epochs"]);
        double correct = study.Metrics["test_accuracy_percent"] * 3 / 100; // the fixture's 3 samples are the test set
        Assert.Equal(Math.Round(correct), correct, 9);
        Assert.Equal([DelayShdAnalysis.Plot], study.Files);
    }
}
