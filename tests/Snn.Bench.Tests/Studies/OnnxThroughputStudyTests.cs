using Snn.Bench.Cli;
using Snn.Bench.Results;

namespace Snn.Bench.Tests.Studies;

public class OnnxThroughputStudyTests
{
    private static readonly string[] Networks = ["delay_model", "dense_784", "recurrent_1000"];

    /// <summary>End to end (about half a minute): the quick study on 32 samples with one thread.</summary>
    [Fact]
    public void QuickStudyAgreesWithTheEngineOnEveryClassAndKeepsTheFastGraphSmall()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "onnx-throughput", "--quick", "--threads", "1", "--size", "32", "--out", directory.Path]);

        Assert.Equal(0, code);
        var study = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Studies);
        Assert.Equal("onnx-throughput", study.Study);
        Assert.Equal(32, study.Metrics["samples"]);
        foreach (string network in Networks)
        {
            // Every class equal, and the engine's classes vary, so the agreement is not that of a constant output.
            Assert.Equal(1.0, study.Metrics[$"{network}_fast_class_agreement"]);
            Assert.True(study.Metrics[$"{network}_cpu_distinct_classes"] >= 2, $"{network}: the engine predicted one class for every sample");
            Assert.True(study.Metrics[$"{network}_fast_spike_events"] > 100, $"{network}: only {study.Metrics[$"{network}_fast_spike_events"]} spikes compared");
            Assert.True(study.Metrics[$"{network}_fast_spike_agreement"] >= 0.9, $"{network}: spike agreement {study.Metrics[$"{network}_fast_spike_agreement"]}");
            foreach (string form in new[] { "fast", "exact" })
            {
                Assert.True(study.Metrics[$"{network}_{form}_b1_t1_samples_per_second"] > 0);
                Assert.True(study.Metrics[$"{network}_{form}_b32_t1_samples_per_second"] > 0);
                Assert.True(study.Metrics[$"{network}_{form}_bytes"] > 0);
            }
        }
        // The exact form adds each of a target's 784 inputs one node at a time; the fast form's graph
        // does not grow with the in-degree: a fixed handful of nodes per projection group and stage,
        // under a tenth of the exact form's.
        Assert.True(study.Metrics["dense_784_exact_nodes"] > 784);
        Assert.True(study.Metrics["dense_784_fast_nodes"] * 10 < study.Metrics["dense_784_exact_nodes"], $"fast form: {study.Metrics["dense_784_fast_nodes"]} nodes");
        Assert.Contains("distinct classes", console.Text);
        Assert.Contains("engine spike events identical", console.Text);
    }
}
