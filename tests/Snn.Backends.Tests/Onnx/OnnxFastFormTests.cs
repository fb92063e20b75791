using Microsoft.ML.OnnxRuntime;
using Snn.Backends.Onnx;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Simulation;
using Xunit.Abstractions;

namespace Snn.Backends.Tests.Onnx;

/// <summary>
/// The fast deployment form against the CPU engine and against itself: the same spikes on the test
/// networks (its sums are taken in another order, so membranes agree to float rounding, not bit for
/// bit), a graph whose size does not depend on the in-degree, chunked runs and streaming that
/// continue from the carried state, and the classifier head.
/// </summary>
public class OnnxFastFormTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FeedForwardLifWithDelaysGivesTheCpuEnginesSpikes(int seed)
        => AssertSameSpikes(() => OnnxTestNetworks.FeedForwardLif(seed));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RecurrentConductanceNetworkGivesTheCpuEnginesSpikes(int seed)
        => AssertSameSpikes(() => OnnxTestNetworks.RecurrentConductance(seed));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RecurrentIzhikevichNetworkGivesTheCpuEnginesSpikes(int seed)
        => AssertSameSpikes(() => OnnxTestNetworks.RecurrentIzhikevich(seed), membraneToleranceMv: 0.1);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DiscreteLifNetworkWithBiasOnsetsGivesTheCpuEnginesSpikes(bool recurrent)
        => AssertSameSpikes(() => OnnxTestNetworks.RecurrentDiscreteLif(1, recurrent: recurrent));

    [Theory]
    [InlineData(OnnxPerformanceHint.Throughput)]
    [InlineData(OnnxPerformanceHint.Latency)]
    public void SparseRecurrentNetworkUsesSpikeDrivenDeliveryAndGivesTheCpuEnginesSpikes(OnnxPerformanceHint hint)
    {
        var build = () => OnnxTestNetworks.SparseRecurrentLif(5);
        var layout = OnnxExporter.Build(build().Network, new OnnxExportOptions { Form = OnnxModelForm.Fast, PerformanceHint = hint }).Layout;
        Assert.Contains(layout.SynapticLayouts, line => line.StartsWith("liquid.Excitatory", StringComparison.Ordinal) && line.Contains("loop events", StringComparison.Ordinal));
        Assert.Contains(layout.SynapticLayouts, line => line.StartsWith("liquid.Excitatory", StringComparison.Ordinal) && line.Contains("loop events from series 0", StringComparison.Ordinal));
        AssertSameSpikes(build, hint: hint);
    }

    [Theory]
    [InlineData(OnnxPerformanceHint.Throughput)]
    [InlineData(OnnxPerformanceHint.Latency)]
    public void EachPendingRingIsDeclaredWithItsOwnSizeAndTheSpikesStayTheEngines(OnnxPerformanceHint hint)
    {
        // ONNX Runtime adds a step's spikes into the flattened ring in place only where it knows the ring's size; a
        // symbolic size shared by two rings of different sizes would let it reuse one's buffer for the other.
        var build = () => OnnxTestNetworks.SparseLiquidChain(4);
        var model = OnnxExporter.Build(build().Network, new OnnxExportOptions { PerformanceHint = hint });
        Assert.All(model.Layout.SynapticLayouts.Where(line => !line.StartsWith("input", StringComparison.Ordinal)),
            line => Assert.Contains("loop events from the stage's spikes", line, StringComparison.Ordinal));
        string bytes = System.Text.Encoding.Latin1.GetString(model.Bytes.Span);
        Assert.Contains("batch_times_1800", bytes, StringComparison.Ordinal);
        Assert.Contains("batch_times_4000", bytes, StringComparison.Ordinal);
        AssertSameSpikes(build, hint: hint);
    }

    [Theory]
    [InlineData(40, "hoisted dense", OnnxPerformanceHint.Throughput, 2)]
    [InlineData(200, "hoisted events", OnnxPerformanceHint.Throughput, 5)]
    [InlineData(200, "hoisted events", OnnxPerformanceHint.Latency, 5)]
    public void EachLayerKeepsItsLoopWithTheSameSpikes(int hiddenSize, string layout, OnnxPerformanceHint hint, int scans)
    {
        // hidden → output is computed once for the run, between the two layers' loops: with 40 hidden neurons a small
        // matrix (1 040 × 12 entries over every delay) stays a convolution; with 200 its spikes are delivered, as are the
        // input's onto the hidden layer (excitatory and inhibitory), each delivery a loop over the batch entries.
        var build = () => OnnxTestNetworks.FeedForwardLif(3, hiddenSize: hiddenSize);
        var model = OnnxExporter.Build(build().Network, new OnnxExportOptions { PerformanceHint = hint });
        output.WriteLine(string.Join(Environment.NewLine, model.Layout.SynapticLayouts));
        Assert.Contains(model.Layout.SynapticLayouts, line => line.StartsWith("output.Excitatory", StringComparison.Ordinal) && line.Contains($"synapses, {layout} ", StringComparison.Ordinal));
        Assert.Equal(scans, OnnxRuns.ScanCount(model));
        AssertSameSpikes(build, hint: hint);
    }

    [Fact]
    public void GraphSizeDoesNotGrowWithTheInDegree()
    {
        int Nodes(int inputs, OnnxModelForm form)
        {
            var network = new Network(1, dt: 1.0);
            var input = network.AddSpikeSource("input", Enumerable.Range(0, inputs).Select(_ => Array.Empty<double>()).ToArray());
            var hidden = network.AddPopulation("hidden", 20, new LifCurrent());
            network.Connect(input, hidden, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Uniform(1, 50), Dist.Uniform(1, 5)));
            return OnnxExporter.Build(network, new OnnxExportOptions { Form = form }).NodeCount;
        }

        // Both in-degrees are past the size up to which a hoisted matrix stays dense (16 inputs would be a small convolution, another layout).
        output.WriteLine($"fast: {Nodes(784, OnnxModelForm.Fast)} nodes at in-degree 784, {Nodes(1568, OnnxModelForm.Fast)} at 1568; exact: {Nodes(16, OnnxModelForm.Exact)} and {Nodes(784, OnnxModelForm.Exact)} at 16 and 784");
        Assert.Equal(Nodes(784, OnnxModelForm.Fast), Nodes(1568, OnnxModelForm.Fast));
        Assert.True(Nodes(784, OnnxModelForm.Exact) > Nodes(16, OnnxModelForm.Exact) + 700, "the exact form adds one node per synapse of the in-degree");
    }

    [Theory]
    [InlineData(false, OnnxPerformanceHint.Throughput)]
    [InlineData(true, OnnxPerformanceHint.Throughput)]
    [InlineData(false, OnnxPerformanceHint.Latency)]
    [InlineData(true, OnnxPerformanceHint.Latency)]
    public void RunsInChunksContinueFromTheCarriedState(bool recurrent, OnnxPerformanceHint hint)
        => AssertChunksContinue(() => recurrent ? OnnxTestNetworks.SparseRecurrentLif(4) : OnnxTestNetworks.FeedForwardLif(4), hint, [7.3, 0.2, 19.5]);

    /// <summary>The bias onsets (0 to 7 steps) fall inside and across chunks of 3, 2 and 4 steps: the
    /// countdown's end, computed before each loop, carries the engine's step count to the next run.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BiasOnsetsAcrossChunksKeepTheStepCount(bool recurrent)
        => AssertChunksContinue(() => OnnxTestNetworks.RecurrentDiscreteLif(3, recurrent: recurrent), OnnxPerformanceHint.Throughput, [3, 2, 4]);

    /// <summary>Runs the network whole and in chunks of <paramref name="parts"/> ms (then the rest);
    /// asserts the same spikes and states.</summary>
    private static void AssertChunksContinue(Func<MonitoredNetwork> build, OnnxPerformanceHint hint, double[] parts)
    {
        var whole = build();
        using var reference = new OnnxBackend { Form = OnnxModelForm.Fast, PerformanceHint = hint }.Compile(whole.Network);
        reference.Run(whole.DurationMs);
        var chunked = build();
        using var simulation = new OnnxBackend { Form = OnnxModelForm.Fast, PerformanceHint = hint }.Compile(chunked.Network);
        foreach (double part in parts)
        {
            simulation.Run(part);
        }
        simulation.Run(whole.DurationMs - parts.Sum());

        Assert.Equal(reference.StepCount, simulation.StepCount);
        for (int m = 0; m < whole.Spikes.Length; m++)
        {
            SimulationHelpers.AssertSameSpikes(reference.GetSpikes(whole.Spikes[m]), simulation.GetSpikes(chunked.Spikes[m]));
            SimulationHelpers.AssertSameStates(reference.GetState(whole.Membranes[m]), simulation.GetState(chunked.Membranes[m]));
        }
    }

    [Fact]
    public void SingleStepFastModelStreamsTheTimeLoopsSpikes()
    {
        const int steps = 400;
        var network = OnnxTestNetworks.FeedForwardLif(6).Network;
        var loop = OnnxExporter.Build(network, new OnnxExportOptions { Form = OnnxModelForm.Fast });
        var step = OnnxExporter.Build(network, new OnnxExportOptions { Form = OnnxModelForm.Fast, Shape = OnnxTimeShape.SingleStep });
        var input = OnnxRuns.InputOf(loop.Layout, steps);
        var expected = OnnxRuns.RunLoop(loop, input, steps, 1);
        var streamed = OnnxRuns.Stream(step, input, steps);
        int spikes = 0;
        foreach (string name in loop.Layout.OutputNames)
        {
            Assert.Equal(expected[name], streamed[name]);
            spikes += expected[name].Count(v => v == 1f);
        }
        Assert.True(spikes > 20, $"only {spikes} spikes");
    }

    [Theory]
    [InlineData(OnnxClassAggregation.Sum)]
    [InlineData(OnnxClassAggregation.Max)]
    [InlineData(OnnxClassAggregation.SumOfSoftmax)]
    public void ClassifierScoresAreTheAggregatedSignalThroughTheLinearMap(OnnxClassAggregation aggregation)
    {
        const int steps = 600;
        var network = OnnxTestNetworks.FeedForwardLif(7).Network;
        var source = network.Populations.First(p => p.Name == "output");
        var random = new Random(5);
        var weights = Enumerable.Range(0, 4 * source.Size).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        float[] bias = [0.5f, -0.25f, 0f, 1f];
        var signal = aggregation == OnnxClassAggregation.Sum ? OnnxReadoutSignal.Spikes : OnnxReadoutSignal.Membrane;
        var model = OnnxExporter.Build(network, new OnnxExportOptions
        {
            IncludeMembrane = true,
            Classifier = new OnnxClassifier(source, signal, aggregation, weights, bias),
        });
        var input = OnnxRuns.InputOf(model.Layout, steps);
        var results = OnnxRuns.RunLoop(model, input, steps, 1, extraOutputs: [model.Layout.ClassScoresOutput!]);
        var trace = results[signal == OnnxReadoutSignal.Spikes ? model.Layout.SpikeOutput(source) : model.Layout.StateOutput(source, StateVariable.V)];
        int n = source.Size;
        var features = new double[n];
        for (int i = 0; i < n; i++)
        {
            features[i] = aggregation == OnnxClassAggregation.Max ? double.NegativeInfinity : 0;
        }
        for (int k = 0; k < steps; k++)
        {
            double max = double.NegativeInfinity, sum = 0;
            for (int i = 0; i < n; i++)
            {
                max = Math.Max(max, trace[k * n + i]);
            }
            for (int i = 0; i < n; i++)
            {
                sum += Math.Exp(trace[k * n + i] - max);
            }
            for (int i = 0; i < n; i++)
            {
                double value = trace[k * n + i];
                features[i] = aggregation switch
                {
                    OnnxClassAggregation.Sum => features[i] + value,
                    OnnxClassAggregation.Max => Math.Max(features[i], value),
                    _ => features[i] + Math.Exp(value - max) / sum,
                };
            }
        }
        var scores = results[model.Layout.ClassScoresOutput!];
        for (int c = 0; c < 4; c++)
        {
            double expected = bias[c];
            for (int i = 0; i < n; i++)
            {
                expected += weights[c * n + i] * features[i];
            }
            Assert.Equal(expected, scores[c], Math.Max(1e-4, Math.Abs(expected) * 1e-5));
        }
        Assert.Contains(trace, v => v != 0f);
    }

    [Fact]
    public void PredictedClassIsTheArgmaxOfTheScoresForEveryBatchEntry()
    {
        const int steps = 300;
        const int batch = 8;
        var network = OnnxTestNetworks.FeedForwardLif(8).Network;
        var source = network.Populations.First(p => p.Name == "output");
        var model = OnnxExporter.Build(network, new OnnxExportOptions
        {
            Classifier = new OnnxClassifier(source, OnnxReadoutSignal.Spikes, OnnxClassAggregation.Sum),
        });
        var random = new Random(2);
        var input = new float[steps * batch * model.Layout.InputWidth];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = random.NextDouble() < 0.02 ? 1f : 0f;
        }
        using var session = new InferenceSession(model.Bytes.ToArray());
        using var value = OrtValue.CreateTensorValueFromMemory(input, [steps, batch, model.Layout.InputWidth]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [model.Layout.InputName], [value], [model.Layout.ClassScoresOutput!, model.Layout.PredictedClassOutput!]);
        var scores = results[0].GetTensorDataAsSpan<float>().ToArray();
        var predicted = results[1].GetTensorDataAsSpan<long>().ToArray();
        Assert.Equal(batch, predicted.Length);
        for (int b = 0; b < batch; b++)
        {
            var row = scores.AsSpan(b * source.Size, source.Size);
            Assert.Equal(row.IndexOf(System.Numerics.Tensors.TensorPrimitives.Max(row)), predicted[b]);
        }
        Assert.True(scores.Sum() > 0, "no output spikes: the argmax would be trivial");
    }

    [Fact]
    public void ClassifierNeedsTheTimeLoopShape()
    {
        var network = OnnxTestNetworks.FeedForwardLif(1).Network;
        var source = network.Populations.First(p => p.Name == "output");
        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Build(network, new OnnxExportOptions
        {
            Shape = OnnxTimeShape.SingleStep,
            Classifier = new OnnxClassifier(source, OnnxReadoutSignal.Spikes, OnnxClassAggregation.Sum),
        }));
        Assert.Contains("time-loop", error.Message);
    }

    [Fact]
    public void ClassifierWeightsOfTheWrongShapeAreRejected()
    {
        var network = OnnxTestNetworks.FeedForwardLif(1).Network;
        var source = network.Populations.First(p => p.Name == "output");
        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.Build(network, new OnnxExportOptions
        {
            Classifier = new OnnxClassifier(source, OnnxReadoutSignal.Spikes, OnnxClassAggregation.Sum, new float[source.Size * 3 + 1], new float[3]),
        }));
        Assert.Contains($"classes × {source.Size} weights", error.Message);
        Assert.Equal("Classifier", error.ParamName);
    }

    /// <summary>Runs the network on the CPU engine and on the fast form laid out for <paramref name="hint"/>; asserts identical spikes
    /// and membranes within float rounding (<paramref name="membraneToleranceMv"/>, or 1e-5 relative;
    /// Izhikevich's quadratic term amplifies a last-bit difference in the input to ~0.01 mV on a spike's upstroke).</summary>
    private void AssertSameSpikes(Func<MonitoredNetwork> build, double membraneToleranceMv = 1e-4, OnnxPerformanceHint hint = OnnxPerformanceHint.Throughput)
    {
        var onCpu = build();
        using var cpu = SimulationHelpers.Run(onCpu.Network, onCpu.DurationMs);
        var onOnnx = build();
        using ISimulation onnx = new OnnxBackend { Form = OnnxModelForm.Fast, PerformanceHint = hint }.Compile(onOnnx.Network);
        onnx.Run(onOnnx.DurationMs);

        int total = 0;
        for (int m = 0; m < onCpu.Spikes.Length; m++)
        {
            var expected = cpu.GetSpikes(onCpu.Spikes[m]);
            SimulationHelpers.AssertSameSpikes(expected, onnx.GetSpikes(onOnnx.Spikes[m]));
            total += expected.Count;
        }
        Assert.True(total > 20, $"only {total} spikes: the network is too quiet to test anything");
        double largest = 0;
        for (int m = 0; m < onCpu.Membranes.Length; m++)
        {
            var expected = cpu.GetState(onCpu.Membranes[m]);
            var actual = onnx.GetState(onOnnx.Membranes[m]);
            for (int s = 0; s < expected.Values.Length; s++)
            {
                for (int k = 0; k < expected.Values[s].Length; k++)
                {
                    double e = expected.Values[s][k], a = actual.Values[s][k];
                    largest = Math.Max(largest, Math.Abs(e - a));
                    Assert.True(Math.Abs(e - a) <= Math.Max(membraneToleranceMv, 1e-5 * Math.Abs(e)), $"sample {s} neuron {k}: CPU {e:R} mV, fast ONNX {a:R} mV");
                }
            }
        }
        output.WriteLine($"{total} spikes, all identical; largest membrane difference {largest:G3} mV");
    }
}
