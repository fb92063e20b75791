using ILGPU;
using ILGPU.Runtime;

namespace Snn.Learning.Gradient.Gpu;

/// <summary>The device buffers of one delay layer (sized for the largest batch) and their host mirrors.</summary>
internal sealed class DeviceLayer : IDisposable
{
    public DeviceLayer(Accelerator accelerator, DelayLayer layer, int steps, int capacity, bool inputGradient)
    {
        long activity = (long)capacity * steps * layer.Outputs;
        long input = (long)capacity * steps * layer.Inputs;
        int o = layer.Outputs;
        Input = accelerator.Allocate1D<float>(input);
        Z = accelerator.Allocate1D<float>(activity);
        Membrane = accelerator.Allocate1D<float>(activity);
        Mask = accelerator.Allocate1D<float>((long)capacity * o);
        Effective = accelerator.Allocate1D<float>(layer.Effective.Length);
        Transposed = accelerator.Allocate1D<float>(inputGradient ? layer.Effective.Length : 1);
        Gradient = accelerator.Allocate1D<float>(layer.Effective.Length);
        InputGradient = accelerator.Allocate1D<float>(inputGradient ? input : 1);
        Sum = accelerator.Allocate1D<double>(o);
        Squares = accelerator.Allocate1D<double>(o);
        Factors = accelerator.Allocate1D<float>(4 * o);
        HostMask = new float[capacity * o];
        HostSum = new double[o];
        HostSquares = new double[o];
        HostFactors = new float[4 * o];
        HostGradient = new float[layer.Effective.Length];
    }

    /// <summary>The layer's input [B, T, I] (the data, or the previous layer's spikes).</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Input { get; }

    /// <summary>Synaptic input z, then x̂ and ∂L/∂z under batch norm, [B, T, O].</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Z { get; }

    /// <summary>Membranes h, then ∂L/∂h, [B, T, O].</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Membrane { get; }

    /// <summary>Dropout masks [B, O].</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Mask { get; }

    /// <summary>W̃ [K, I, O].</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Effective { get; }

    /// <summary>W̃ᵀ [K, O, I].</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Transposed { get; }

    /// <summary>∂L/∂W̃ [K, I, O].</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Gradient { get; }

    /// <summary>∂L/∂input [B, T, I] (the previous layer's spike gradient).</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> InputGradient { get; }

    /// <summary>Per-output sums (Σz, or Σ dh).</summary>
    public MemoryBuffer1D<double, Stride1D.Dense> Sum { get; }

    /// <summary>Per-output sums (Σz², or Σ dh·x̂).</summary>
    public MemoryBuffer1D<double, Stride1D.Dense> Squares { get; }

    /// <summary>Batch-norm factors: [mean, 1/s, γ, β] forward, [γ/s, mean(dh·x̂), mean(dh), –] backward.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> Factors { get; }

    public float[] HostMask { get; }

    public double[] HostSum { get; }

    public double[] HostSquares { get; }

    public float[] HostFactors { get; }

    public float[] HostGradient { get; }

    public void Dispose()
    {
        Input.Dispose();
        Z.Dispose();
        Membrane.Dispose();
        Mask.Dispose();
        Effective.Dispose();
        Transposed.Dispose();
        Gradient.Dispose();
        InputGradient.Dispose();
        Sum.Dispose();
        Squares.Dispose();
        Factors.Dispose();
    }
}
