using System.Diagnostics;
using ILGPU;
using ILGPU.Runtime;

namespace Snn.Learning.Gradient.Gpu;

/// <summary>
/// The training batch pass of <see cref="DelayTrainer"/> (forward with batch statistics and
/// dropout, backpropagation through time) on an ILGPU accelerator: CUDA, OpenCL, or the CPU
/// accelerator for tests. The convolutions, LIF dynamics, batch norm and kernel and input gradients
/// run on the device; per batch the host builds the Gaussian kernels, draws the dropout masks,
/// computes the readout loss (T × classes values per sample) and turns the kernel gradient into
/// weight and position gradients, exactly as the CPU pass does.
/// </summary>
public sealed class DelayGpuPass : IDisposable
{
    private readonly Accelerator _accelerator;
    private readonly DelayNetwork _network;
    private readonly IReadOnlyList<DelayLayer> _layers;
    private readonly int _steps;
    private readonly int _capacity;
    private readonly float _decay;
    private readonly float _alpha;
    private readonly DeviceLayer[] _device;
    private readonly float[] _staging;
    private readonly float[] _readout;
    private readonly float[] _hostScratch;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceLayerShape> _convolve;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<double>, ArrayView<double>, DeviceLayerShape> _moments;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, DeviceLayerShape> _spike;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, DeviceLayerShape> _readoutKernel;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceLayerShape> _surrogate;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<double>, ArrayView<double>, DeviceLayerShape> _normGradients;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceLayerShape> _normBackward;
    private readonly Action<Index1D, ArrayView<float>, DeviceLayerShape> _readoutBackward;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceLayerShape> _kernelGradient;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, DeviceLayerShape> _transpose;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceLayerShape> _inputGradient;
    private SpikeTensorSet? _data;
    private int[] _batch = [];
    private int _count;

