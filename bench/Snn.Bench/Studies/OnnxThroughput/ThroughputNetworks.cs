using System.Numerics.Tensors;
using Snn.Backends.Onnx;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Randomness;
using Snn.Datasets.Formats;
using Snn.Learning.Gradient;
using Snn.Learning.Gradient.Export;

namespace Snn.Bench.Studies.OnnxThroughput;

/// <summary>
/// The three networks of the <c>onnx-throughput</c> study: a delay model trained on the temporal
/// pattern task (learned delays up to 25 steps, two hidden layers, the trainer's readout rule), a
/// dense 784-input LIF classifier on rate-coded images, and a recurrent sparse LIF liquid with a
/// linear read-out of its spike counts.
/// </summary>
internal static class ThroughputNetworks
{
    /// <summary>Training samples of the delay model.</summary>
    public const int TrainingSamples = 400;

    /// <summary>A delay model (6 → 128 → 128 → 20) trained on <see cref="TrainingSamples"/> samples of
    /// the temporal-pattern task for 10 epochs (quick: 5; fewer updates leave the hidden layers below
    /// threshold, a silent network whose constant class agrees trivially); its readout rule is
    /// class = argmax Σ_t softmax(v[t]) over the non-spiking readout membrane.</summary>
    public static ThroughputNetwork DelayModel(ulong seed, bool quick, int samples)
    {
        var task = DelayDataSets.TimingTask();
        var train = DelayDataSets.Timing(task, 0, TrainingSamples);
        var test = DelayDataSets.Timing(task, 100_000, samples);
        var config = new DelayNetworkConfig { Inputs = train.Channels, Hidden = [128, 128], Classes = train.Classes, MaxDelaySteps = 25 };
        var model = DelayTrainer.Train(config, train, null, new TrainingOptions { Epochs = quick ? 5 : 10, BatchSize = 40, Seed = seed, EvaluateEveryEpoch = false }).Network;
        var lag = SimulatorExport.Build(model, new float[test.Steps * test.Channels], test.Steps).Lag;
        var inputs = Enumerable.Range(0, test.Count).Select(n => Padded(test.Sample(n), test.Steps, lag, test.Channels)).ToArray();
        return new ThroughputNetwork("delay-model", test.Steps + lag, test.Channels, inputs, sample =>
        {
            var exported = SimulatorExport.Build(model, sample.AsSpan(0, test.Steps * test.Channels), test.Steps);
            var classifier = new OnnxClassifier(exported.Readout, OnnxReadoutSignal.Membrane, OnnxClassAggregation.SumOfSoftmax);
            return new ThroughputSample(exported.Network, classifier, [.. exported.HiddenSpikes], exported.ReadoutMembrane);
        });
    }

