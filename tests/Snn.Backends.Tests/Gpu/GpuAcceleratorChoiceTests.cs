using Snn.Backends.Gpu;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Gpu;

/// <summary>How the GPU tests and the command line name an accelerator, and what a compiled
/// simulation says about the device it took.</summary>
public class GpuAcceleratorChoiceTests
{
    [Theory]
    [InlineData(null, GpuAccelerator.Cpu)]
    [InlineData("", GpuAccelerator.Cpu)]
    [InlineData("cuda", GpuAccelerator.Cuda)]
    [InlineData(" CUDA ", GpuAccelerator.Cuda)]
    [InlineData("OpenCL", GpuAccelerator.OpenCl)]
    [InlineData("cpu", GpuAccelerator.Cpu)]
    [InlineData("auto", GpuAccelerator.Auto)]
    public void EnvironmentValueNamesTheTestsAccelerator(string? value, GpuAccelerator expected)
        => Assert.Equal(expected, GpuTestSupport.AcceleratorFrom(value));

    [Theory]
    [InlineData("gpu")]
    [InlineData("3")]
    public void UnknownAcceleratorNameIsRejectedNamingTheVariableAndTheChoices(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => GpuTestSupport.AcceleratorFrom(value));
        Assert.Contains(GpuTestSupport.AcceleratorVariable, error.Message);
        Assert.Contains($"'{value}'", error.Message);
        Assert.Contains("auto, cuda, opencl, cpu", error.Message);
    }

    /// <summary>Runs on the accelerator <see cref="GpuTestSupport.AcceleratorVariable"/> names (the CPU
    /// accelerator when unset), so it also shows that the variable reached the test process.</summary>
    [Fact]
    public void CompiledSimulationRunsOnTheChosenAcceleratorAndNamesItsDeviceAndPlannedMemory()
    {
        var small = new Network(1);
        small.AddPopulation("a", 10, new LifCurrent());
        var large = new Network(1);
        large.AddPopulation("a", 1000, new LifCurrent());
        using var smallRun = GpuTestSupport.Compile(small, CpuEmulationPreset.Default);
        using var largeRun = GpuTestSupport.Compile(large, CpuEmulationPreset.Default);

        var usage = GpuBackend.DeviceUsage(smallRun);
        string expected = GpuTestSupport.Accelerator switch
        {
            GpuAccelerator.Cuda => "Cuda",
            GpuAccelerator.OpenCl => "OpenCL",
            GpuAccelerator.Cpu => "CPU",
            _ => usage.Accelerator,
        };
        Assert.Equal(expected, usage.Accelerator);
        Assert.False(string.IsNullOrWhiteSpace(usage.DeviceName));
        Assert.True(usage.DeviceMemoryBytes > 0);
        // 990 more neurons: six state floats each plus two ring slots per delay slot, a spike-list
        // entry per slot and one spike-monitor flag, at least 990 × 6 × 4 bytes.
        Assert.True(GpuBackend.DeviceUsage(largeRun).PlannedBytes - usage.PlannedBytes >= 990 * 6 * sizeof(float));
    }

    [Fact]
    public void DeviceUsageOfAnotherEnginesSimulationIsAnArgumentError()
    {
        var network = new Network(1);
        network.AddPopulation("a", 2, new LifCurrent());
        using var cpu = SimulationHelpers.Compile(network);
        Assert.Throws<ArgumentException>(() => GpuBackend.DeviceUsage(cpu));
    }
}
