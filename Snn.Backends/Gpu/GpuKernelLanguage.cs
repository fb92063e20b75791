namespace Snn.Backends.Gpu;

/// <summary>The device code that <see cref="GpuBackend.GenerateKernelSource"/> produces.</summary>
public enum GpuKernelLanguage
{
    /// <summary>NVIDIA PTX assembly (compute capability 7.0, PTX ISA 7.0), what the CUDA accelerator loads.</summary>
    Ptx,

    /// <summary>OpenCL C 2.0 source, what the OpenCL accelerator builds.</summary>
    OpenClC,
}