    /// <summary>784 inputs (rate-coded 28 × 28 images: Fashion-MNIST where installed, else seeded
    /// random images) → 128 LIF → 10 LIF, all to all, one-step delays; class = the output neuron
    /// with the most spikes.</summary>
    public static ThroughputNetwork DenseClassifier(ulong seed, int samples, int steps)
    {
        var pixels = Images(seed, samples);
        var inputs = pixels.Select((image, n) => RateCode(image, steps, seed, n)).ToArray();
        return new ThroughputNetwork("dense-784", steps, 784, inputs, sample =>
        {
            var network = new Network(seed, dt: 1.0);
            var input = network.AddSpikeSource("pixels", Trains(sample, steps, 784));
            var lif = new LifCurrent { TauM = 10, TauSynE = 2, TauSynI = 2, EL = -65, VReset = -65, VThreshold = -55, RefractoryPeriod = 2 };
            var hidden = network.AddPopulation("hidden", 128, lif);
            var output = network.AddPopulation("output", 10, lif);
            network.Connect(input, hidden, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Normal(60, 60, 0, 400)));
            network.Connect(input, hidden, Connectivity.AllToAll(), Synapse.Inhibitory(Dist.Uniform(-40, 0)));
            network.Connect(hidden, output, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Uniform(0, 500)));
            var classifier = new OnnxClassifier(output, OnnxReadoutSignal.Spikes, OnnxClassAggregation.Sum);
            return new ThroughputSample(network, classifier, [network.RecordSpikes(hidden), network.RecordSpikes(output)], null);
        });
    }

    /// <summary>100 Poisson-like inputs (1 % per step, and 20 % on the ten channels 10·(n mod 10) to
    /// 10·(n mod 10) + 9 of sample n) → 1000 LIF liquid (2 % excitatory and 1 % inhibitory recurrence,
    /// delays 1-5 ms); class = argmax of a fixed random linear map of the liquid's spike counts whose
    /// rows sum to zero, so the class follows the sample's pattern of counts rather than their total.</summary>
    public static ThroughputNetwork RecurrentLiquid(ulong seed, int samples, int steps)
    {
        var inputs = Enumerable.Range(0, samples).Select(n => RandomSpikes(seed, n, steps, 100, 0.01, (n % 10) * 10, 0.2)).ToArray();
        var rng = new CounterRng(seed, RngStreams.User(41), 0);
        var weights = Enumerable.Range(0, 10 * 1000).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        for (int c = 0; c < 10; c++)
        {
            var row = weights.AsSpan(c * 1000, 1000);
            float mean = TensorPrimitives.Sum<float>(row) / row.Length;
            TensorPrimitives.Subtract(row, mean, row);
        }
        return new ThroughputNetwork("recurrent-1000", steps, 100, inputs, sample =>
        {
            var network = new Network(seed, dt: 1.0);
            var input = network.AddSpikeSource("input", Trains(sample, steps, 100));
            var lif = new LifCurrent { TauM = 20, TauSynE = 5, TauSynI = 10, EL = -60, VReset = -60, VThreshold = -50, RefractoryPeriod = 2 };
            var liquid = network.AddPopulation("liquid", 1000, lif).WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
            network.Connect(input, liquid, Connectivity.Probability(0.1), Synapse.Excitatory(Dist.Uniform(200, 600), Dist.Uniform(1, 3)));
            network.Connect(liquid, liquid, Connectivity.Probability(0.02), Synapse.Excitatory(Dist.Uniform(50, 250), Dist.Uniform(1, 5)));
            network.Connect(liquid, liquid, Connectivity.Probability(0.01), Synapse.Inhibitory(Dist.Uniform(-500, -100), Dist.Uniform(1, 5)));
            var classifier = new OnnxClassifier(liquid, OnnxReadoutSignal.Spikes, OnnxClassAggregation.Sum, weights, new float[10]);
            return new ThroughputSample(network, classifier, [network.RecordSpikes(liquid)], null);
        });
    }

    private static float[] Padded(ReadOnlySpan<float> sample, int steps, int lag, int channels)
    {
        var padded = new float[(steps + lag) * channels];
        sample.CopyTo(padded);
        return padded;
    }

    private static double[][] Trains(float[] sample, int steps, int channels)
    {
        var trains = new double[channels][];
        var list = new List<double>();
        for (int c = 0; c < channels; c++)
        {
            list.Clear();
            for (int k = 0; k < steps; k++)
            {
                if (sample[k * channels + c] != 0f)
                {
                    list.Add(k + 1.0);
                }
            }
            trains[c] = [.. list];
        }
        return trains;
    }

    private static byte[][] Images(ulong seed, int count)
    {
        try
        {
            return IdxDataset.FashionMnist(Snn.Datasets.DataSplit.Test, null).Take(count).Select(i => i.Pixels).ToArray();
        }
        catch (FileNotFoundException)
        {
            var rng = new CounterRng(seed, RngStreams.User(42), 0);
            return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 784).Select(_ => (byte)(rng.NextDouble() < 0.4 ? rng.NextDouble() * 255 : 0)).ToArray()).ToArray();
        }
    }

    /// <summary>Pixel intensity p/255 × 0.2 is the spike probability per step (up to 200 Hz at 1 ms).</summary>
    private static float[] RateCode(byte[] image, int steps, ulong seed, int index)
    {
        var rng = new CounterRng(seed, RngStreams.User(43), (uint)index);
        var sample = new float[steps * 784];
        for (int k = 0; k < steps; k++)
        {
            for (int i = 0; i < 784; i++)
            {
                sample[k * 784 + i] = rng.NextDouble() < image[i] / 255.0 * 0.2 ? 1f : 0f;
            }
        }
        return sample;
    }

    /// <summary>Bernoulli spikes per step: <paramref name="probability"/> on every channel, <paramref name="groupProbability"/>
    /// on the ten channels from <paramref name="group"/>.</summary>
    private static float[] RandomSpikes(ulong seed, int index, int steps, int channels, double probability, int group, double groupProbability)
    {
        var rng = new CounterRng(seed, RngStreams.User(44), (uint)index);
        var sample = new float[steps * channels];
        for (int i = 0; i < sample.Length; i++)
        {
            int channel = i % channels;
            sample[i] = rng.NextDouble() < (channel >= group && channel < group + 10 ? groupProbability : probability) ? 1f : 0f;
        }
        return sample;
    }
}
