using Microsoft.ML.OnnxRuntime;
using Snn.Backends.Onnx;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Onnx;

/// <summary>
/// The exported files themselves, run directly on ONNX Runtime: the streaming single-step form
/// against the time loop, batching, the linear readout and the metadata.
/// </summary>
public class OnnxModelTests
{
    private const int Steps = 300;

    [Fact]
    public void SingleStepModelStreamsTheSameOutputsAsTheTimeLoop()
    {
        var network = OnnxTestNetworks.FeedForwardLif(5).Network;
        var loop = OnnxExporter.Build(network, new OnnxExportOptions { IncludeMembrane = true, Form = OnnxModelForm.Exact });
        var step = OnnxExporter.Build(network, new OnnxExportOptions { IncludeMembrane = true, Form = OnnxModelForm.Exact, Shape = OnnxTimeShape.SingleStep });
        var input = OnnxRuns.InputOf(loop.Layout, Steps);
        var expected = OnnxRuns.RunLoop(loop, input, Steps, 1);

        var streamed = OnnxRuns.Stream(step, input, Steps);
        foreach (string name in loop.Layout.OutputNames)
        {
            SimulationHelpers.AssertBitIdentical(expected[name], streamed[name]);
        }
    }

    /// <summary>Each batch entry's outputs are those of the entry run alone, bit for bit; the sparse
    /// liquid's spikes are delivered into a ring that holds every entry, at an offset per entry, and
    /// under the latency hint the 200 hidden neurons' spikes into a buffer of the run's steps × entries.</summary>
    [Theory]
    [InlineData(OnnxModelForm.Exact, OnnxPerformanceHint.Throughput, "conductance")]
    [InlineData(OnnxModelForm.Fast, OnnxPerformanceHint.Throughput, "conductance")]
    [InlineData(OnnxModelForm.Fast, OnnxPerformanceHint.Throughput, "sparse liquid")]
    [InlineData(OnnxModelForm.Fast, OnnxPerformanceHint.Latency, "sparse liquid")]
    [InlineData(OnnxModelForm.Fast, OnnxPerformanceHint.Latency, "layers joined by sparse delayed synapses")]
    public void BatchEntriesRunIndependently(OnnxModelForm form, OnnxPerformanceHint hint, string kind)
    {
        var network = kind switch
        {
            "sparse liquid" => OnnxTestNetworks.SparseRecurrentLif(6).Network,
            "layers joined by sparse delayed synapses" => OnnxTestNetworks.FeedForwardLif(6, durationMs: Steps * 0.1, hiddenSize: 200).Network,
            _ => OnnxTestNetworks.RecurrentConductance(6).Network,
        };
        var model = OnnxExporter.Build(network, new OnnxExportOptions { IncludeMembrane = true, Form = form, PerformanceHint = hint });
        int width = model.Layout.InputWidth;
        var first = OnnxRuns.InputOf(model.Layout, Steps);
        var second = new float[first.Length];
        var random = new Random(11);
        for (int i = 0; i < second.Length; i++)
        {
            second[i] = random.NextDouble() < 0.01 ? 1 : 0;
        }
        var both = new float[2 * first.Length];
        for (int k = 0; k < Steps; k++)
        {
            first.AsSpan(k * width, width).CopyTo(both.AsSpan(2 * k * width));
            second.AsSpan(k * width, width).CopyTo(both.AsSpan((2 * k + 1) * width));
        }

        var batched = OnnxRuns.RunLoop(model, both, Steps, 2);
        var alone = new[] { OnnxRuns.RunLoop(model, first, Steps, 1), OnnxRuns.RunLoop(model, second, Steps, 1) };
        foreach (string name in model.Layout.OutputNames)
        {
            int n = alone[0][name].Length / Steps;
            for (int b = 0; b < 2; b++)
            {
                var entry = new float[Steps * n];
                for (int k = 0; k < Steps; k++)
                {
                    batched[name].AsSpan((2 * k + b) * n, n).CopyTo(entry.AsSpan(k * n));
                }
                SimulationHelpers.AssertBitIdentical(alone[b][name], entry);
            }
        }
        Assert.Contains(model.Layout.OutputNames, name => alone[0][name].Any(v => v != 0) && !alone[0][name].SequenceEqual(alone[1][name]));
    }

