using Snn.Backends.Cpu;
using Snn.Examples.OnnxDeploy;
using Snn.Learning.Gradient;
using Snn.Learning.Gradient.Export;

namespace Snn.Learning.Tests.Gradient;

/// <summary>The README's deployment example (docs/examples/onnx-deploy), run as written: a trained
/// delay model exported as a classifier and fed through ONNX Runtime gives the CPU engine's class.</summary>
public class OnnxDeployExampleTests
{
    [Fact]
    public void ReadmeQuotesTheExampleFileVerbatim()
    {
        string example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "OnnxDeploy.cs.txt")).ReplaceLineEndings("\n");
        string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "README.md")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + example + "```\n", readme);
    }

    [Fact]
    public void ExportedClassifierPredictsTheCpuEnginesClassForEveryTestSample()
    {
        var (train, test) = TimingData.Create(channels: 5, classes: 3, train: 120, test: 30, durationMs: 200);
        var config = new DelayNetworkConfig { Inputs = 5, Hidden = [24, 24], Classes = 3, MaxDelaySteps = 9, SigmaInit = 4, Dropout = 0.1 };
        var model = DelayTrainer.Train(config, train, null, new TrainingOptions { Epochs = 10, BatchSize = 20, Seed = 2, EvaluateEveryEpoch = false }).Network;
        string path = Path.Combine(Path.GetTempPath(), $"snn-deploy-{Guid.NewGuid():N}.onnx");
        try
        {
            int lag = OnnxDeploy.Export(model, test.Steps, path);
            int steps = test.Steps + lag;
            var spikes = new float[steps * test.Count * test.Channels];
            for (int n = 0; n < test.Count; n++)
            {
                var sample = test.Sample(n);
                for (int k = 0; k < test.Steps; k++)
                {
                    sample.Slice(k * test.Channels, test.Channels).CopyTo(spikes.AsSpan((k * test.Count + n) * test.Channels, test.Channels));
                }
            }

            var classes = OnnxDeploy.Classify(path, spikes, steps, test.Count, test.Channels);

            var engine = Enumerable.Range(0, test.Count).Select(n => (long)SimulatorExport.Classify(new CpuBackend(), model, test.Sample(n), test.Steps)).ToArray();
            Assert.Equal(engine, classes);
            Assert.Equal(config.Classes, engine.Distinct().Count());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