    /// <summary>Allocates the device buffers for batches of up to <paramref name="capacity"/> samples
    /// of <paramref name="steps"/> steps and compiles the kernels.</summary>
    /// <param name="accelerator">The device; kept, not disposed.</param>
    /// <param name="network">The network whose parameters are read (and whose batch-norm running statistics are updated).</param>
    /// <param name="steps">Steps per sample, ≥ 1.</param>
    /// <param name="capacity">The largest batch, ≥ 1.</param>
    public DelayGpuPass(Accelerator accelerator, DelayNetwork network, int steps, int capacity)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(network);
        Snn.Core.Validation.Guard.PositiveCount(steps, nameof(steps));
        Snn.Core.Validation.Guard.PositiveCount(capacity, nameof(capacity));
        _accelerator = accelerator;
        _network = network;
        _layers = network.Layers;
        _steps = steps;
        _capacity = capacity;
        _decay = network.Decay;
        _alpha = (float)network.Config.SurrogateAlpha;
        _device = new DeviceLayer[_layers.Count];
        int maxOutputs = 0;
        for (int l = 0; l < _layers.Count; l++)
        {
            _device[l] = new DeviceLayer(accelerator, _layers[l], steps, capacity, l > 0);
            maxOutputs = Math.Max(maxOutputs, _layers[l].Outputs);
        }
        _staging = new float[(long)capacity * steps * network.Config.Inputs];
        _readout = new float[(long)capacity * steps * network.Config.Classes];
        _hostScratch = new float[5 * maxOutputs + 3 * network.Config.Classes];
        _convolve = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceLayerShape>(DelayKernels.Convolve);
        _moments = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<double>, ArrayView<double>, DeviceLayerShape>(DelayKernels.Moments);
        _spike = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<float>, int, DeviceLayerShape>(DelayKernels.Spike);
        _readoutKernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, DeviceLayerShape>(DelayKernels.Readout);
        _surrogate = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceLayerShape>(DelayKernels.Surrogate);
        _normGradients = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<double>, ArrayView<double>, DeviceLayerShape>(DelayKernels.NormGradients);
        _normBackward = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceLayerShape>(DelayKernels.NormBackward);
        _readoutBackward = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, DeviceLayerShape>(DelayKernels.ReadoutBackward);
        _kernelGradient = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceLayerShape>(DelayKernels.KernelGradient);
        _transpose = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, DeviceLayerShape>(DelayKernels.Transpose);
        _inputGradient = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, DeviceLayerShape>(DelayKernels.InputGradient);
    }

    /// <summary>
    /// The loss and gradients of one training step on every sample of <paramref name="batch"/>
    /// (at most the capacity), computed on the device; the same quantities as
    /// <see cref="DelayTrainer.Gradients"/> (which see).
    /// </summary>
    /// <param name="batch">The batch, all of it.</param>
    /// <param name="sigma">The DCLS Gaussian width (steps), &gt; 0; ignored unless delays are learned.</param>
    /// <param name="seed">The seed of the dropout masks.</param>
    public DelayGradients Gradients(SpikeTensorSet batch, double sigma, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Snn.Core.Validation.Guard.Positive(sigma, nameof(sigma));
        Check(batch, batch.Count);
        bool learned = _network.Config.Delays == DelayMode.Learned;
        DelayTrainer.BuildKernels(_layers, learned, (float)sigma);
        var running = new float[_layers.Count][];
        for (int l = 0; l < _layers.Count; l++)
        {
            running[l] = [.. _layers[l].RunningMean, .. _layers[l].RunningVar];
        }
        double loss = Forward(batch, [.. Enumerable.Range(0, batch.Count)], batch.Count, 0, seed);
        Backward((float)sigma, learned);
        for (int l = 0; l < _layers.Count; l++)
        {
            int o = _layers[l].Outputs;
            running[l].AsSpan(0, o).CopyTo(_layers[l].RunningMean);
            running[l].AsSpan(o, o).CopyTo(_layers[l].RunningVar);
        }
        return DelayGradients.From(loss, _layers, learned);
    }

    /// <summary>
    /// Forward and backward passes (no optimiser step) per second over consecutive batches of
    /// <paramref name="batchSize"/> samples of <paramref name="data"/>, after one untimed warm-up
    /// batch; kernels of width <paramref name="sigma"/> built on the host each batch, as in training.
    /// </summary>
    /// <returns>Samples per second.</returns>
    public double MeasureSamplesPerSecond(SpikeTensorSet data, int batchSize, double sigma)
    {
        ArgumentNullException.ThrowIfNull(data);
        Snn.Core.Validation.Guard.InRange(batchSize, 1, _capacity, nameof(batchSize));
        Check(data, batchSize);
        bool learned = _network.Config.Delays == DelayMode.Learned;
        var order = new int[batchSize];
        int batches = Math.Max(1, data.Count / batchSize);
        void Step(int start)
        {
            for (int b = 0; b < batchSize; b++)
            {
                order[b] = (start + b) % data.Count;
            }
            DelayTrainer.BuildKernels(_layers, learned, (float)sigma);
            Forward(data, order, batchSize, start, 0);
            Backward((float)sigma, learned);
        }
        Step(0);
        var clock = Stopwatch.StartNew();
        for (int k = 0; k < batches; k++)
        {
            Step(k * batchSize);
        }
        return batches * batchSize / clock.Elapsed.TotalSeconds;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var layer in _device)
        {
            layer.Dispose();
        }
    }

    private void Check(SpikeTensorSet data, int count)
    {
        if (data.Channels != _network.Config.Inputs || data.Classes != _network.Config.Classes || data.Steps != _steps)
        {
            throw new ArgumentException($"data has {data.Channels} channels, {data.Classes} classes and {data.Steps} steps; the pass needs {_network.Config.Inputs}, {_network.Config.Classes} and {_steps}.", nameof(data));
        }
        Snn.Core.Validation.Guard.InRange(count, 1, _capacity, "batch size");
    }

    private DeviceLayerShape Shape(int l) => new(_count, _steps, _layers[l].Inputs, _layers[l].Outputs, _layers[l].Kernel, _decay, _alpha);

    private double Forward(SpikeTensorSet data, int[] batch, int count, long iteration, ulong seed)
    {
        _data = data;
        _batch = batch;
        _count = count;
        int size = _steps * data.Channels;
        for (int b = 0; b < count; b++)
        {
            data.Data.AsSpan(batch[b] * size, size).CopyTo(_staging.AsSpan(b * size, size));
        }
        _device[0].Input.View.CopyFromCPU(_staging);
        float dropout = (float)_network.Config.Dropout;
        double loss = 0;
        for (int l = 0; l < _layers.Count; l++)
        {
            var layer = _layers[l];
            var device = _device[l];
            var shape = Shape(l);
            int o = layer.Outputs;
            device.Effective.View.CopyFromCPU(layer.Effective);
            _convolve(count * _steps * o, device.Input.View, device.Effective.View, device.Z.View, shape);
            if (layer.Spiking)
            {
                var normalisation = device.HostFactors;
                if (layer.BatchNorm)
                {
                    _moments(o, device.Z.View, device.Sum.View, device.Squares.View, shape);
                    device.Sum.View.CopyToCPU(device.HostSum);
                    device.Squares.View.CopyToCPU(device.HostSquares);
                    double n = (double)count * _steps;
                    for (int k = 0; k < o; k++)
                    {
                        (normalisation[k], normalisation[o + k]) = layer.BatchStatistics(k, device.HostSum[k], device.HostSquares[k], n);
                    }
                    layer.Gamma.CopyTo(normalisation, 2 * o);
                    layer.Beta.CopyTo(normalisation, 3 * o);
                    device.Factors.View.CopyFromCPU(normalisation);
                }
                for (int b = 0; b < count; b++)
                {
                    BatchPass.DropoutMask(device.HostMask.AsSpan(b * o, o), dropout, seed, l, iteration, b);
                }
                device.Mask.View.CopyFromCPU(device.HostMask);
                _spike(count * o, device.Z.View, device.Membrane.View, _device[l + 1].Input.View, device.Mask.View, device.Factors.View, layer.BatchNorm ? 1 : 0, shape);
            }
            else
            {
                _readoutKernel(count * o, device.Z.View, device.Membrane.View, shape);
                device.Membrane.View.CopyToCPU(_readout);
                for (int b = 0; b < count; b++)
                {
                    var membrane = _readout.AsSpan(b * _steps * o, _steps * o);
                    loss += SpikeKernels.ReadoutLoss(membrane, _steps, o, data.Labels[batch[b]], 1f / count, _hostScratch.AsSpan(5 * o), out _);
                }
                device.Membrane.View.CopyFromCPU(_readout);
            }
        }
        return loss / count;
    }

    private void Backward(float sigma, bool positions)
    {
        for (int l = _layers.Count - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            var device = _device[l];
            var shape = Shape(l);
            int o = layer.Outputs;
            ArrayView<float> dz = device.Membrane.View;
            if (layer.Spiking)
            {
                _surrogate(_count * o, device.Membrane.View, _device[l + 1].InputGradient.View, device.Mask.View, shape);
                if (layer.BatchNorm)
                {
                    _normGradients(o, device.Membrane.View, device.Z.View, device.Sum.View, device.Squares.View, shape);
                    device.Sum.View.CopyToCPU(device.HostSum);
                    device.Squares.View.CopyToCPU(device.HostSquares);
                    double n = (double)_count * _steps;
                    var factors = device.HostFactors;
                    for (int k = 0; k < o; k++)
                    {
                        layer.BetaGrad[k] = (float)device.HostSum[k];
                        layer.GammaGrad[k] = (float)device.HostSquares[k];
                        factors[k] = layer.Gamma[k] * factors[o + k];
                        factors[2 * o + k] = (float)(device.HostSum[k] / n);
                    }
                    for (int k = 0; k < o; k++)
                    {
                        factors[o + k] = (float)(device.HostSquares[k] / n);
                    }
                    device.Factors.View.CopyFromCPU(factors);
                    _normBackward(_count * _steps * o, device.Z.View, device.Membrane.View, device.Factors.View, shape);
                    dz = device.Z.View;
                }
            }
            else
            {
                _readoutBackward(_count * o, device.Membrane.View, shape);
            }
            _kernelGradient(layer.Effective.Length, device.Input.View, dz, device.Gradient.View, shape);
            if (l > 0)
            {
                _transpose(layer.Effective.Length, device.Effective.View, device.Transposed.View, shape);
                _inputGradient(_count * _steps * layer.Inputs, dz, device.Transposed.View, device.InputGradient.View, shape);
            }
            device.Gradient.View.CopyToCPU(device.HostGradient);
            layer.KernelGradients(device.HostGradient, sigma, positions, _hostScratch);
        }
        _accelerator.Synchronize();
    }
}
