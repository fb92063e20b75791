namespace Snn.Backends.Gpu;

/// <summary>Settings of the GPU engine.</summary>
public sealed record GpuBackendOptions
{
    /// <summary>Which accelerator to use. Default <see cref="GpuAccelerator.Auto"/>.</summary>
    public GpuAccelerator Accelerator { get; init; } = GpuAccelerator.Auto;

    /// <summary>Index of the device among those of the chosen kind (0 = the first), ≥ 0. Ignored by
    /// <see cref="GpuAccelerator.Auto"/>, which takes the first usable device of the best kind.</summary>
    public int DeviceIndex { get; init; }

    /// <summary>The emulated GPU shape when the CPU accelerator runs. Default <see cref="CpuEmulationPreset.Default"/>.</summary>
    public CpuEmulationPreset CpuPreset { get; init; } = CpuEmulationPreset.Default;

    /// <summary>The device memory (bytes) the simulation may use; null for all the device reports.
    /// Compile throws <see cref="GpuMemoryException"/> when the network needs more.</summary>
    public long? DeviceMemoryLimitBytes { get; init; }

    /// <summary>The most steps between two copies of recorded spikes and state samples from the
    /// device to the host, in [1, 100000]. Default 1000. Larger batches mean fewer host round trips
    /// and more device memory for the monitor buffers.</summary>
    public int MonitorBatchSteps { get; init; } = 1000;
}
