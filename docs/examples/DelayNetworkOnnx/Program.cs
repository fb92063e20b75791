using Snn.Backends.Cpu;
using Snn.Backends.Onnx;
using Snn.Datasets;
using Snn.Datasets.Synthetic;
using Snn.Learning.Gradient;
using Snn.Learning.Gradient.Export;

// Trains a spiking network with learnable synaptic delays (surrogate gradients, DCLS) on a task
// whose four classes differ only in spike timing, then deploys it: the trained weights and delays
// become an ordinary Snn network (SimulatorExport), which is run on the CPU engine and on ONNX
// Runtime, and written to an .onnx file.
const int Channels = 10, Classes = 4, TrainCount = 400, TestCount = 40;
const double DurationMs = 200, BinMs = 10;

var task = new TemporalPatternTask(Channels, Classes, DurationMs, jitterMs: 3, new RandomSource(seed: 7));
var train = Bin(task, 0, TrainCount);
var test = Bin(task, TrainCount, TestCount);

var config = new DelayNetworkConfig { Inputs = Channels, Hidden = [32], Classes = Classes, MaxDelaySteps = 9, SigmaInit = 4 };
var options = new TrainingOptions { Epochs = 15, BatchSize = 40, Seed = 1, EvaluateEveryEpoch = false };
var trained = DelayTrainer.Train(config, train, test, options).Network;
Console.WriteLine($"trained: test accuracy {100 * trained.Accuracy(test):F1} % (chance {100.0 / Classes:F0} %)");
int[] delays = trained.GetDelays(0);                                             // [inputs, outputs]
Console.WriteLine($"learned delays from the {Channels} inputs to hidden neuron 0 (time steps): {string.Join(' ', Enumerable.Range(0, Channels).Select(i => delays[i * trained.OutputsOf(0)]))}");

int agree = 0, correctOnOnnx = 0;
for (int n = 0; n < test.Count; n++)
{
    int onCpu = SimulatorExport.Classify(new CpuBackend(), trained, test.Sample(n), test.Steps);
    int onOnnx = SimulatorExport.Classify(new OnnxBackend(), trained, test.Sample(n), test.Steps);
    agree += onCpu == onOnnx ? 1 : 0;
    correctOnOnnx += onOnnx == test.Labels[n] ? 1 : 0;
}
Console.WriteLine($"deployed on ONNX Runtime: test accuracy {100.0 * correctOnOnnx / test.Count:F1} %, same class as the CPU engine for {agree} of {test.Count} samples");

var first = SimulatorExport.Build(trained, test.Sample(0), test.Steps);
OnnxExporter.Export(first.Network, new OnnxExportOptions(), "delay-network.onnx");
Console.WriteLine($"wrote delay-network.onnx ({new FileInfo("delay-network.onnx").Length} bytes): the network with test sample 0 as its input");

static SpikeTensorSet Bin(TemporalPatternTask task, int start, int count)
{
    var samples = Enumerable.Range(start, count).Select(task.Sample).ToArray();
    return SpikeTensorSet.FromSpikeTimes(samples.Select(s => s.Trains.ToArray()).ToArray(), samples.Select(s => s.Label).ToArray(),
        task.Classes, BinMs, (int)Math.Ceiling(DurationMs / BinMs));
}
