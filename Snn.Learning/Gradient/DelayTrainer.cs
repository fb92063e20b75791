using System.Diagnostics;
using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Learning.Gradient;

/// <summary>
/// Surrogate-gradient training of a <see cref="DelayNetwork"/> (Hammouamri et al., ICLR 2024):
/// backpropagation through time with the ATan surrogate, the reset detached from the graph, loss
/// CE(Σ_t softmax(v_out[t]), y); AdamW on weights and batch norm (one-cycle), a separate Adam on
/// DCLS positions (cosine), σ annealed from σ₀ to σ₁ over the first quarter of training.
/// Deterministic for a seed, whatever the thread count.
/// </summary>
public static class DelayTrainer
{
    /// <summary>Trains a fresh network.</summary>
    /// <param name="config">The architecture.</param>
    /// <param name="train">The training set.</param>
    /// <param name="test">The test set, or null.</param>
    /// <param name="options">Optimisation settings.</param>
    /// <param name="progress">Receives every epoch's record, or null.</param>
    public static TrainingResult Train(DelayNetworkConfig config, SpikeTensorSet train, SpikeTensorSet? test, TrainingOptions options, IProgress<EpochRecord>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var network = DelayNetwork.Create(config, options.Seed);
        return Continue(network, train, test, options, progress);
    }

