using Snn.Backends.Cpu;
using Snn.Core.Models;
using Snn.Core.Randomness;
using Snn.Learning.Gradient;
using Snn.Learning.Gradient.Export;

namespace Snn.Learning.Tests.Gradient;

public class SimulatorTransferTests
{
    [Fact]
    public void DiscreteLifStepIsTheTrainedNeuronUpdate()
    {
        var model = new DiscreteLif { Decay = 0.75f, Bias = 0.125f }.Prepare(1.0);
        var state = model.InitialState();
        float v = 0;
        float[] inputs = [0.5f, 0.25f, 0f, 0.75f, -0.5f, 1.25f];
        foreach (float input in inputs)
        {
            bool fired = model.Step(ref state, input, 0f, 0f, default);
            float h = 0.75f * v + (input + 0.125f);
            Assert.Equal(h >= 1f, fired);
            v = h >= 1f ? 0f : h;
            Assert.Equal(v, state.V);
        }
    }

    [Fact]
    public void ReadoutNeuronIntegratesWithoutEverFiring()
    {
        var model = new DiscreteLif { Decay = 0.5f, Spiking = false };
        var state = model.InitialState();
        for (int k = 0; k < 10; k++)
        {
            Assert.False(model.Step(ref state, 10f, 0f, 0f, default));
        }
        Assert.True(state.V > 19f);
    }

    [Fact]
    public void DiscreteLifRejectsAResetAtOrAboveThreshold()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteLif { VReset = 1f }.Validate());
        Assert.Equal("VReset", error.ParamName);
    }

    [Fact]
    public void SimulatedNetworkReproducesTheTrainedModelStepByStep()
    {
        var network = RandomModel(out var sample, steps: 20);
        var trace = network.Trace(sample, 20);
        var exported = SimulatorExport.Build(network, sample, 20, dtMs: 1.0);
        using var simulation = new CpuBackend().Compile(exported.Network);
        simulation.Run(exported.DurationMs);
        int spikes = 0;
        for (int l = 0; l < exported.Hidden.Count; l++)
        {
            var simulated = exported.HiddenSpikeTensor(simulation, l);
            Assert.Equal(trace.HiddenSpikes[l], simulated);
            foreach (float s in simulated)
            {
                spikes += (int)s;
            }
        }
        Assert.True(spikes > 10, $"only {spikes} hidden spikes; the comparison would be weak");
        var readout = exported.ReadoutTrace(simulation);
        Assert.Equal(trace.Readout.Length, readout.Length);
        for (int i = 0; i < readout.Length; i++)
        {
            Assert.True(Math.Abs(trace.Readout[i] - readout[i]) <= 1e-5f * (1 + Math.Abs(readout[i])), $"readout[{i}]: trained {trace.Readout[i]}, simulated {readout[i]}");
        }
    }

    [Fact]
    public void ExportedSynapsesCarryTheTrainedDelayPlusOneStep()
    {
        var network = RandomModel(out var sample, steps: 5);
        var exported = SimulatorExport.Build(network, sample, 5, dtMs: 0.5);
        var table = exported.Network.Projections[0].Instantiate();
        var delays = network.GetDelays(0);
        for (int s = 0; s < delays.Length; s++)
        {
            Assert.Equal(delays[s] + 1, table.DelaySteps[s]);
        }
        Assert.Equal(SynapseKind.VoltageJump, exported.Hidden[0].SynapseKind);
    }

    [Fact]
    public void ExportRejectsInputThatIsNotZeroOrOne()
    {
        var network = RandomModel(out var sample, steps: 5);
        sample[3] = 2f;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SimulatorExport.Build(network, sample, 5));
        Assert.Equal("sample", error.ParamName);
        Assert.Contains("sample[3] = 2", error.Message);
    }

    [Fact]
    public void SimulatedAccuracyOfATrainedModelMatchesTheTrainedModel()
    {
        var (train, test) = TimingData.Create(channels: 5, classes: 3, train: 120, test: 30, durationMs: 200);
        var config = new DelayNetworkConfig { Inputs = 5, Hidden = [12, 12], Classes = 3, MaxDelaySteps = 9, SigmaInit = 4, Dropout = 0.1 };
        var result = DelayTrainer.Train(config, train, test, new TrainingOptions { Epochs = 3, BatchSize = 20, Seed = 2, EvaluateEveryEpoch = false });
        double simulated = SimulatorExport.Accuracy(new CpuBackend(), result.Network, test);
        Assert.True(Math.Abs(simulated - result.TestAccuracy) <= 0.01, $"trained {result.TestAccuracy}, simulated {simulated}");
    }

    /// <summary>A two-hidden-layer model with non-trivial batch-norm statistics and a random binary input.</summary>
    internal static DelayNetwork RandomModel(out float[] sample, int steps)
    {
        var config = new DelayNetworkConfig { Inputs = 6, Hidden = [8, 7], Classes = 3, MaxDelaySteps = 7, TauSteps = 3 };
        var network = DelayNetwork.Create(config, 5);
        var rng = new CounterRng(9, RngStreams.User(2), 0);
        foreach (var layer in network.Layers)
        {
            for (int s = 0; s < layer.Weights.Length; s++)
            {
                layer.Weights[s] *= 2f;
            }
            for (int k = 0; k < layer.Outputs; k++)
            {
                layer.Gamma[k] = (float)(0.5 + rng.NextDouble());
                layer.Beta[k] = (float)(rng.NextDouble() - 0.3);
                layer.RunningMean[k] = (float)(0.2 * rng.NextDouble());
                layer.RunningVar[k] = (float)(0.3 + rng.NextDouble());
            }
        }
        sample = new float[steps * config.Inputs];
        for (int i = 0; i < sample.Length; i++)
        {
            sample[i] = rng.NextDouble() < 0.3 ? 1f : 0f;
        }
        return network;
    }
}
