using System.Numerics.Tensors;
using Snn.Core.Randomness;

namespace Snn.Learning.Gradient;

/// <summary>
/// Training forward and backward passes over one batch (backpropagation through time). Samples are
/// split into a fixed number of shards processed in parallel; each shard owns its gradient and
/// statistics buffers, reduced in shard order, so results do not depend on the thread count.
/// Every buffer is allocated once for the largest batch; a pass allocates nothing.
/// </summary>
internal sealed class BatchPass
{
    /// <summary>Shards of a batch (the parallelism and the reduction order).</summary>
    public const int Shards = 8;

    /// <summary>Samples whose kernel-gradient terms are summed together (their dZ stays in cache).</summary>
    private const int GradientGroup = 4;

    private readonly IReadOnlyList<DelayLayer> _layers;
    private readonly int _steps;
    private readonly int _capacity;
    private readonly int _classes;
    private readonly float _decay;
    private readonly float _alpha;
    private readonly float _dropout;
    private readonly float[][] _inputs;
    private readonly float[][] _xhat;
    private readonly float[][] _membrane;
    private readonly float[][] _masks;
    private readonly float[][] _gradient;
    private readonly float[][] _transposed;
    private readonly int[] _paddedInputs;
    private readonly double[] _shardSum;
    private readonly double[] _shardSumSquares;
    private readonly float[][] _mean;
    private readonly float[][] _inverseStd;
    private readonly float[][] _gradientMean;
    private readonly float[][] _gradientProductMean;
    private readonly Scratch[] _scratch;
    private readonly float[] _losses;
    private readonly int[] _predicted;
    private SpikeTensorSet? _data;
    private int[] _batch = [];
    private int _count;

    public BatchPass(DelayNetworkConfig config, IReadOnlyList<DelayLayer> layers, int steps, int capacity)
    {
        _layers = layers;
        _steps = steps;
        _capacity = capacity;
        _classes = config.Classes;
        _decay = (float)(1 - 1 / config.TauSteps);
        _alpha = (float)config.SurrogateAlpha;
        _dropout = (float)config.Dropout;
        int count = layers.Count;
        _inputs = new float[count][];
        _xhat = new float[count][];
        _membrane = new float[count][];
        _masks = new float[count][];
        _gradient = new float[count][];
        _transposed = new float[count][];
        _paddedInputs = new int[count];
        _mean = new float[count][];
        _inverseStd = new float[count][];
        _gradientMean = new float[count][];
        _gradientProductMean = new float[count][];
        int widest = 0;
        int maxOutputs = 0;
        for (int l = 0; l < count; l++)
        {
            var layer = layers[l];
            _inputs[l] = l == 0 ? [] : new float[(long)capacity * steps * layer.Inputs];
            _xhat[l] = new float[(long)capacity * steps * layer.Outputs];
            _membrane[l] = new float[(long)capacity * steps * layer.Outputs];
            _masks[l] = layer.Spiking ? new float[capacity * layer.Outputs] : [];
            _gradient[l] = new float[layer.Effective.Length];
            _paddedInputs[l] = (layer.Inputs + FusedRows.BlockColumns - 1) / FusedRows.BlockColumns * FusedRows.BlockColumns;
            _transposed[l] = l == 0 ? [] : new float[(long)layer.Kernel * layer.Outputs * _paddedInputs[l]];
            _mean[l] = new float[layer.Outputs];
            _inverseStd[l] = new float[layer.Outputs];
            _gradientMean[l] = new float[layer.Outputs];
            _gradientProductMean[l] = new float[layer.Outputs];
            widest = Math.Max(widest, layer.Inputs);
            maxOutputs = Math.Max(maxOutputs, layer.Outputs);
        }
        _shardSum = new double[Shards * maxOutputs];
        _shardSumSquares = new double[Shards * maxOutputs];
        _scratch = new Scratch[Shards];
        int kernel = config.KernelSize;
        int paddedWidest = (widest + FusedRows.BlockColumns - 1) / FusedRows.BlockColumns * FusedRows.BlockColumns;
        for (int s = 0; s < Shards; s++)
        {
            _scratch[s] = new Scratch(steps, widest, paddedWidest, maxOutputs, config.Classes, Math.Max(kernel * widest, GradientGroup * steps));
        }
        _losses = new float[capacity];
        _predicted = new int[capacity];
    }

