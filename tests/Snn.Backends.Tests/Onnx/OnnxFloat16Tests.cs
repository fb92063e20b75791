using Microsoft.ML.OnnxRuntime;
using Snn.Backends.Onnx;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Xunit.Abstractions;

namespace Snn.Backends.Tests.Onnx;

/// <summary>
/// Float16 weight storage in the fast form: the same predicted classes as float32 weights on a
/// batch of random inputs, a file smaller by at least two bytes per synapse, spike agreement
/// reported, and the combinations it does not support refused.
/// </summary>
public class OnnxFloat16Tests(ITestOutputHelper output)
{
    private const int Steps = 600;
    private const int Batch = 24;

    [Fact]
    public void Float16WeightsGiveTheFloat32ClassesInTwoBytesPerWeight()
    {
        var network = OnnxTestNetworks.FeedForwardLif(9).Network;
        var source = network.Populations.First(p => p.Name == "output");
        OnnxModel Export(OnnxWeightPrecision precision) => OnnxExporter.Build(network, new OnnxExportOptions
        {
            WeightPrecision = precision,
            Classifier = new OnnxClassifier(source, OnnxReadoutSignal.Spikes, OnnxClassAggregation.Sum),
        });
        var single = Export(OnnxWeightPrecision.Float32);
        var half = Export(OnnxWeightPrecision.Float16);
        var random = new Random(4);
        var input = new float[Steps * Batch * single.Layout.InputWidth];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = random.NextDouble() < 0.01 + 0.01 * (i / single.Layout.InputWidth % Batch % 4) ? 1f : 0f;
        }
        var (classes32, spikes32) = Run(single, input, single.Layout.SpikeOutput(source));
        var (classes16, spikes16) = Run(half, input, half.Layout.SpikeOutput(source));
        int identical = spikes32.Zip(spikes16).Count(p => p.First == p.Second && p.First == 1f);
        int events = Math.Max(spikes32.Count(v => v == 1f), spikes16.Count(v => v == 1f));
        output.WriteLine($"classes {string.Join(",", classes32)}; {identical}/{events} output spike events identical; {single.SizeBytes} → {half.SizeBytes} bytes");

        Assert.True(classes32.Distinct().Count() > 1, "every batch entry predicts the same class: the comparison would be trivial");
        Assert.Equal(classes32, classes16);
        Assert.True(events > 100, $"only {events} output spikes");
        long synapses = network.Projections.Sum(p => (long)p.Instantiate().Count);
        Assert.True(single.SizeBytes - half.SizeBytes >= 2 * synapses, $"float16: {half.SizeBytes} bytes, float32: {single.SizeBytes}, {synapses} synapses");
    }

    [Fact]
    public void TheExactFormRefusesFloat16Weights()
    {
        var network = OnnxTestNetworks.FeedForwardLif(1).Network;
        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Build(network, new OnnxExportOptions { Form = OnnxModelForm.Exact, WeightPrecision = OnnxWeightPrecision.Float16 }));
        Assert.Contains("fast-form option", error.Message);
    }

    [Fact]
    public void OnnxBackendPassesItsWeightPrecisionToTheExport()
    {
        var network = OnnxTestNetworks.FeedForwardLif(1).Network;
        var error = Assert.Throws<NotSupportedException>(() => new OnnxBackend { Form = OnnxModelForm.Exact, WeightPrecision = OnnxWeightPrecision.Float16 }.Compile(network));
        Assert.Contains("fast-form option", error.Message);
    }

    [Fact]
    public void AWeightBeyondTheFloat16RangeIsRejected()
    {
        var network = new Network(1, dt: 1.0);
        var input = network.AddSpikeSource("input", [[1.0]]);
        var target = network.AddPopulation("target", 1, new LifCurrent());
        network.Connect(input, target, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Constant(70_000)));
        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.Build(network, new OnnxExportOptions { WeightPrecision = OnnxWeightPrecision.Float16 }));
        Assert.Equal(nameof(OnnxExportOptions.WeightPrecision), error.ParamName);
        Assert.Contains("70000", error.Message);
    }

    [OnnxCheckerFact]
    public void Float16ModelsPassTheReferenceChecker()
    {
        var folder = Directory.CreateTempSubdirectory("snn-onnx-check-");
        var failures = new List<string>();
        foreach (var shape in (OnnxTimeShape[])[OnnxTimeShape.TimeLoop, OnnxTimeShape.SingleStep])
        {
            string path = Path.Combine(folder.FullName, $"float16-{shape}.onnx");
            OnnxExporter.Build(OnnxTestNetworks.RecurrentConductance(2).Network, new OnnxExportOptions { Shape = shape, WeightPrecision = OnnxWeightPrecision.Float16 }).Save(path);
            string message = OnnxChecker.Check(path);
            if (message.Length > 0)
            {
                failures.Add($"{shape}: {message}");
            }
        }
        folder.Delete(recursive: true);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static (long[] Classes, float[] Spikes) Run(OnnxModel model, float[] input, string spikes)
    {
        using var session = new InferenceSession(model.Bytes.ToArray());
        using var value = OrtValue.CreateTensorValueFromMemory(input, [Steps, Batch, model.Layout.InputWidth]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [model.Layout.InputName], [value], [model.Layout.PredictedClassOutput!, spikes]);
        return (results[0].GetTensorDataAsSpan<long>().ToArray(), results[1].GetTensorDataAsSpan<float>().ToArray());
    }
}
