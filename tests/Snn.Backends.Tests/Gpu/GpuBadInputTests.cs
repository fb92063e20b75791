using Snn.Backends.Gpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Gpu;

/// <summary>What the GPU engine refuses, and how it says so.</summary>
public class GpuBadInputTests
{
    [Fact]
    public void ModelWithAReferenceFieldIsRejectedNamingThePopulation()
    {
        var network = new Network(1);
        network.AddPopulation("labelled", 4, new NamedLif { Label = "x" });
        var error = Assert.Throws<NotSupportedException>(() => GpuTestSupport.Compile(network, CpuEmulationPreset.Default));
        Assert.Contains("'labelled'", error.Message);
        Assert.Contains(nameof(NamedLif), error.Message);
    }

    [Fact]
    public void ModelThatIlgpuCannotCompileForAGpuIsRejectedNamingThePopulation()
    {
        var network = new Network(1);
        network.AddPopulation("fine", 4, new LifCurrent());
        network.AddPopulation("clamped", 4, new ClampedLif());
        var error = Assert.Throws<NotSupportedException>(() => GpuBackend.GenerateKernelSource(network, GpuKernelLanguage.Ptx));
        Assert.Contains("Population 'clamped'", error.Message);
        Assert.Contains("UpdateNeurons<ClampedLif>", error.Message);
        Assert.Contains("Clamp", error.Message);
    }

    [Fact]
    public void NetworkLargerThanTheDeviceMemoryIsRejectedWithTheSizes()
    {
        var network = new Network(1);
        var population = network.AddPopulation("big", 2000, new LifCurrent());
        network.Connect(population, population, Connectivity.Probability(0.1), Synapse.Excitatory(1.0, 20.0));
        var backend = new GpuBackend(new GpuBackendOptions { Accelerator = GpuTestSupport.Accelerator, DeviceMemoryLimitBytes = 1 << 20 });
        var error = Assert.Throws<GpuMemoryException>(() => backend.Compile(network));
        Assert.Equal(1 << 20, error.AvailableBytes);
        Assert.True(error.RequiredBytes > error.AvailableBytes);
        Assert.Contains($"{error.RequiredBytes} bytes", error.Message);
        Assert.Contains("delay rings (201 slots × 2 × 2000 neurons)", error.Message);
        Assert.Contains("static synapses", error.Message);
    }

    [Theory]
    [InlineData(-1, 1000, null, "DeviceIndex")]
    [InlineData(0, 0, null, "MonitorBatchSteps")]
    [InlineData(0, 1000, 0L, "DeviceMemoryLimitBytes")]
    public void InvalidOptionsAreRejectedNamingTheSetting(int deviceIndex, int batch, long? limit, string setting)
    {
        var network = new Network(1);
        network.AddPopulation("a", 2, new LifCurrent());
        var backend = new GpuBackend(new GpuBackendOptions
        {
            Accelerator = GpuAccelerator.Cpu, DeviceIndex = deviceIndex, MonitorBatchSteps = batch, DeviceMemoryLimitBytes = limit,
        });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => backend.Compile(network));
        Assert.Contains(setting, error.Message);
    }
}