    /// <summary>
    /// Test hook: emit the smooth spikes S(h − 1) = atan(π α (h − 1) / 2)/π + ½ (whose derivative is
    /// the surrogate) instead of Heaviside ones, keeping the Heaviside reset, so finite differences
    /// of the forward pass equal the surrogate gradient.
    /// </summary>
    public bool SmoothSpikes { get; set; }

    /// <summary>Samples in the last forward pass.</summary>
    public int Count => _count;

    /// <summary>Predicted class of batch sample <paramref name="b"/> in the last forward pass.</summary>
    public int Predicted(int b) => _predicted[b];

    /// <summary>
    /// Runs the training forward pass on samples <paramref name="batch"/>[0 … count) of
    /// <paramref name="data"/> with batch statistics and dropout; the layers' effective kernels
    /// must be built. Returns the mean loss.
    /// </summary>
    public double Forward(SpikeTensorSet data, int[] batch, int count, long iteration, ulong seed)
    {
        _data = data;
        _batch = batch;
        _count = count;
        for (int l = 0; l < _layers.Count; l++)
        {
            var layer = _layers[l];
            int layerIndex = l;
            Parallel.For(0, Shards, shard => ConvolveShard(layerIndex, shard));
            if (layer.Spiking)
            {
                if (layer.BatchNorm)
                {
                    Statistics(layer, l);
                }
                Parallel.For(0, Shards, shard => SpikeShard(layerIndex, shard, iteration, seed));
            }
            else
            {
                Parallel.For(0, Shards, shard => ReadoutShard(layerIndex, shard));
            }
        }
        double loss = 0;
        for (int b = 0; b < count; b++)
        {
            loss += _losses[b];
        }
        return loss / count;
    }

    /// <summary>Backpropagates the last forward pass into the layers' gradients (weights, positions
    /// when <paramref name="positions"/>, batch norm). <paramref name="sigma"/> is the kernel width used.</summary>
    public void Backward(float sigma, bool positions)
    {
        for (int l = _layers.Count - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            int layerIndex = l;
            if (layer.Spiking)
            {
                Parallel.For(0, Shards, shard => SurrogateShard(layerIndex, shard));
                if (layer.BatchNorm)
                {
                    BatchNormGradients(layer, l);
                }
            }
            Parallel.For(0, Shards, shard => SynapticGradientShard(layerIndex, shard));
            Array.Clear(_gradient[l]);
            Parallel.For(0, Shards, shard => KernelGradientShard(layerIndex, shard));
            if (l > 0)
            {
                Parallel.For(0, layer.Kernel, j => SpikeKernels.TransposeTap(layer.Effective, layer.Inputs, layer.Outputs, _paddedInputs[layerIndex], j, _transposed[layerIndex]));
                Parallel.For(0, Shards, shard => InputGradientShard(layerIndex, shard));
            }
            layer.KernelGradients(_gradient[l], sigma, positions, _scratch[0].Wide);
        }
    }

    private (int Start, int End) Range(int shard) => (shard * _count / Shards, (shard + 1) * _count / Shards);

    private ReadOnlySpan<float> InputOf(int l, int b)
    {
        if (l == 0)
        {
            int size = _steps * _data!.Channels;
            return _data.Data.AsSpan(_batch[b] * size, size);
        }
        int width = _layers[l].Inputs;
        return _inputs[l].AsSpan(b * _steps * width, _steps * width);
    }

    private Span<float> Slice(float[] buffer, int b, int width) => buffer.AsSpan(b * _steps * width, _steps * width);

