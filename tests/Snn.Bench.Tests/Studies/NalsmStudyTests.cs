using System.Text.RegularExpressions;
using Snn.Bench.Cli;
using Snn.Bench.Results;
using Snn.Bench.Studies;
using Snn.Experiments.Nalsm;
using Snn.Learning.Readout;
using Snn.Learning.Reservoir;

namespace Snn.Bench.Tests.Studies;

public class NalsmStudyTests
{
    private readonly BenchCli _cli = new(new CapturedConsole().Console);

    [Fact]
    public void LiquidAndVariantOptionsAreRead()
    {
        var parse = _cli.Root.Parse(["run", "nalsm-fmnist", "--liquid", "8000", "--variant", "lsm-stdp", "--quick"]);

        Assert.Empty(parse.Errors);
        var settings = _cli.RunSettingsFrom(parse);
        Assert.Equal(8000, settings.Nalsm.Liquid);
        Assert.Equal("lsm-stdp", settings.Nalsm.Variant);
        Assert.True(settings.Quick);
    }

    [Fact]
    public void LiquidAndVariantDefaultToNull()
    {
        var settings = _cli.RunSettingsFrom(_cli.Root.Parse("run nalsm-fmnist"));

        Assert.Null(settings.Nalsm.Liquid);
        Assert.Null(settings.Nalsm.Variant);
    }

    [Fact]
    public void FeaturesAndReadoutOptionsAreRead()
    {
        var settings = _cli.RunSettingsFrom(_cli.Root.Parse(["run", "nalsm-fmnist", "--features", "liquid.bin", "--readout", "paper"]));

        Assert.Equal("liquid.bin", settings.Nalsm.Features);
        Assert.Equal("paper", settings.Nalsm.Readout);
    }

    [Fact]
    public void PaperReadoutSelectsTheAuthorsSoftmaxOnEveryProtocol()
    {
        var full = NalsmAnalysis.Options(new StudyContext(1, Nalsm: new(Readout: NalsmAnalysis.PaperReadout)));
        var quick = NalsmAnalysis.Options(new StudyContext(1, Quick: true, Nalsm: new(Readout: NalsmAnalysis.PaperReadout)));
        var adam = NalsmAnalysis.Options(new StudyContext(1, Quick: true));

        Assert.Equal(SoftmaxOptions.Paper, full.Softmax);
        Assert.Equal(SoftmaxOptions.Paper, quick.Softmax);
        Assert.Equal(SoftmaxOptimizer.Adam, adam.Softmax.Optimizer);
    }

    [Fact]
    public void TheAuthorsLastSpikeKernelIsTheDefaultAndKernelSummedSelectsTheSummedOne()
    {
        StudyContext Context(params string[] kernel)
            => new(1, Quick: true, Nalsm: _cli.RunSettingsFrom(_cli.Root.Parse(["run", "nalsm-fmnist", .. kernel])).Nalsm);

        Assert.Equal(SynapticKernel.LastSpike, NalsmAnalysis.Options(new StudyContext(1, Quick: true)).Kernel);
        Assert.Equal(SynapticKernel.LastSpike, NalsmAnalysis.Options(Context("--kernel", "last-spike")).Kernel);
        Assert.Equal(SynapticKernel.Summed, NalsmAnalysis.Options(Context("--kernel", "summed")).Kernel);
        Assert.NotEmpty(_cli.Root.Parse(["run", "nalsm-fmnist", "--kernel", "exact"]).Errors);
    }

    [Theory]
    [InlineData("--liquid", "2000")]
    [InlineData("--variant", "astro")]
    [InlineData("--readout", "sgd")]
    public void UnknownLiquidOrVariantIsAParseError(string option, string value)
    {
        Assert.NotEmpty(_cli.Root.Parse(["run", "nalsm-fmnist", option, value]).Errors);
    }

