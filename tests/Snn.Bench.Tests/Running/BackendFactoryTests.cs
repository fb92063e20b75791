using Snn.Backends.Cpu;
using Snn.Backends.EventDriven;
using Snn.Backends.Gpu;
using Snn.Backends.Onnx;
using Snn.Bench.Cli;
using Snn.Bench.Running;

namespace Snn.Bench.Tests.Running;

public class BackendFactoryTests
{
    [Fact]
    public void EveryNamedEngineIsCreated()
    {
        Assert.Equal(["cpu", "cpu-scalar", "event-driven", "onnx", "gpu", "mpi"], BackendFactory.Names);
        Assert.True(Assert.IsType<CpuBackend>(BackendFactory.Create("cpu", 2)).Options.UseBlockUpdate);
        var scalar = Assert.IsType<CpuBackend>(BackendFactory.Create("cpu-scalar", 2));
        Assert.False(scalar.Options.UseBlockUpdate);
        Assert.Equal(2, scalar.Options.Threads);
        Assert.IsType<EventDrivenBackend>(BackendFactory.Create("Event-Driven", null));
        Assert.Equal(3, Assert.IsType<OnnxBackend>(BackendFactory.Create("onnx", 3)).IntraOpThreads);
        Assert.Equal(GpuAccelerator.Auto, Assert.IsType<GpuBackend>(BackendFactory.Create("gpu", null)).Options.Accelerator);
        foreach (string name in BackendFactory.Names.Where(n => !BackendFactory.IsMpi(n) && n != BackendFactory.CpuScalar))
        {
            Assert.Equal(name, BackendFactory.Create(name, null).Name);
        }
    }

    [Fact]
    public void UnknownEngineOrZeroThreadsIsAnArgumentError()
    {
        Assert.Throws<ArgumentException>(() => BackendFactory.Create("tpu", null));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackendFactory.Create("cpu", 0));
    }

    [Fact]
    public void MpiEngineWithoutASessionSaysHowToStartIt()
    {
        var error = Assert.Throws<ArgumentException>(() => BackendFactory.Create("mpi", null));

        Assert.Contains("mpirun", error.Message);
    }

    /// <summary>End to end (a few seconds: ILGPU's CPU accelerator when the machine has no GPU).</summary>
    [Fact]
    public void CubaRunsOnTheGpuEngineAndNamesTheAccelerator()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "cuba", "--size", "200", "--duration", "5", "--backend", "gpu", "--out", directory.Path]);

        Assert.Equal(0, code);
        var result = Assert.Single(Snn.Bench.Results.ResultsJson.Read(Path.Combine(directory.Path, "results.json")).Results);
        Assert.Equal("gpu", result.Backend);
        Assert.Equal(200, result.Neurons);
        Assert.Null(result.Ranks);
        Assert.Contains(result.Findings ?? [], f => f.StartsWith("gpu: GpuAccelerator.Auto, most likely on ", StringComparison.Ordinal));
        Assert.Contains("GpuAccelerator.Auto", console.Text);
    }

    [Theory]
    [InlineData("event-driven")]
    [InlineData("onnx")]
    public void CubaRunsOnTheEngine(string backend)
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "cuba", "--size", "100", "--duration", "10", "--backend", backend, "--out", directory.Path]);

        Assert.Equal(0, code);
        Assert.Equal(backend, Assert.Single(Snn.Bench.Results.ResultsJson.Read(Path.Combine(directory.Path, "results.json")).Results).Backend);
    }

    [Theory]
    [InlineData("event-driven", "izhikevich-2003", "DcCurrent")]
    [InlineData("event-driven", "coba", "LifCurrent")]
    [InlineData("onnx", "izhikevich-2003", "current injection")]
    public void SuiteTheEngineCannotRunIsTheEnginesMessageAndExitCodeOne(string backend, string suite, string message)
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", suite, "--size", "100", "--duration", "10", "--backend", backend, "--out", directory.Path]);

        Assert.Equal(1, code);
        Assert.Contains(message, console.Text);
    }
}
