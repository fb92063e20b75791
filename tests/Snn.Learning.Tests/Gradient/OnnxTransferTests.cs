using Snn.Backends.Cpu;
using Snn.Backends.Onnx;
using Snn.Core.Randomness;
using Snn.Learning.Gradient;
using Snn.Learning.Gradient.Export;

namespace Snn.Learning.Tests.Gradient;

/// <summary>
/// A model trained with learnable delays, rebuilt by <see cref="SimulatorExport"/> and exported
/// to ONNX: ONNX Runtime must give the CPU engine's hidden spikes and readout membranes bit for bit.
/// </summary>
public class OnnxTransferTests
{
    [Fact]
    public void TrainedModelExportedToOnnxGivesTheCpuEnginesSpikesAndReadout()
    {
        var (train, test) = TimingData.Create(channels: 5, classes: 3, train: 60, test: 4, durationMs: 200);
        var config = new DelayNetworkConfig { Inputs = 5, Hidden = [12, 12], Classes = 3, MaxDelaySteps = 9, SigmaInit = 4 };
        var trained = DelayTrainer.Train(config, train, null, new TrainingOptions { Epochs = 2, BatchSize = 20, Seed = 2, EvaluateEveryEpoch = false }).Network;
        var samples = Enumerable.Range(0, test.Count).Select(n => test.Sample(n).ToArray()).Concat(DenseSamples(6, test.Steps * config.Inputs));
        int spikes = 0;
        foreach (var sample in samples)
        {
            spikes += AssertSameOnBothEngines(trained, sample, test.Steps);
        }
        Assert.True(spikes > 20, $"only {spikes} hidden spikes; the comparison would be weak");
    }

    /// <summary>Runs one sample on the CPU engine and on ONNX Runtime, asserts identical hidden
    /// spikes and bit-identical readout membranes, and returns the number of hidden spikes.</summary>
    private static int AssertSameOnBothEngines(DelayNetwork model, float[] sample, int steps)
    {
        var onCpu = SimulatorExport.Build(model, sample, steps);
        using var cpu = new CpuBackend().Compile(onCpu.Network);
        cpu.Run(onCpu.DurationMs);
        var onOnnx = SimulatorExport.Build(model, sample, steps);
        using var onnx = new OnnxBackend().Compile(onOnnx.Network);
        onnx.Run(onOnnx.DurationMs);

        int spikes = 0;
        for (int l = 0; l < onCpu.Hidden.Count; l++)
        {
            var expected = onCpu.HiddenSpikeTensor(cpu, l);
            Assert.Equal(expected, onOnnx.HiddenSpikeTensor(onnx, l));
            spikes += expected.Count(s => s != 0f);
        }
        var readout = onCpu.ReadoutTrace(cpu);
        var exported = onOnnx.ReadoutTrace(onnx);
        Assert.Equal(readout.Length, exported.Length);
        for (int i = 0; i < readout.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(readout[i]) == BitConverter.SingleToInt32Bits(exported[i]),
                $"readout[{i}]: CPU {readout[i]:R}, ONNX {exported[i]:R}");
        }
        return spikes;
    }

    /// <summary>Binary inputs denser than the task's (a spike in 80% of the bins), so the trained
    /// hidden layers fire often.</summary>
    private static IEnumerable<float[]> DenseSamples(int count, int length)
    {
        var rng = new CounterRng(11, RngStreams.User(3), 0);
        for (int n = 0; n < count; n++)
        {
            var sample = new float[length];
            for (int i = 0; i < length; i++)
            {
                sample[i] = rng.NextDouble() < 0.8 ? 1f : 0f;
            }
            yield return sample;
        }
    }
}
