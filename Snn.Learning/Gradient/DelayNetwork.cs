using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Learning.Gradient;

/// <summary>
/// A trained or trainable feed-forward spiking network with synaptic delays (Hammouamri,
/// Khalfaoui-Hassani &amp; Masquelier, "Learning Delays in Spiking Neural Networks using Dilated
/// Convolutions with Learnable Spacings", ICLR 2024). Discrete time, one step per input bin:
/// <code>
/// z_l[t, o] = Σ_i W[i, o] x_l[t − d(i, o), i]             (delay d ∈ [0, K − 1] steps)
/// y = BN(z)  (hidden layers; statistics over batch and steps)
/// h[t] = v[t − 1] (1 − 1/τ) + y[t];  s[t] = H(h[t] − 1);  v[t] = h[t] (1 − s[t])
/// readout: v[t] = v[t − 1] (1 − 1/τ) + z[t] (never spikes);  class = argmax Σ_t softmax(v[t])
/// </code>
/// Inference uses integer delays (rounded DCLS positions) and batch norm folded into the weights
/// and a per-neuron bias, exactly what <see cref="Export.SimulatorExport"/> hands to a simulator.
/// </summary>
public sealed class DelayNetwork
{
    private readonly DelayLayer[] _layers;

    internal DelayNetwork(DelayNetworkConfig config, DelayLayer[] layers)
    {
        Config = config;
        _layers = layers;
    }

    /// <summary>The architecture.</summary>
    public DelayNetworkConfig Config { get; }

    /// <summary>Synapse layers: one per hidden layer plus the readout.</summary>
    public int LayerCount => _layers.Length;

    /// <summary>The membrane decay per step, (float)(1 − 1/τ).</summary>
    public float Decay => (float)(1 - 1 / Config.TauSteps);

    internal IReadOnlyList<DelayLayer> Layers => _layers;

    /// <summary>Creates a network with freshly initialised parameters: weights U(−1/√I, 1/√I),
    /// positions U(−c, K − 1 − c) (integers for <see cref="DelayMode.FixedRandom"/>, 0 for none),
    /// batch norm γ = 1, β = 0.</summary>
    /// <param name="config">The architecture.</param>
    /// <param name="seed">The seed of the initial draws.</param>
    public static DelayNetwork Create(DelayNetworkConfig config, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        var layers = CreateLayers(config);
        for (int l = 0; l < layers.Length; l++)
        {
            var layer = layers[l];
            float bound = 1f / MathF.Sqrt(layer.Inputs);
            var weights = new CounterRng(seed, DelayRandomStreams.Weights, (uint)l);
            var positions = new CounterRng(seed, DelayRandomStreams.Positions, (uint)l);
            for (int s = 0; s < layer.Weights.Length; s++)
            {
                layer.Weights[s] = (float)((2 * weights.NextDouble() - 1) * bound);
                float p = (float)(layer.MinPosition + positions.NextDouble() * (layer.MaxPosition - layer.MinPosition));
                layer.Positions[s] = config.Delays switch
                {
                    DelayMode.Learned => p,
                    DelayMode.FixedRandom => layer.MinPosition + positions.NextInt(layer.Kernel),
                    _ => 0f,
                };
            }
        }
        return new DelayNetwork(config, layers);
    }

    internal static DelayLayer[] CreateLayers(DelayNetworkConfig config)
    {
        var layers = new DelayLayer[config.Hidden.Count + 1];
        int inputs = config.Inputs;
        for (int l = 0; l < config.Hidden.Count; l++)
        {
            layers[l] = new DelayLayer(inputs, config.Hidden[l], config.KernelSize, config.BatchNorm, spiking: true);
            inputs = config.Hidden[l];
        }
        layers[^1] = new DelayLayer(inputs, config.Classes, config.KernelSize, batchNorm: false, spiking: false);
        return layers;
    }

    /// <summary>Presynaptic neurons of layer <paramref name="layer"/>.</summary>
    public int InputsOf(int layer) => Layer(layer).Inputs;

    /// <summary>Postsynaptic neurons of layer <paramref name="layer"/>.</summary>
    public int OutputsOf(int layer) => Layer(layer).Outputs;

    /// <summary>The trained weights of layer <paramref name="layer"/> (before batch-norm folding),
    /// [inputs, outputs] row-major, dimensionless (1 = one threshold).</summary>
    public float[] GetWeights(int layer) => (float[])Layer(layer).Weights.Clone();