    /// <summary>An empty batch gives empty outputs, also where spikes are delivered for the whole
    /// run one batch entry at a time (ONNX Runtime 1.31 stops the process with a floating-point
    /// exception when a Scan runs over an axis of length 0, so the graph must not run it).</summary>
    [Theory]
    [InlineData(OnnxModelForm.Fast, "layers joined by sparse delayed synapses")]
    [InlineData(OnnxModelForm.Fast, "sparse liquid")]
    [InlineData(OnnxModelForm.Exact, "layers joined by sparse delayed synapses")]
    public void AnEmptyBatchGivesEmptyOutputs(OnnxModelForm form, string kind)
    {
        var network = kind == "sparse liquid" ? OnnxTestNetworks.SparseRecurrentLif(6).Network : OnnxTestNetworks.FeedForwardLif(6, durationMs: Steps * 0.1, hiddenSize: 200).Network;
        var model = OnnxExporter.Build(network, new OnnxExportOptions { IncludeMembrane = true, Form = form });
        var outputs = OnnxRuns.RunLoop(model, [], Steps, 0);
        Assert.NotEmpty(outputs);
        Assert.All(outputs.Values, values => Assert.Empty(values));
    }

    [Fact]
    public void LinearReadoutIsTheWeightedSumOfTheSpikes()
    {
        var network = OnnxTestNetworks.FeedForwardLif(7).Network;
        var output = network.Populations.First(p => p.Name == "output");
        var random = new Random(3);
        var weights = Enumerable.Range(0, 3 * output.Size).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        float[] bias = [0.25f, -1f, 2f];
        var model = OnnxExporter.Build(network, new OnnxExportOptions
        {
            OutputPopulations = [output],
            Readout = new OnnxLinearReadout(output, OnnxReadoutSignal.Spikes, weights, bias),
        });
        var results = OnnxRuns.RunLoop(model, OnnxRuns.InputOf(model.Layout, Steps), Steps, 1);

        var spikes = results[model.Layout.SpikeOutput(output)];
        var readout = results[model.Layout.ReadoutOutput!];
        Assert.Contains(spikes, s => s == 1f);
        for (int k = 0; k < Steps; k++)
        {
            for (int o = 0; o < 3; o++)
            {
                double expected = bias[o];
                for (int i = 0; i < output.Size; i++)
                {
                    expected += weights[o * output.Size + i] * spikes[k * output.Size + i];
                }
                Assert.Equal(expected, readout[k * 3 + o], 1e-5);
            }
        }
    }

    [Fact]
    public void ModelCarriesTimeStepPopulationsAndProducerInItsMetadata()
    {
        var network = OnnxTestNetworks.RecurrentIzhikevich(1).Network;
        var model = OnnxExporter.Build(network);
        using var session = new InferenceSession(model.Bytes.ToArray());

        var metadata = session.ModelMetadata;
        Assert.Equal("Snn", metadata.ProducerName);
        Assert.Equal("1", metadata.CustomMetadataMap["snn.dt_ms"]);
        Assert.Equal("17", metadata.CustomMetadataMap["snn.opset"]);
        Assert.Equal("thalamus:30:spike-source;exc:40:izhikevich-2003;inh:10:izhikevich-2003", metadata.CustomMetadataMap["snn.populations"]);
        Assert.Equal("thalamus:30", metadata.CustomMetadataMap["snn.inputs"]);
        Assert.Contains("mV", metadata.CustomMetadataMap["snn.units"]);
        Assert.Equal([model.Layout.InputName], session.InputMetadata.Keys);
        Assert.Equal(model.Layout.StateInputNames, session.OverridableInitializerMetadata.Keys);
        Assert.Equal(["spikes_exc", "spikes_inh"], model.Layout.OutputNames);
    }

    [Fact]
    public void SavedFileLoadsInOnnxRuntime()
    {
        var network = OnnxTestNetworks.FeedForwardLif(8).Network;
        string folder = Directory.CreateTempSubdirectory("snn-onnx-").FullName;
        try
        {
            string path = Path.Combine(folder, "net.onnx");
            var layout = OnnxExporter.Export(network, new OnnxExportOptions { Form = OnnxModelForm.Exact, Shape = OnnxTimeShape.SingleStep }, path);

            using var session = new InferenceSession(path);
            Assert.Equal(layout.OutputNames.Concat(layout.StateOutputNames), session.OutputMetadata.Keys);
            Assert.Equal([path], Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
