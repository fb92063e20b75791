namespace Snn.Backends.Gpu;

/// <summary>The shape of the GPU that ILGPU's CPU accelerator emulates.</summary>
public enum CpuEmulationPreset
{
    /// <summary>ILGPU's default: warps of 4 threads, groups of at most 16.</summary>
    Default,

    /// <summary>An NVIDIA-like device: warps of 32 threads, groups of up to 1024.</summary>
    Nvidia,
}
