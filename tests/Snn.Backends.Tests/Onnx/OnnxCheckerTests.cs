using Snn.Backends.Onnx;
using Snn.Core;

namespace Snn.Backends.Tests.Onnx;

/// <summary>
/// Every form, time shape and performance hint of every lowered model (current, conductance,
/// Izhikevich and discrete LIF; spike-driven delivery in a sparse liquid; short-term plasticity; a
/// classifier head) passes the ONNX reference checker with strict shape inference, so tools
/// other than ONNX Runtime accept the files.
/// </summary>
public class OnnxCheckerTests
{
    public static TheoryData<OnnxModelForm, OnnxTimeShape, OnnxPerformanceHint> FormsAndShapes { get; } = new()
    {
        { OnnxModelForm.Fast, OnnxTimeShape.TimeLoop, OnnxPerformanceHint.Throughput },
        { OnnxModelForm.Fast, OnnxTimeShape.TimeLoop, OnnxPerformanceHint.Latency },
        { OnnxModelForm.Fast, OnnxTimeShape.SingleStep, OnnxPerformanceHint.Throughput },
        { OnnxModelForm.Exact, OnnxTimeShape.TimeLoop, OnnxPerformanceHint.Throughput },
        { OnnxModelForm.Exact, OnnxTimeShape.SingleStep, OnnxPerformanceHint.Throughput },
    };

    [OnnxCheckerFact]
    public void EveryFormAndShapeOfEveryModelPassesTheReferenceChecker()
    {
        var folder = Directory.CreateTempSubdirectory("snn-onnx-check-");
        var failures = new List<string>();
        foreach (var (name, network) in Networks())
        {
            foreach (var row in FormsAndShapes)
            {
                var (form, shape, hint) = ((OnnxModelForm)row[0], (OnnxTimeShape)row[1], (OnnxPerformanceHint)row[2]);
                string path = Path.Combine(folder.FullName, $"{name}-{form}-{shape}-{hint}.onnx");
                OnnxExporter.Build(network, new OnnxExportOptions { Form = form, Shape = shape, PerformanceHint = hint, IncludeMembrane = true }).Save(path);
                string message = OnnxChecker.Check(path);
                if (message.Length > 0)
                {
                    failures.Add($"{name} {form} {shape} {hint}: {message}");
                }
            }
        }
        folder.Delete(recursive: true);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [OnnxCheckerFact]
    public void ClassifierHeadPassesTheReferenceChecker()
    {
        var folder = Directory.CreateTempSubdirectory("snn-onnx-check-");
        var network = OnnxTestNetworks.FeedForwardLif(3).Network;
        var output = network.Populations.First(p => p.Name == "output");
        string path = Path.Combine(folder.FullName, "classifier.onnx");
        OnnxExporter.Build(network, new OnnxExportOptions { Classifier = new OnnxClassifier(output, OnnxReadoutSignal.Spikes, OnnxClassAggregation.SumOfSoftmax) }).Save(path);
        string message = OnnxChecker.Check(path);
        folder.Delete(recursive: true);
        Assert.Equal("", message);
    }

    private static IEnumerable<(string Name, Network Network)> Networks()
    {
        yield return ("lif-current", OnnxTestNetworks.FeedForwardLif(1).Network);
        // 200 hidden neurons: the layers' connections are delivered by the spikes over the whole run (an If over a Scan per batch entry).
        yield return ("lif-current-wide", OnnxTestNetworks.FeedForwardLif(1, hiddenSize: 200).Network);
        yield return ("lif-conductance", OnnxTestNetworks.RecurrentConductance(1).Network);
        yield return ("sparse-liquid", OnnxTestNetworks.SparseRecurrentLif(1).Network);
        yield return ("short-term", OnnxTestNetworks.ShortTermLif(1).Network);
        yield return ("izhikevich", OnnxTestNetworks.RecurrentIzhikevich(1).Network);
        yield return ("discrete-lif", OnnxTestNetworks.RecurrentDiscreteLif(1).Network);
    }
}