    [Fact]
    public void LiquidWithoutTheNalsmStudyIsRefused()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "cuba", "--liquid", "1000", "--out", directory.Path]);

        Assert.Equal(1, code);
        Assert.Contains("--liquid only to nalsm-fmnist and nalsm-liquid", console.Text);
    }

    [Fact]
    public void KernelSelectsTheKernelOfTheBranchingSweepAndIsRefusedWithoutANalsmStudy()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();
        StudyContext Context(params string[] arguments) => _cli.RunSettingsFrom(_cli.Root.Parse(["run", "nalsm-branching", .. arguments])).StudyContext();

        Assert.Equal(SynapticKernel.Summed, NalsmBranchingAnalysis.Options(Context("--kernel", "summed")).Options.Kernel);
        Assert.Equal(SynapticKernel.LastSpike, NalsmBranchingAnalysis.Options(Context()).Options.Kernel);
        int code = new BenchCli(console.Console).Invoke(["run", "cuba", "--kernel", "summed", "--out", directory.Path]);

        Assert.Equal(1, code);
        Assert.Contains("--kernel applies only to nalsm-fmnist, nalsm-liquid and nalsm-branching", console.Text);
    }

    [Fact]
    public void BackendSelectsTheLiquidsEngine()
    {
        StudyContext Context(params string[] arguments) => _cli.RunSettingsFrom(_cli.Root.Parse(["run", "nalsm-fmnist", .. arguments])).StudyContext();

        Assert.Equal("gpu", NalsmAnalysis.LiquidBackend(Context("--backend", "gpu")).Name);
        Assert.Equal("cpu", NalsmAnalysis.LiquidBackend(Context()).Name);
        Assert.Equal("cpu", NalsmAnalysis.LiquidBackend(new StudyContext(1)).Name);
        Assert.DoesNotContain("--backend", NalsmAnalysis.CheckInputs(Context("--backend", "gpu")) ?? "", StringComparison.Ordinal);
    }

    /// <summary>The protocol with <c>--backend gpu</c> (ILGPU's CPU accelerator here, a GPU where
    /// there is one): every spike count of every sample, and the branching factor, equal the CPU engine's.</summary>
    [FashionMnistFact]
    public void TheLiquidOnTheGpuEngineGivesTheCpuEnginesFeatures()
    {
        using var directory = new TemporaryDirectory();
        LiquidFeatures Run(string backend)
        {
            string features = Path.Combine(directory.Path, $"{backend}.bin");
            var console = new CapturedConsole();
            Assert.Equal(0, new BenchCli(console.Console).Invoke(["run", "nalsm-fmnist", "--size", "10", "--threads", "1", "--backend", backend,
                "--features", features, "--out", Path.Combine(directory.Path, backend)]));
            Assert.Contains($"liquid features simulated on the {backend} engine", console.Text);
            return LiquidFeatureRun.Load(features).Features;
        }

        var cpu = Run("cpu");
        var gpu = Run("gpu");

        Assert.True(cpu.TrainCounts.Sum(c => c.Sum()) > 1000, "too few spikes to compare");
        Assert.Equal(cpu.TrainCounts, gpu.TrainCounts);
        Assert.Equal(cpu.ValidationCounts, gpu.ValidationCounts);
        Assert.Equal(cpu.TestCounts, gpu.TestCounts);
        Assert.Equal(cpu.Measurements.BranchingFactor, gpu.Measurements.BranchingFactor);
    }

    [Theory]
    [InlineData("onnx")]
    [InlineData("event-driven")]
    public void AnEngineThatCannotRunTheLiquidIsRefused(string backend)
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "nalsm-fmnist", "--backend", backend, "--out", directory.Path]);

        Assert.Equal(1, code);
        Assert.Contains($"nalsm-fmnist: --backend {backend} cannot run the liquid", console.Text);
        Assert.Contains("use cpu or gpu", console.Text);
    }

    [Fact]
    public void BackendWithAStudyOnItsOwnEnginesIsRefused()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "nalsm-fmnist", "sfq-xor", "--backend", "gpu", "--out", directory.Path]);

        Assert.Equal(1, code);
        Assert.Contains("--backend gpu applies to the suites and nalsm-fmnist; the study 'sfq-xor' runs on the engines it compares", console.Text);
    }

    [Fact]
    public void VariantWithTheLiquidSpeedStudyAloneIsRefused()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "nalsm-liquid", "--variant", "lsm", "--out", directory.Path]);

        Assert.Equal(1, code);
        Assert.Contains("--variant, --features and --readout only to nalsm-fmnist", console.Text);
    }

    [Theory]
    [InlineData(null, null, ReservoirMode.Astrocyte, 1000, 0.015)]
    [InlineData(8000, "nalsm", ReservoirMode.Astrocyte, 8000, 0.0075)]
    [InlineData(8000, "lsm-stdp", ReservoirMode.Stdp, 8000, 0.015)]
    [InlineData(1000, "lsm", ReservoirMode.Static, 1000, 0.015)]
    public void VariantAndLiquidSelectThePaperPreset(int? liquid, string? variant, ReservoirMode mode, int neurons, double astrocyteWeight)
    {
        var options = NalsmAnalysis.Options(new StudyContext(7, Nalsm: new(liquid, variant)));

        Assert.Equal(mode, options.Mode);
        Assert.Equal(neurons, options.Liquid.GridX * options.Liquid.GridY * options.Liquid.GridZ);
        Assert.Equal(astrocyteWeight, options.AstrocyteWeight);
        Assert.Equal(mode == ReservoirMode.Static ? 0 : 50_000, options.InitializationSamples);
        Assert.Equal(7UL, options.Seed);
    }

    [Fact]
    public void QuickAndSizeShrinkTheCounts()
    {
        var quick = NalsmAnalysis.Options(new StudyContext(1, Quick: true));
        var tiny = NalsmAnalysis.Options(new StudyContext(1, Size: 40, Nalsm: new(Variant: NalsmAnalysis.Lsm)));

        Assert.Equal(NalsmOptions.Quick.TrainCount, quick.TrainCount);
        Assert.Equal(NalsmOptions.Quick.InitializationSamples, quick.InitializationSamples);
        Assert.Equal(40, tiny.TrainCount);
        Assert.Equal(10, tiny.TestCount);
        Assert.Equal(0, tiny.InitializationSamples);
        Assert.Equal(NalsmAnalysis.TinyPresentationMs, tiny.PresentationMs);
    }

    /// <summary>The second run reads the first one's liquid features instead of simulating: the same
    /// accuracies and measurements, and the file is not rewritten.</summary>
    [FashionMnistFact]
    public void ASecondRunReadsTheFeaturesTheFirstOneWrote()
    {
        using var directory = new TemporaryDirectory();
        string features = Path.Combine(directory.Path, "liquid.bin");
        string[] Arguments(string output) => ["run", "nalsm-fmnist", "--size", "10", "--features", features, "--out", Path.Combine(directory.Path, output)];

        var firstConsole = new CapturedConsole();
        var secondConsole = new CapturedConsole();
        Assert.Equal(0, new BenchCli(firstConsole.Console).Invoke(Arguments("first")));
        var written = File.GetLastWriteTimeUtc(features);
        Assert.Equal(0, new BenchCli(secondConsole.Console).Invoke(Arguments("second")));

        var first = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, "first", ResultsJson.FileName)).Studies).Metrics;
        var second = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, "second", ResultsJson.FileName)).Studies).Metrics;
        Assert.Equal(written, File.GetLastWriteTimeUtc(features));
        Assert.Contains("liquid features simulated on the cpu engine and written to", firstConsole.Text);
        Assert.Contains("liquid features read from", secondConsole.Text);
        foreach (string metric in new[] { "test_accuracy_percent", "validation_accuracy_percent", "ridge_test_accuracy_percent", "branching_factor", "mean_rate_hz", "feature_seconds" })
        {
            Assert.Equal(first[metric], second[metric]);
        }
    }

    /// <summary>A run killed after writing its feature file but before removing its partial file left
    /// both: the next run reads the features, removes the stale partial file of the same protocol and
    /// says so (the features here are made up, so no Fashion-MNIST is needed).</summary>
    [Fact]
    public void AStalePartialFileNextToFinishedFeaturesIsRemovedAndReported()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "liquid.bin");
        string partial = LiquidFeatureRun.PartialPath(path);
        var options = NalsmAnalysis.Options(new StudyContext(42, Size: 10));
        LiquidFeatureFile.Save(MadeUpFeatures(options), path);
        LiquidCheckpoint.Open(partial, options, LiquidTopology.Build(options.Liquid)).Dispose();
        var console = new CapturedConsole();

        Assert.Equal(0, new BenchCli(console.Console).Invoke(["run", "nalsm-fmnist", "--size", "10", "--features", path, "--out", Path.Combine(directory.Path, "out")]));

        Assert.False(File.Exists(partial));
        Assert.True(File.Exists(path));
        Assert.Contains($"removed the stale {partial} left by a run stopped after writing {path}", Regex.Replace(console.Text, @"\s+", " "));
    }

    private static LiquidFeatures MadeUpFeatures(NalsmOptions options)
    {
        int neurons = options.Liquid.LiquidCount;
        int[][] Counts(int samples, int offset) => [.. Enumerable.Range(0, samples).Select(s => Enumerable.Range(0, neurons).Select(i => (i * 7 + s + offset) % 5).ToArray())];
        int[] Labels(int samples) => [.. Enumerable.Range(0, samples).Select(s => s % 10)];
        return new LiquidFeatures
        {
            Protocol = NalsmProtocol.Key(options),
            TrainCounts = Counts(options.TrainCount, 0),
            TrainLabels = Labels(options.TrainCount),
            ValidationCounts = Counts(options.ValidationCount, 1),
            ValidationLabels = Labels(options.ValidationCount),
            TestCounts = Counts(options.TestCount, 2),
            TestLabels = Labels(options.TestCount),
            Measurements = new LiquidMeasurements
            {
                BranchingFactor = 1, MeanRateHz = 10, LiquidSynapses = 100, InputSynapses = 10, InitializationSeconds = 0.1, FeatureSeconds = 0.2,
            },
        };
    }

    /// <summary>A run killed during its initialisation leaves a partial file holding only its header:
    /// the same command resumes from it, says so, removes it and writes the uninterrupted run's features.</summary>
    [FashionMnistFact]
    public void ARunWithAPartialFeatureFileResumesItToTheUninterruptedFeatures()
    {
        using var directory = new TemporaryDirectory();
        string whole = Path.Combine(directory.Path, "whole.bin");
        string resumed = Path.Combine(directory.Path, "resumed.bin");
        string[] Arguments(string features) => ["run", "nalsm-fmnist", "--size", "10", "--features", features, "--out", Path.Combine(directory.Path, Path.GetFileNameWithoutExtension(features))];
        var options = NalsmAnalysis.Options(new StudyContext(42, Size: 10));
        LiquidCheckpoint.Open(LiquidFeatureRun.PartialPath(resumed), options, LiquidTopology.Build(options.Liquid)).Dispose();

        var console = new CapturedConsole();
        Assert.Equal(0, new BenchCli(new CapturedConsole().Console).Invoke(Arguments(whole)));
        Assert.Equal(0, new BenchCli(console.Console).Invoke(Arguments(resumed)));

        Assert.Contains($"resumed from {LiquidFeatureRun.PartialPath(resumed)} (W_INI not saved", Regex.Replace(console.Text, @"\s+", " "));
        Assert.False(File.Exists(LiquidFeatureRun.PartialPath(resumed)));
        var expected = LiquidFeatureFile.Load(whole);
        var actual = LiquidFeatureFile.Load(resumed);
        Assert.Equal(expected.TrainCounts, actual.TrainCounts);
        Assert.Equal(expected.ValidationCounts, actual.ValidationCounts);
        Assert.Equal(expected.TestCounts, actual.TestCounts);
        Assert.Equal(expected.Measurements.BranchingFactor, actual.Measurements.BranchingFactor);
    }

    /// <summary>End to end (a few seconds): NALSM 1000 on 10 training, 10 validation and 10 test images.</summary>
    [FashionMnistFact]
    public void TinyNalsmRunReportsAccuracyBranchingAndTimings()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "nalsm-fmnist", "--size", "10", "--liquid", "1000", "--variant", "nalsm", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        Assert.Equal("nalsm-fmnist", study.Study);
        Assert.Equal(1000, study.Metrics["liquid_neurons"]);
        Assert.Equal(10, study.Metrics["train_samples"]);
        foreach (string accuracy in new[] { "test_accuracy_percent", "validation_accuracy_percent", "ridge_test_accuracy_percent" })
        {
            Assert.Equal(0, study.Metrics[accuracy] % 10, 9); // whole samples of 10
        }
        Assert.True(study.Metrics["branching_factor"] > 0);
        Assert.True(study.Metrics["mean_rate_hz"] > 0);
        Assert.True(study.Metrics["feature_seconds"] > 0);
        Assert.Equal(NalsmAnalysis.PaperNalsm1000Percent, study.Metrics["paper_accuracy_percent"]);
        Assert.Contains("paper NALSM 1000: 83.05", console.Text);
    }
}