    /// <summary>The DCLS positions p of layer <paramref name="layer"/> (steps), [inputs, outputs].</summary>
    public float[] GetPositions(int layer) => (float[])Layer(layer).Positions.Clone();

    /// <summary>The integer delays of layer <paramref name="layer"/> (steps, in [0, K − 1]):
    /// ⌊K/2⌋ − round(p), [inputs, outputs].</summary>
    public int[] GetDelays(int layer)
    {
        var source = Layer(layer);
        var delays = new int[source.Weights.Length];
        for (int s = 0; s < delays.Length; s++)
        {
            delays[s] = source.DelayOf(s);
        }
        return delays;
    }

    /// <summary>The inference weights of layer <paramref name="layer"/>, batch norm folded in
    /// ([inputs, outputs], in thresholds per spike), and the per-neuron bias (thresholds per step).</summary>
    public (float[] Weights, float[] Bias) GetFoldedWeights(int layer)
    {
        var source = Layer(layer);
        var weights = new float[source.Weights.Length];
        var bias = new float[source.Outputs];
        source.FoldedWeights(weights, bias);
        return (weights, bias);
    }

    /// <summary>The predicted class of every sample of <paramref name="data"/> (parallel over samples).</summary>
    public int[] Predict(SpikeTensorSet data)
    {
        CheckData(data);
        var plan = new InferencePlan(this);
        var predictions = new int[data.Count];
        int chunks = Math.Min(data.Count, 4 * Environment.ProcessorCount);
        Parallel.For(0, chunks, chunk =>
        {
            var scratch = new InferenceScratch(this, data.Steps);
            for (int n = chunk * data.Count / chunks; n < (chunk + 1) * data.Count / chunks; n++)
            {
                predictions[n] = plan.Run(data.Sample(n), data.Steps, scratch, null);
            }
        });
        return predictions;
    }

    /// <summary>The fraction of samples of <paramref name="data"/> classified correctly, in [0, 1].</summary>
    public double Accuracy(SpikeTensorSet data)
    {
        var predictions = Predict(data);
        int correct = 0;
        for (int n = 0; n < predictions.Length; n++)
        {
            correct += predictions[n] == data.Labels[n] ? 1 : 0;
        }
        return (double)correct / predictions.Length;
    }

    /// <summary>The inference trace of one sample ([steps, channels] values).</summary>
    /// <param name="sample">The input, steps × <see cref="DelayNetworkConfig.Inputs"/> values.</param>
    /// <param name="steps">Steps, ≥ 1.</param>
    public DelayNetworkTrace Trace(ReadOnlySpan<float> sample, int steps)
    {
        Guard.PositiveCount(steps, nameof(steps));
        if (sample.Length != steps * Config.Inputs)
        {
            throw new ArgumentException($"sample.Length = {sample.Length} must be steps × inputs = {steps * Config.Inputs}.", nameof(sample));
        }
        var hidden = new float[_layers.Length - 1][];
        for (int l = 0; l < hidden.Length; l++)
        {
            hidden[l] = new float[steps * _layers[l].Outputs];
        }
        var scratch = new InferenceScratch(this, steps);
        new InferencePlan(this).Run(sample, steps, scratch, hidden);
        return new DelayNetworkTrace(steps, hidden, scratch.Readout.AsSpan(0, steps * Config.Classes).ToArray());
    }

    /// <summary>Writes the network in the <see cref="DelayNetworkFile"/> format.</summary>
    public void Save(Stream stream) => DelayNetworkFile.Write(this, stream);

    /// <summary>Reads a network written by <see cref="Save(Stream)"/>; throws <see cref="InvalidDataException"/>
    /// naming the byte offset of corrupt data.</summary>
    public static DelayNetwork Load(Stream stream) => DelayNetworkFile.Read(stream);

    /// <summary>Writes the network to the file <paramref name="path"/>; a failed write leaves the previous file intact.</summary>
    public void Save(string path) => DelayNetworkFile.Write(this, path);

    /// <summary>Reads a network from the file <paramref name="path"/> written by <see cref="Save(string)"/>.</summary>
    public static DelayNetwork Load(string path) => DelayNetworkFile.Read(path);

