using Microsoft.ML.OnnxRuntime;
using Snn.Backends.Onnx;
using Snn.Learning.Gradient;
using Snn.Learning.Gradient.Export;

namespace Snn.Examples.OnnxDeploy;

/// <summary>Deploys a trained delay model: export it once as an ONNX classifier, then classify
/// spike tensors with ONNX Runtime alone.</summary>
public static class OnnxDeploy
{
    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> as a classifier of samples of
    /// <paramref name="steps"/> steps and returns its lag: the zero steps to append to each sample.</summary>
    public static int Export(DelayNetwork model, int steps, string path)
    {
        var exported = SimulatorExport.Build(model, new float[steps * model.Config.Inputs], steps);
        var head = new OnnxClassifier(exported.Readout, OnnxReadoutSignal.Membrane, OnnxClassAggregation.SumOfSoftmax);
        OnnxExporter.Export(exported.Network, new OnnxExportOptions { Classifier = head, OutputPopulations = [] }, path);
        return exported.Lag;
    }

    /// <summary>The class of each sample in <paramref name="spikes"/>: [steps, batch, inputs] values, 1 = spike.</summary>
    public static long[] Classify(string path, float[] spikes, int steps, int batch, int inputs)
    {
        // Each state input defaults to the network's starting state, so a caller may leave it out;
        // ONNX Runtime logs a warning per such input when it loads the file, which errors-only quiets.
        using var sessionOptions = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        using var session = new InferenceSession(path, sessionOptions);
        using var input = OrtValue.CreateTensorValueFromMemory(spikes, [steps, batch, inputs]);
        using var options = new RunOptions();
        using var outputs = session.Run(options, ["spikes_in"], [input], ["predicted_class"]);
        return outputs[0].GetTensorDataAsSpan<long>().ToArray();
    }
}
