namespace Snn.Backends.Gpu;

/// <summary>Which ILGPU accelerator runs a <see cref="GpuBackend"/> simulation.</summary>
public enum GpuAccelerator
{
    /// <summary>The best one available: a CUDA device, else an OpenCL device that ILGPU accepts, else
    /// ILGPU's CPU accelerator.</summary>
    Auto,

    /// <summary>An NVIDIA GPU through CUDA (needs the NVIDIA driver).</summary>
    Cuda,

    /// <summary>A GPU through OpenCL 2.0 or later with generic address spaces (AMD, Intel, NVIDIA).</summary>
    OpenCl,

    /// <summary>ILGPU's CPU accelerator: emulates a GPU on the host, for tests and machines without
    /// one (slow: about a million neuron updates per second).</summary>
    Cpu,
}
