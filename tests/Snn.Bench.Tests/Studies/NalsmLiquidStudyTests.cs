using Snn.Bench.Cli;
using Snn.Bench.Results;

namespace Snn.Bench.Tests.Studies;

public class NalsmLiquidStudyTests
{
    [Fact]
    public void BlockAndScalarUpdatesGiveTheSameCountsAndTheAstrocyteLowersTheRate()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "nalsm-liquid", "--quick", "--size", "2", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        Assert.Equal("nalsm-liquid", study.Study);
        Assert.Equal(2, study.Metrics["samples"]);
        Assert.Equal(1000, study.Metrics["liquid_neurons"]);
        foreach (string mode in new[] { "static", "plastic" })
        {
            Assert.Contains($"{mode}_block_ms_per_sample", study.Metrics.Keys);
            Assert.Contains($"{mode}_scalar_ms_per_sample", study.Metrics.Keys);
        }
        // The astrocyte-modulated liquid is the one the paper brings down from the plain LSM's rate
        // (README table: 38-43 Hz against 251-258 Hz on Fashion-MNIST).
        Assert.True(study.Metrics["plastic_rate_hz"] < study.Metrics["static_rate_hz"] / 2);
        Assert.Contains("identical spike counts", console.Text);
    }
}
