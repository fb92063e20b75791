using Microsoft.ML.OnnxRuntime;
using SkiaSharp;
using Snn.Bench.Cli;
using Snn.Bench.Results;
using Snn.Bench.Studies;
using Snn.Bench.Suites;
using Snn.Backends.Cpu;
using Snn.Experiments.Sfq;

namespace Snn.Bench.Tests.Studies;

public class StudyCommandTests
{
    private readonly BenchCli _cli = new(new CapturedConsole().Console);

    [Fact]
    public void SuitesAndStudiesMixInOneRunCommand()
    {
        var parse = _cli.Root.Parse("run cuba sfq-xor onnx-roundtrip --quick");

        Assert.Empty(parse.Errors);
        var settings = _cli.RunSettingsFrom(parse);
        Assert.Equal(["cuba", "sfq-xor", "onnx-roundtrip"], settings.Suites);
        Assert.True(settings.Quick);
        Assert.False(_cli.RunSettingsFrom(_cli.Root.Parse("run sfq-vs-cpu")).Quick);
    }

    [Fact]
    public void ListShowsTheStudiesInATableOfTheirOwn()
    {
        var console = new CapturedConsole();

        Assert.Equal(0, new BenchCli(console.Console).Invoke(["list"]));
        Assert.Contains("Study", console.Text);
        foreach (string name in StudyCatalog.Names)
        {
            Assert.Contains(name, console.Text);
        }
    }

    [Fact]
    public void QuickSfqXorWritesMarginsAndRobustnessToResultsJsonAndTwoPlots()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "sfq-xor", "--quick", "--out", directory.Path]);

        Assert.Equal(0, code);
        var report = ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName));
        Assert.Empty(report.Results);
        var study = Assert.Single(report.Studies);
        Assert.Equal("sfq-xor", study.Study);
        Assert.True(study.Quick);
        Assert.Equal(1, study.Metrics["nominal_all_correct"]);
        Assert.True(study.Metrics["nominal_separation_ghz"] > 0);
        Assert.True(study.Metrics["energy_per_classification_j"] > 0);
        Assert.True(study.Metrics["junctions"] > 0);
        // The closed-form window is 0.94-1.10 (verify row sfq-xor-window, 2 % steps); of the quick
        // sweep's 10 % grid it contains 1.0 and 1.1 only.
        Assert.Equal(0, study.Metrics["margin_global_low_percent"], 6);
        Assert.Equal(10, study.Metrics["margin_global_high_percent"], 6);
        Assert.Contains(study.Metrics.Keys, k => k.StartsWith("robustness_jitter", StringComparison.Ordinal));
        Assert.Equal(4, study.Metrics.Keys.Count(k => k.EndsWith("_rate_ghz", StringComparison.Ordinal)));
        Assert.Equal([SfqXorAnalysis.GlobalPlot, SfqXorAnalysis.ProjectionPlot], study.Files);
        foreach (string file in study.Files)
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(directory.Path, file));
            Assert.NotNull(bitmap);
            Assert.Equal(1000, bitmap.Width);
        }
        Assert.Contains("margin global", console.Text);
    }

    [Fact]
    public void SfqVsCpuReportsBothEnginesRatesPerPattern()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "sfq-vs-cpu", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        double decision = new SfqXorDesign().DecisionRateGhz;
        foreach (string pattern in new[] { "00", "01", "10", "11" })
        {
            bool xor = pattern[0] != pattern[1];
            foreach (string engine in new[] { "sfq", "cpu" })
            {
                double rate = study.Metrics[$"pattern_{pattern}_{engine}_rate_ghz"];
                Assert.True(xor ? rate > decision : rate < decision, $"{engine} engine, pattern {pattern}: {rate} GHz on the wrong side of {decision} GHz");
            }
            Assert.True(study.Metrics[$"pattern_{pattern}_sfq_energy_j"] > 0);
        }
        Assert.Contains("SFQ rate", console.Text);
    }

    [Fact]
    public void OnnxRoundTripOfASmallDemoGivesIdenticalSpikesAndWritesALoadableModel()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "onnx-roundtrip", "--size", "60", "--duration", "30", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        Assert.Equal(1, study.Metrics["identical_spikes"]);
        Assert.True(study.Metrics["spikes_cpu"] > 0, "the demo network is silent: nothing was compared");
        Assert.Equal(0, study.Metrics["max_membrane_difference_mv"]);
        Assert.Equal(1, study.Metrics["identical_spikes_short_term"]);
        Assert.True(study.Metrics["spikes_cpu_short_term"] > 0, "the demo network with short-term plasticity is silent: nothing was compared");
        Assert.NotEqual(study.Metrics["spikes_cpu"], study.Metrics["spikes_cpu_short_term"]);
        Assert.Equal(0, study.Metrics["max_membrane_difference_short_term_mv"]);
        Assert.True(study.Metrics["onnx_samples_per_second"] > 0);
        Assert.Equal([OnnxRoundTripAnalysis.ModelFile], study.Files);
        using var session = new InferenceSession(Path.Combine(directory.Path, OnnxRoundTripAnalysis.ModelFile));
        Assert.Contains("spikes_in", session.InputMetadata.Keys);
        Assert.Contains("spikes_output", session.OutputMetadata.Keys);
        Assert.Contains("IDENTICAL", console.Text);
    }

    [Fact]
    public void SpikeStreamingWritesEverySpikeOfTheRunItStreams()
    {
        using var directory = new TemporaryDirectory();

        int code = new BenchCli(new CapturedConsole().Console).Invoke(["run", "spike-streaming", "--size", "300", "--duration", "2500", "--seed", "5", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        var built = CubaNetwork.Build(300, 5);
        using var simulation = new CpuBackend(new CpuBackendOptions { Threads = 1 }).Compile(built.Network);
        simulation.Run(2500);
        long spikes = built.Spikes.Sum(m => (long)simulation.GetSpikes(m).Count);
        Assert.True(spikes > 0, "the network is silent: nothing was streamed");
        Assert.Equal(spikes, study.Metrics["spikes_streamed"]);
        Assert.Equal(12.0 * spikes, study.Metrics["kept_record_bytes"]);
        Assert.True(study.Metrics["file_bytes"] >= 8 * spikes, "every spike is a line of at least 8 bytes");
    }
}