    private void ConvolveShard(int l, int shard)
    {
        var layer = _layers[l];
        var scratch = _scratch[shard];
        int o = layer.Outputs;
        var sum = _shardSum.AsSpan(shard * o, o);
        var squares = _shardSumSquares.AsSpan(shard * o, o);
        sum.Clear();
        squares.Clear();
        var (start, end) = Range(shard);
        for (int b = start; b < end; b++)
        {
            SpikeKernels.ListNonZeros(InputOf(l, b), _steps, layer.Inputs, scratch.RowStart, scratch.Index, scratch.Value);
            var z = Slice(_xhat[l], b, o);
            SpikeKernels.Convolve(layer.Effective, layer.Inputs, o, layer.Kernel, _steps, scratch.RowStart, scratch.Index, scratch.Value, z, scratch.Offsets, scratch.Factors);
            if (layer.Spiking && layer.BatchNorm)
            {
                for (int i = 0; i < z.Length; i++)
                {
                    int k = i % o;
                    sum[k] += z[i];
                    squares[k] += (double)z[i] * z[i];
                }
            }
        }
    }

    private void Statistics(DelayLayer layer, int l)
    {
        int o = layer.Outputs;
        double n = (double)_count * _steps;
        for (int k = 0; k < o; k++)
        {
            double sum = 0;
            double squares = 0;
            for (int s = 0; s < Shards; s++)
            {
                sum += _shardSum[s * o + k];
                squares += _shardSumSquares[s * o + k];
            }
            (_mean[l][k], _inverseStd[l][k]) = layer.BatchStatistics(k, sum, squares, n);
        }
    }

    /// <summary>The dropout mask of sample <paramref name="b"/> in layer <paramref name="layer"/> at
    /// step <paramref name="iteration"/>: 1/(1 − p) with probability 1 − p, else 0; all 1 without dropout.</summary>
    public static void DropoutMask(Span<float> mask, float dropout, ulong seed, int layer, long iteration, int b)
    {
        if (dropout <= 0)
        {
            mask.Fill(1f);
            return;
        }
        float keep = 1 - dropout;
        float scale = 1 / keep;
        var rng = new CounterRng(seed, DelayRandomStreams.Dropout(layer), (uint)iteration, (ulong)b * (ulong)((mask.Length + 3) / 4));
        for (int k = 0; k < mask.Length; k++)
        {
            mask[k] = (rng.NextUInt() >> 8) * (1f / (1 << 24)) < keep ? scale : 0f;
        }
    }

    private void SpikeShard(int l, int shard, long iteration, ulong seed)
    {
        var layer = _layers[l];
        var scratch = _scratch[shard];
        int o = layer.Outputs;
        var v = scratch.State.AsSpan(0, o);
        var (start, end) = Range(shard);
        for (int b = start; b < end; b++)
        {
            var mask = _masks[l].AsSpan(b * o, o);
            DropoutMask(mask, _dropout, seed, l, iteration, b);
            var xhat = Slice(_xhat[l], b, o);
            var membrane = Slice(_membrane[l], b, o);
            var output = Slice(_inputs[l + 1], b, o);
            v.Clear();
            for (int t = 0; t < _steps; t++)
            {
                var x = xhat.Slice(t * o, o);
                var h = membrane.Slice(t * o, o);
                if (layer.BatchNorm)
                {
                    TensorPrimitives.Subtract(x, _mean[l], x);
                    TensorPrimitives.Multiply(x, _inverseStd[l], x);
                    TensorPrimitives.MultiplyAdd(x, layer.Gamma, layer.Beta, h);
                    TensorPrimitives.MultiplyAdd(v, _decay, h, h);
                }
                else
                {
                    TensorPrimitives.MultiplyAdd(v, _decay, x, h);
                }
                var spikes = output.Slice(t * o, o);
                for (int k = 0; k < o; k++)
                {
                    float hk = h[k];
                    bool fired = hk >= 1f;
                    v[k] = fired ? 0f : hk;
                    spikes[k] = SmoothSpikes
                        ? (MathF.Atan(MathF.PI / 2 * _alpha * (hk - 1f)) / MathF.PI + 0.5f) * mask[k]
                        : fired ? mask[k] : 0f;
                }
            }
        }
    }

