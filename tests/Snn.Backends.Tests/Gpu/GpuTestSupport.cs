using Snn.Backends.Gpu;
using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Gpu;

/// <summary>Compiles networks on the GPU engine. The accelerator is ILGPU's CPU accelerator, which
/// emulates a GPU (the test machines have none), unless the environment variable
/// <see cref="AcceleratorVariable"/> names another (<c>cuda</c>, <c>opencl</c>, <c>cpu</c>, <c>auto</c>):
/// <c>SNN_GPU_ACCELERATOR=cuda dotnet test --filter FullyQualifiedName~Snn.Backends.Tests.Gpu</c>
/// runs the same tests on a real GPU.</summary>
internal static class GpuTestSupport
{
    /// <summary>The environment variable that chooses the accelerator of the GPU tests.</summary>
    public const string AcceleratorVariable = "SNN_GPU_ACCELERATOR";

    /// <summary>Both emulated shapes: warps of 4 (groups ≤ 16) and NVIDIA-like warps of 32 (on a real
    /// GPU the preset is ignored and both cases run the same device).</summary>
    public static TheoryData<CpuEmulationPreset> Presets => new() { CpuEmulationPreset.Default, CpuEmulationPreset.Nvidia };

    /// <summary>The accelerator the tests run on: <see cref="AcceleratorVariable"/>'s, else the CPU accelerator.</summary>
    public static GpuAccelerator Accelerator => AcceleratorFrom(Environment.GetEnvironmentVariable(AcceleratorVariable));

    /// <summary>The accelerator a value of <see cref="AcceleratorVariable"/> names; unset or blank means the CPU accelerator.</summary>
    public static GpuAccelerator AcceleratorFrom(string? value)
        => string.IsNullOrWhiteSpace(value) ? GpuAccelerator.Cpu : GpuAcceleratorNames.Parse(value, AcceleratorVariable);

    public static ISimulation Compile(Network network, CpuEmulationPreset preset, int monitorBatchSteps = 1000)
        => new GpuBackend(new GpuBackendOptions { Accelerator = Accelerator, CpuPreset = preset, MonitorBatchSteps = monitorBatchSteps }).Compile(network);
}
