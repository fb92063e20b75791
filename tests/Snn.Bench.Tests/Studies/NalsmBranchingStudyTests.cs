using Snn.Bench.Cli;
using Snn.Bench.Results;
using Snn.Bench.Studies;
using Snn.Experiments.Nalsm;
using Snn.Learning.Reservoir;

namespace Snn.Bench.Tests.Studies;

public class NalsmBranchingStudyTests
{
    [Fact]
    public void FullQuickAndSizeSetTheInitialisationAndMeasuredSamples()
    {
        var (full, fullMeasured) = NalsmBranchingAnalysis.Options(new StudyContext(3));
        var (quick, quickMeasured) = NalsmBranchingAnalysis.Options(new StudyContext(3, Quick: true));
        var (tiny, tinyMeasured) = NalsmBranchingAnalysis.Options(new StudyContext(3, Size: 40));

        Assert.Equal((50_000, 1000, 250), (full.InitializationSamples, fullMeasured, full.PresentationMs));
        Assert.Equal((NalsmOptions.Quick.InitializationSamples, 200), (quick.InitializationSamples, quickMeasured));
        Assert.Equal((40, 10, NalsmAnalysis.TinyPresentationMs), (tiny.InitializationSamples, tinyMeasured, tiny.PresentationMs));
        Assert.Equal(3UL, full.Seed);
        Assert.Equal([0.002, 0.015, 0.1, 0.2], NalsmBranchingAnalysis.AstrocyteWeights);
    }

    /// <summary>End to end (seconds): every gain on 20 initialisation presentations and 10 measured samples.</summary>
    [FashionMnistFact]
    public void TinySweepReportsABranchingFactorPerGainAndAPlot()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "nalsm-branching", "--size", "20", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        Assert.Equal("nalsm-branching", study.Study);
        foreach (string key in new[] { "0.002", "0.015", "0.1", "0.2" })
        {
            Assert.True(study.Metrics[$"branching_wA_{key}"] > 0);
            Assert.True(study.Metrics[$"rate_hz_wA_{key}"] > 0);
        }
        var branching = new[] { "0.002", "0.015", "0.1", "0.2" }.Select(key => study.Metrics[$"branching_wA_{key}"]).ToArray();
        bool falling = branching.Zip(branching.Skip(1)).All(pair => pair.Second < pair.First);
        Assert.Equal(falling ? 1 : 0, study.Metrics["branching_falls_with_wA"]); // strictly falling at real sizes: verify's nalsm-branching row
        Assert.True(new FileInfo(Path.Combine(directory.Path, "nalsm-branching.png")).Length > 1000);
    }
}