    private void ReadoutShard(int l, int shard)
    {
        var layer = _layers[l];
        var scratch = _scratch[shard];
        int o = layer.Outputs;
        float scale = 1f / _count;
        var (start, end) = Range(shard);
        for (int b = start; b < end; b++)
        {
            var z = Slice(_xhat[l], b, o);
            var membrane = Slice(_membrane[l], b, o);
            membrane[..o].Clear();
            TensorPrimitives.Add(membrane[..o], z[..o], membrane[..o]);
            for (int t = 1; t < _steps; t++)
            {
                TensorPrimitives.MultiplyAdd(membrane.Slice((t - 1) * o, o), _decay, z.Slice(t * o, o), membrane.Slice(t * o, o));
            }
            _losses[b] = SpikeKernels.ReadoutLoss(membrane, _steps, o, _data!.Labels[_batch[b]], scale, scratch.Small, out _predicted[b]);
        }
    }

    private void SurrogateShard(int l, int shard)
    {
        var layer = _layers[l];
        var scratch = _scratch[shard];
        int o = layer.Outputs;
        var dv = scratch.State.AsSpan(0, o);
        var sum = _shardSum.AsSpan(shard * o, o);
        var products = _shardSumSquares.AsSpan(shard * o, o);
        sum.Clear();
        products.Clear();
        var (start, end) = Range(shard);
        for (int b = start; b < end; b++)
        {
            var mask = _masks[l].AsSpan(b * o, o);
            var membrane = Slice(_membrane[l], b, o);
            var xhat = Slice(_xhat[l], b, o);
            var dOut = Slice(_inputs[l + 1], b, o);
            dv.Clear();
            for (int t = _steps - 1; t >= 0; t--)
            {
                var h = membrane.Slice(t * o, o);
                var dSpike = dOut.Slice(t * o, o);
                var x = xhat.Slice(t * o, o);
                for (int k = 0; k < o; k++)
                {
                    float hk = h[k];
                    float dh = dSpike[k] * mask[k] * SpikeKernels.Surrogate(hk - 1f, _alpha) + (hk >= 1f ? 0f : dv[k]);
                    h[k] = dh;
                    dv[k] = dh * _decay;
                    sum[k] += dh;
                    products[k] += (double)dh * x[k];
                }
            }
        }
    }

    private void BatchNormGradients(DelayLayer layer, int l)
    {
        int o = layer.Outputs;
        double n = (double)_count * _steps;
        for (int k = 0; k < o; k++)
        {
            double sum = 0;
            double products = 0;
            for (int s = 0; s < Shards; s++)
            {
                sum += _shardSum[s * o + k];
                products += _shardSumSquares[s * o + k];
            }
            layer.BetaGrad[k] = (float)sum;
            layer.GammaGrad[k] = (float)products;
            _gradientMean[l][k] = (float)(sum / n);
            _gradientProductMean[l][k] = (float)(products / n);
        }
    }

    /// <summary>The gradient of the loss with respect to the layer's synaptic input Z, per sample, in place.</summary>
    private Span<float> SynapticGradient(int l)
    {
        var layer = _layers[l];
        return layer.Spiking && layer.BatchNorm ? _xhat[l] : _membrane[l];
    }

