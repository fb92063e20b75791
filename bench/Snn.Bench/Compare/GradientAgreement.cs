using Snn.Core.Randomness;
using Snn.Learning.Gradient;

namespace Snn.Bench.Compare;

/// <summary>
/// How closely <see cref="DelayTrainer.Gradients"/> and the PyTorch peer agree on one batch: the
/// loss of each and, over every parameter tensor, the largest difference relative to the tensor's
/// largest peer value.
/// </summary>
/// <param name="SnnLoss">Snn's mean loss (nats).</param>
/// <param name="TorchLoss">The peer's mean loss (nats).</param>
/// <param name="WorstRelativeDifference">max over tensors of max |Snn − peer| / max |peer|.</param>
/// <param name="WorstTensor">The tensor where that happens (e.g. "layer 0 positions").</param>
/// <param name="Compared">Gradient values compared.</param>
public sealed record GradientAgreement(double SnnLoss, double TorchLoss, double WorstRelativeDifference, string WorstTensor, int Compared)
{
    /// <summary>
    /// Builds a network of <paramref name="config"/> (seed <paramref name="seed"/>, no dropout),
    /// random binary input of <paramref name="density"/>, and compares both implementations' loss
    /// and gradients at Gaussian width <paramref name="sigma"/> (steps).
    /// </summary>
    public static GradientAgreement Measure(TorchDelayPeer peer, string folder, DelayNetworkConfig config, int steps, int samples, double density, double sigma, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(config);
        config = config with { Dropout = 0 };
        var network = DelayNetwork.Create(config, seed);
        var data = RandomSpikes(config, steps, samples, density, seed);
        TorchDelayPeer.WriteInputs(folder, network, data);
        var snn = DelayTrainer.Gradients(network, data, sigma);
        var torch = peer.Gradients(folder, config, steps, sigma, TimeSpan.FromMinutes(5));
        double worst = 0;
        string where = "";
        int compared = 0;
        void Compare(float[] a, float[] b, string name)
        {
            if (a.Length != b.Length)
            {
                throw new InvalidOperationException($"{name}: Snn has {a.Length} values, the peer {b.Length}.");
            }
            double scale = 0;
            double largest = 0;
            for (int i = 0; i < a.Length; i++)
            {
                scale = Math.Max(scale, Math.Abs(b[i]));
                largest = Math.Max(largest, Math.Abs(a[i] - b[i]));
            }
            compared += a.Length;
            double relative = largest / Math.Max(scale, 1e-30);
            if (a.Length > 0 && relative >= worst)
            {
                worst = relative;
                where = name;
            }
        }
        for (int l = 0; l < snn.Weights.Length; l++)
        {
            Compare(snn.Weights[l], torch.Weights[l], $"layer {l} weights");
            if (config.Delays == DelayMode.Learned)
            {
                Compare(snn.Positions[l], torch.Positions[l], $"layer {l} positions");
            }
            Compare(snn.Gamma[l], torch.Gamma[l], $"layer {l} batch-norm gamma");
            Compare(snn.Beta[l], torch.Beta[l], $"layer {l} batch-norm beta");
        }
        return new GradientAgreement(snn.Loss, torch.Loss, worst, where, compared);
    }

    /// <summary>Binary spikes at <paramref name="density"/> per step and channel, uniform labels, from <paramref name="seed"/>.</summary>
    public static SpikeTensorSet RandomSpikes(DelayNetworkConfig config, int steps, int samples, double density, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        var data = new float[(long)samples * steps * config.Inputs];
        var rng = new CounterRng(seed, RngStreams.User(3), 0);
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = rng.NextDouble() < density ? 1f : 0f;
        }
        var labels = new int[samples];
        for (int n = 0; n < samples; n++)
        {
            labels[n] = rng.NextInt(config.Classes);
        }
        return new SpikeTensorSet(data, labels, steps, config.Inputs, config.Classes);
    }
}