    private DelayLayer Layer(int layer)
    {
        Guard.InRange(layer, 0, _layers.Length - 1, nameof(layer));
        return _layers[layer];
    }

    private void CheckData(SpikeTensorSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Channels != Config.Inputs || data.Classes != Config.Classes)
        {
            throw new ArgumentException($"data has {data.Channels} channels and {data.Classes} classes; the network needs {Config.Inputs} and {Config.Classes}.", nameof(data));
        }
    }

    /// <summary>Folded weights and integer delays of every layer, prepared once per call.</summary>
    private sealed class InferencePlan
    {
        private readonly DelayNetwork _network;
        private readonly float[][] _weights;
        private readonly float[][] _bias;
        private readonly int[][] _delays;

        public InferencePlan(DelayNetwork network)
        {
            _network = network;
            int count = network._layers.Length;
            _weights = new float[count][];
            _bias = new float[count][];
            _delays = new int[count][];
            for (int l = 0; l < count; l++)
            {
                (_weights[l], _bias[l]) = network.GetFoldedWeights(l);
                _delays[l] = network.GetDelays(l);
            }
        }

        public int Run(ReadOnlySpan<float> sample, int steps, InferenceScratch scratch, float[][]? hiddenSpikes)
        {
            var layers = _network._layers;
            float decay = _network.Decay;
            ReadOnlySpan<float> input = sample;
            for (int l = 0; l < layers.Length; l++)
            {
                var layer = layers[l];
                int o = layer.Outputs;
                SpikeKernels.ListNonZeros(input, steps, layer.Inputs, scratch.RowStart, scratch.Index, scratch.Value);
                var z = scratch.Z.AsSpan(0, steps * o);
                SpikeKernels.DelayedInput(_weights[l], _delays[l], layer.Inputs, o, steps, scratch.RowStart, scratch.Index, scratch.Value, z);
                var bias = _bias[l];
                if (layer.Spiking)
                {
                    var spikes = hiddenSpikes is null ? scratch.Spikes[l % 2].AsSpan(0, steps * o) : hiddenSpikes[l];
                    var v = scratch.State.AsSpan(0, o);
                    v.Clear();
                    for (int t = 0; t < steps; t++)
                    {
                        for (int k = 0; k < o; k++)
                        {
                            float h = decay * v[k] + (z[t * o + k] + bias[k]);
                            bool fired = h >= 1f;
                            v[k] = fired ? 0f : h;
                            spikes[t * o + k] = fired ? 1f : 0f;
                        }
                    }
                    input = spikes;
                }
                else
                {
                    var readout = scratch.Readout.AsSpan(0, steps * o);
                    float previous;
                    for (int k = 0; k < o; k++)
                    {
                        previous = 0f;
                        for (int t = 0; t < steps; t++)
                        {
                            previous = decay * previous + (z[t * o + k] + bias[k]);
                            readout[t * o + k] = previous;
                        }
                    }
                    SpikeKernels.SoftmaxSum(readout, steps, o, scratch.Sum, scratch.Probabilities);
                    return System.Numerics.Tensors.TensorPrimitives.IndexOfMax(scratch.Sum);
                }
            }
            throw new InvalidOperationException("A delay network ends with its readout layer.");
        }
    }

    /// <summary>Work buffers of one inference thread.</summary>
    private sealed class InferenceScratch
    {
        public InferenceScratch(DelayNetwork network, int steps)
        {
            int widest = network.Config.Inputs;
            int outputs = 0;
            foreach (var layer in network._layers)
            {
                widest = Math.Max(widest, layer.Inputs);
                outputs = Math.Max(outputs, layer.Outputs);
            }
            RowStart = new int[steps + 1];
            Index = new int[steps * widest];
            Value = new float[steps * widest];
            Z = new float[steps * outputs];
            Spikes = [new float[steps * outputs], new float[steps * outputs]];
            State = new float[outputs];
            Readout = new float[steps * network.Config.Classes];
            Sum = new float[network.Config.Classes];
            Probabilities = new float[network.Config.Classes];
        }

        public int[] RowStart { get; }

        public int[] Index { get; }

        public float[] Value { get; }

        public float[] Z { get; }

        public float[][] Spikes { get; }

        public float[] State { get; }

        public float[] Readout { get; }

        public float[] Sum { get; }

        public float[] Probabilities { get; }
    }
}
