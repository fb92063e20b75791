using Snn.Backends.Gpu;
using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Gpu;

/// <summary>Compiles networks on the GPU engine running on ILGPU's CPU accelerator, which emulates
/// a GPU here (no GPU on the test machines).</summary>
internal static class GpuTestSupport
{
    /// <summary>Both emulated shapes: warps of 4 (groups ≤ 16) and NVIDIA-like warps of 32.</summary>
    public static TheoryData<CpuEmulationPreset> Presets => new() { CpuEmulationPreset.Default, CpuEmulationPreset.Nvidia };

    public static ISimulation Compile(Network network, CpuEmulationPreset preset, int monitorBatchSteps = 1000)
        => new GpuBackend(new GpuBackendOptions { Accelerator = GpuAccelerator.Cpu, CpuPreset = preset, MonitorBatchSteps = monitorBatchSteps }).Compile(network);
}