    private void SynapticGradientShard(int l, int shard)
    {
        var layer = _layers[l];
        var scratch = _scratch[shard];
        int o = layer.Outputs;
        var (start, end) = Range(shard);
        var gain = scratch.Wide.AsSpan(0, o);
        if (layer.Spiking && layer.BatchNorm)
        {
            TensorPrimitives.Multiply(layer.Gamma, _inverseStd[l], gain);
        }
        for (int b = start; b < end; b++)
        {
            if (layer.Spiking)
            {
                if (layer.BatchNorm)
                {
                    var dy = Slice(_membrane[l], b, o);
                    var dz = Slice(_xhat[l], b, o);
                    for (int t = 0; t < _steps; t++)
                    {
                        var x = dz.Slice(t * o, o);
                        TensorPrimitives.Multiply(x, _gradientProductMean[l], x);
                        TensorPrimitives.Subtract(dy.Slice(t * o, o), x, x);
                        TensorPrimitives.Subtract(x, _gradientMean[l], x);
                        TensorPrimitives.Multiply(x, gain, x);
                    }
                }
            }
            else
            {
                var dz = Slice(_membrane[l], b, o);
                for (int t = _steps - 2; t >= 0; t--)
                {
                    TensorPrimitives.MultiplyAdd(dz.Slice((t + 1) * o, o), _decay, dz.Slice(t * o, o), dz.Slice(t * o, o));
                }
            }
        }
    }

    /// <summary>The kernel gradient of the inputs [shard · I / Shards, (shard + 1) · I / Shards) over
    /// the whole batch; each gradient row has one owner, so no reduction is needed.</summary>
    private void KernelGradientShard(int l, int shard)
    {
        var layer = _layers[l];
        var scratch = _scratch[shard];
        int width = layer.Inputs;
        int first = shard * width / Shards;
        int last = (shard + 1) * width / Shards;
        ReadOnlySpan<float> dz = SynapticGradient(l);
        for (int group = 0; group < _count; group += GradientGroup)
        {
            int groupEnd = Math.Min(_count, group + GradientGroup);
            for (int i = first; i < last; i++)
            {
                int n = 0;
                for (int b = group; b < groupEnd; b++)
                {
                    var x = InputOf(l, b);
                    for (int s = 0; s < _steps; s++)
                    {
                        float v = x[s * width + i];
                        if (v != 0f)
                        {
                            scratch.SpikeSample[n] = b;
                            scratch.SpikeStep[n] = s;
                            scratch.SpikeValue[n] = v;
                            n++;
                        }
                    }
                }
                if (n > 0)
                {
                    SpikeKernels.AccumulateKernelGradient(_gradient[l], i, width, layer.Outputs, layer.Kernel, _steps,
                        scratch.SpikeSample.AsSpan(0, n), scratch.SpikeStep.AsSpan(0, n), scratch.SpikeValue.AsSpan(0, n), dz, scratch.Offsets, scratch.Factors);
                }
            }
        }
    }

    private void InputGradientShard(int l, int shard)
    {
        var layer = _layers[l];
        var scratch = _scratch[shard];
        int o = layer.Outputs;
        var (start, end) = Range(shard);
        var dz = SynapticGradient(l);
        for (int b = start; b < end; b++)
        {
            SpikeKernels.InputGradient(_transposed[l], layer.Inputs, _paddedInputs[l], o, layer.Kernel, _steps,
                dz.Slice(b * _steps * o, _steps * o), scratch.Padded, Slice(_inputs[l], b, layer.Inputs));
        }
    }

    /// <summary>Per-shard work buffers.</summary>
    private sealed class Scratch(int steps, int widest, int paddedWidest, int maxOutputs, int classes, int rows)
    {
        public int[] RowStart { get; } = new int[steps + 1];

        public int[] Index { get; } = new int[steps * widest];

        public float[] Value { get; } = new float[steps * widest];

        public int[] Offsets { get; } = new int[rows];

        public float[] Factors { get; } = new float[rows];

        public int[] SpikeSample { get; } = new int[GradientGroup * steps];

        public int[] SpikeStep { get; } = new int[GradientGroup * steps];

        public float[] SpikeValue { get; } = new float[GradientGroup * steps];

        public float[] Padded { get; } = new float[steps * paddedWidest];

        public float[] State { get; } = new float[maxOutputs];

        public float[] Wide { get; } = new float[5 * maxOutputs];

        public float[] Small { get; } = new float[3 * classes];
    }
}
