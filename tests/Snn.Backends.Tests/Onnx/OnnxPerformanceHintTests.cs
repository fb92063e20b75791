using Snn.Backends.Onnx;

namespace Snn.Backends.Tests.Onnx;

/// <summary>
/// The fast form's performance hint as an option: recorded in the model's metadata, no change
/// where the network leaves no choice of how spikes delivered in a loop find their synapses, and
/// the combinations it does not apply to refused.
/// (Its spikes against the CPU engine and its chunked runs are in <see cref="OnnxFastFormTests"/>.)
/// </summary>
public class OnnxPerformanceHintTests
{
    [Theory]
    [InlineData(OnnxPerformanceHint.Throughput, "throughput")]
    [InlineData(OnnxPerformanceHint.Latency, "latency")]
    public void TheHintIsRecordedInTheMetadata(OnnxPerformanceHint hint, string recorded)
    {
        var model = OnnxExporter.Build(OnnxTestNetworks.FeedForwardLif(1).Network, new OnnxExportOptions { PerformanceHint = hint });
        using var session = OnnxSessions.Open(model.Bytes, OnnxExecutionProvider.Cpu, 1);
        Assert.Equal(recorded, session.ModelMetadata.CustomMetadataMap["snn.performance_hint"]);
    }

    /// <summary>A sparse liquid keeps its loop and its synaptic layout under the latency hint; its
    /// in-loop delivery looks places and weights up in per-run tables (another graph).</summary>
    [Fact]
    public void ForSpikesDeliveredInALoopTheLatencyHintChangesTheGraph()
    {
        var network = OnnxTestNetworks.SparseRecurrentLif(2).Network;
        var throughput = OnnxExporter.Build(network, new OnnxExportOptions { PerformanceHint = OnnxPerformanceHint.Throughput });
        var latency = OnnxExporter.Build(network, new OnnxExportOptions { PerformanceHint = OnnxPerformanceHint.Latency });
        Assert.Equal(1, OnnxRuns.ScanCount(throughput));
        Assert.Equal(1, OnnxRuns.ScanCount(latency));
        Assert.Equal(throughput.Layout.SynapticLayouts, latency.Layout.SynapticLayouts);
        Assert.NotEqual(throughput.NodeCount, latency.NodeCount);
    }

    [Theory]
    [InlineData("dense recurrent", OnnxTimeShape.TimeLoop)]
    [InlineData("short-term plasticity", OnnxTimeShape.TimeLoop)]
    [InlineData("feed-forward", OnnxTimeShape.TimeLoop)]
    [InlineData("feed-forward", OnnxTimeShape.SingleStep)]
    public void WithoutSpikesDeliveredInALoopBothHintsGiveTheSameGraph(string kind, OnnxTimeShape shape)
    {
        var network = kind switch
        {
            "dense recurrent" => OnnxTestNetworks.RecurrentConductance(1).Network,
            "short-term plasticity" => OnnxTestNetworks.ShortTermLif(1).Network,
            _ => OnnxTestNetworks.FeedForwardLif(3).Network,
        };
        var throughput = OnnxExporter.Build(network, new OnnxExportOptions { PerformanceHint = OnnxPerformanceHint.Throughput, Shape = shape });
        var latency = OnnxExporter.Build(network, new OnnxExportOptions { PerformanceHint = OnnxPerformanceHint.Latency, Shape = shape });
        Assert.Equal(throughput.NodeCount, latency.NodeCount);
        Assert.Equal(throughput.Layout.SynapticLayouts, latency.Layout.SynapticLayouts);
        Assert.Equal(OnnxRuns.ScanCount(throughput), OnnxRuns.ScanCount(latency));
    }

    [Fact]
    public void TheExactFormRefusesTheLatencyHint()
    {
        var network = OnnxTestNetworks.FeedForwardLif(1).Network;
        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Build(network, new OnnxExportOptions { Form = OnnxModelForm.Exact, PerformanceHint = OnnxPerformanceHint.Latency }));
        Assert.Contains("fast-form option", error.Message);
        var fromBackend = Assert.Throws<NotSupportedException>(() => new OnnxBackend { Form = OnnxModelForm.Exact, PerformanceHint = OnnxPerformanceHint.Latency }.Compile(OnnxTestNetworks.FeedForwardLif(1).Network));
        Assert.Contains("fast-form option", fromBackend.Message);
    }

    [Fact]
    public void AnUndefinedHintIsRejectedByName()
    {
        var network = OnnxTestNetworks.FeedForwardLif(1).Network;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OnnxExporter.Build(network, new OnnxExportOptions { PerformanceHint = (OnnxPerformanceHint)7 }));
        Assert.Equal(nameof(OnnxExportOptions.PerformanceHint), error.ParamName);
        Assert.Contains("PerformanceHint = 7", error.Message);
    }
}
