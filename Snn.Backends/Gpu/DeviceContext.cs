using ILGPU;
using ILGPU.Runtime;

namespace Snn.Backends.Gpu;

/// <summary>What the parts of a GPU simulation share: the accelerator, its stream, the device
/// views of the neuron state, ring and spike lists, and the launch shape of grid-stride kernels.</summary>
internal sealed class DeviceContext(Accelerator accelerator)
{
    public Accelerator Accelerator { get; } = accelerator;

    public AcceleratorStream Stream => Accelerator.DefaultStream;

    public NeuronArrays State { get; set; }

    public DeviceRing Ring { get; set; }

    public SpikeSink Sink { get; set; }

    public ArrayView<float> Modulators { get; set; }

    /// <summary>The short-term plasticity of the network (allocated before the plastic projections,
    /// which read its factors), or null when no projection has it.</summary>
    public DeviceShortTerm? ShortTerm { get; set; }

    /// <summary>Threads per warp.</summary>
    public int Lanes => Math.Max(1, Accelerator.WarpSize);

    /// <summary>The number of threads that keep the whole device busy: all resident threads of a
    /// GPU; one warp per core on the CPU accelerator, where every emulated thread costs host time.</summary>
    public int MaxThreads => Accelerator.AcceleratorType == AcceleratorType.CPU
        ? Lanes * Math.Max(1, Accelerator.NumMultiprocessors)
        : Math.Max(Lanes, Accelerator.MaxNumThreads);

    /// <summary>Loads a kernel, turning a compiler failure into a <see cref="NotSupportedException"/>
    /// that names what the kernel is for.</summary>
    public TDelegate Load<TDelegate>(string owner, string what, Func<TDelegate> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new NotSupportedException($"{owner}: ILGPU cannot compile {what} for the {Accelerator.AcceleratorType} accelerator '{Accelerator.Name}': {e.Message}", e);
        }
    }
}