    /// <summary>Trains <paramref name="network"/> further (schedules restart).</summary>
    /// <param name="network">The network, changed in place.</param>
    /// <param name="train">The training set.</param>
    /// <param name="test">The test set, or null.</param>
    /// <param name="options">Optimisation settings.</param>
    /// <param name="progress">Receives every epoch's record, or null.</param>
    public static TrainingResult Continue(DelayNetwork network, SpikeTensorSet train, SpikeTensorSet? test, TrainingOptions options, IProgress<EpochRecord>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var config = network.Config;
        CheckData(config, train, nameof(train));
        if (test is not null)
        {
            CheckData(config, test, nameof(test));
        }
        var layers = network.Layers;
        bool learned = config.Delays == DelayMode.Learned;
        var weights = new AdamW();
        var positions = new AdamW();
        foreach (var layer in layers)
        {
            weights.Add(layer.Weights, layer.WeightGrad, (float)options.WeightDecay);
            if (layer.BatchNorm)
            {
                weights.Add(layer.Gamma, layer.GammaGrad, 0f);
                weights.Add(layer.Beta, layer.BetaGrad, 0f);
            }
            if (learned)
            {
                positions.Add(layer.Positions, layer.PositionGrad, 0f);
            }
        }
        int batchSize = Math.Min(options.BatchSize, train.Count);
        var pass = new BatchPass(config, layers, train.Steps, batchSize);
        var order = new int[train.Count];
        var batch = new int[batchSize];
        int perEpoch = (train.Count + batchSize - 1) / batchSize;
        long total = (long)perEpoch * options.Epochs;
        long iteration = 0;
        var history = new List<EpochRecord>(options.Epochs);
        double trainSeconds = 0;
        long trainSamples = 0;
        float sigma = 0f;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            Shuffle(order, options.Seed, epoch);
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            int correct = 0;
            for (int start = 0; start < train.Count; start += batchSize)
            {
                int count = Math.Min(batchSize, train.Count - start);
                Array.Copy(order, start, batch, 0, count);
                double progressFraction = (double)iteration / total;
                if (learned)
                {
                    sigma = (float)Schedules.Sigma(config.SigmaInit, config.SigmaFinal, config.SigmaAnnealFraction, progressFraction);
                }
                BuildKernels(layers, learned, sigma);
                lossSum += pass.Forward(train, batch, count, iteration, options.Seed) * count;
                for (int b = 0; b < count; b++)
                {
                    correct += pass.Predicted(b) == train.Labels[batch[b]] ? 1 : 0;
                }
                pass.Backward(sigma, learned);
                weights.Step((float)Schedules.LearningRate(options.WeightSchedule, options.WeightLearningRate, progressFraction));
                if (learned)
                {
                    positions.Step((float)Schedules.LearningRate(options.PositionSchedule, options.PositionLearningRate, progressFraction));
                    foreach (var layer in layers)
                    {
                        layer.ClampPositions();
                    }
                }
                iteration++;
            }
            double seconds = clock.Elapsed.TotalSeconds;
            trainSeconds += seconds;
            trainSamples += train.Count;
            bool evaluate = test is not null && (options.EvaluateEveryEpoch || epoch == options.Epochs - 1);
            double testAccuracy = evaluate ? network.Accuracy(test!) : double.NaN;
            var record = new EpochRecord(epoch + 1, lossSum / train.Count, (double)correct / train.Count, testAccuracy, sigma, train.Count / Math.Max(seconds, 1e-9));
            history.Add(record);
            progress?.Report(record);
        }
        double final = history[^1].TestAccuracy;
        return new TrainingResult(network, history, final, trainSamples / Math.Max(trainSeconds, 1e-9));
    }

    /// <summary>
    /// The loss and gradients of one training step on every sample of <paramref name="batch"/>, in
    /// order: batch statistics, the dropout masks of the trainer's first step with
    /// <paramref name="seed"/>, Gaussian kernels of width <paramref name="sigma"/> when delays are
    /// learned (rounded delays otherwise). The network is not changed. For checking the gradients
    /// against another implementation of the same network.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="batch">The batch, all of it.</param>
    /// <param name="sigma">The DCLS Gaussian width (steps), &gt; 0; ignored unless delays are learned.</param>
    /// <param name="seed">The seed of the dropout masks.</param>
    public static DelayGradients Gradients(DelayNetwork network, SpikeTensorSet batch, double sigma, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(batch);
        Guard.Positive(sigma, nameof(sigma));
        CheckData(network.Config, batch, nameof(batch));
        var layers = network.Layers;
        bool learned = network.Config.Delays == DelayMode.Learned;
        BuildKernels(layers, learned, (float)sigma);
        var running = new float[layers.Count][];
        for (int l = 0; l < layers.Count; l++)
        {
            running[l] = [.. layers[l].RunningMean, .. layers[l].RunningVar];
        }
        var pass = new BatchPass(network.Config, layers, batch.Steps, batch.Count);
        int[] order = [.. Enumerable.Range(0, batch.Count)];
        double loss = pass.Forward(batch, order, batch.Count, 0, seed);
        pass.Backward((float)sigma, learned);
        for (int l = 0; l < layers.Count; l++)
        {
            int o = layers[l].Outputs;
            running[l].AsSpan(0, o).CopyTo(layers[l].RunningMean);
            running[l].AsSpan(o, o).CopyTo(layers[l].RunningVar);
        }
        return DelayGradients.From(loss, layers, learned);
    }

    internal static void BuildKernels(IReadOnlyList<DelayLayer> layers, bool learned, float sigma)
    {
        int maxOutputs = 0;
        foreach (var layer in layers)
        {
            maxOutputs = Math.Max(maxOutputs, layer.Outputs);
        }
        var scratch = new float[2 * maxOutputs];
        foreach (var layer in layers)
        {
            if (learned)
            {
                layer.BuildGaussianKernel(sigma, scratch);
            }
            else
            {
                layer.BuildRoundedKernel();
            }
        }
    }

    private static void Shuffle(int[] order, ulong seed, int epoch)
    {
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var rng = new CounterRng(seed, DelayRandomStreams.Shuffle, (uint)epoch);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private static void CheckData(DelayNetworkConfig config, SpikeTensorSet data, string name)
    {
        ArgumentNullException.ThrowIfNull(data, name);
        if (data.Channels != config.Inputs || data.Classes != config.Classes)
        {
            throw new ArgumentException($"{name} has {data.Channels} channels and {data.Classes} classes; the network needs Inputs = {config.Inputs} and Classes = {config.Classes}.", name);
        }
    }
}
