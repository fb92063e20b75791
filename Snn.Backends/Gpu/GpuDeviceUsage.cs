namespace Snn.Backends.Gpu;

/// <summary>Where a <see cref="GpuBackend"/> simulation runs and how much device memory it takes.</summary>
/// <param name="Accelerator">The ILGPU accelerator kind that opened the device: <c>Cuda</c>, <c>OpenCL</c> or <c>CPU</c>.</param>
/// <param name="DeviceName">The device's name as its driver reports it (for example <c>NVIDIA H200</c>).</param>
/// <param name="DeviceMemoryBytes">The device's memory (bytes), as ILGPU reports it.</param>
/// <param name="PlannedBytes">The device memory (bytes) of the simulation's buffers, as planned item by item before
/// allocation and checked against <paramref name="DeviceMemoryBytes"/> (neuron state, delay rings, spike lists,
/// synapses, monitors); kernels, the driver's context and allocator rounding are not counted.</param>
public sealed record GpuDeviceUsage(string Accelerator, string DeviceName, long DeviceMemoryBytes, long PlannedBytes);
