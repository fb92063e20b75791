using Microsoft.ML.OnnxRuntime;
using Snn.Bench.Cli;

namespace Snn.Bench.Tests.Cli;

public class ExportCommandTests
{
    private readonly BenchCli _cli = new(new CapturedConsole().Console);

    [Fact]
    public void ExportOptionsAreRead()
    {
        var parse = _cli.Root.Parse("export cuba --out net.onnx --size 400 --seed 7 --membrane --single-step");

        Assert.Empty(parse.Errors);
        var settings = _cli.ExportSettingsFrom(parse);
        Assert.Equal(new ExportSettings("cuba", "net.onnx", 400, 7, IncludeMembrane: true, SingleStep: true), settings);
    }

    [Fact]
    public void TheLatencyFlagIsRead()
    {
        var settings = _cli.ExportSettingsFrom(_cli.Root.Parse("export onnx-demo --latency"));

        Assert.Equal(new ExportSettings("onnx-demo", "onnx-demo.onnx", null, 42, IncludeMembrane: false, SingleStep: false, Latency: true), settings);
    }

    [Theory]
    [InlineData(false, "throughput")]
    [InlineData(true, "latency")]
    public void TheExportedModelRecordsItsPerformanceHint(bool latency, string recorded)
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "demo.onnx");
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["export", "onnx-demo", "--size", "20", "--out", path, .. latency ? (string[])["--latency"] : []]);

        Assert.Equal(0, code);
        using var session = new InferenceSession(path);
        Assert.Equal(recorded, session.ModelMetadata.CustomMetadataMap["snn.performance_hint"]);
        Assert.Equal(latency, console.Text.Contains("laid out for latency", StringComparison.Ordinal));
    }

    [Fact]
    public void ExportWritesToTheNetworksNameByDefault()
    {
        var settings = _cli.ExportSettingsFrom(_cli.Root.Parse("export onnx-demo"));

        Assert.Equal(new ExportSettings("onnx-demo", "onnx-demo.onnx", null, 42, IncludeMembrane: false, SingleStep: false), settings);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("export nosuch")]
    [InlineData("export sfq-xor")]
    [InlineData("export cuba --size 0")]
    public void InvalidExportCommandLinesAreParseErrors(string line)
    {
        Assert.NotEmpty(_cli.Root.Parse(line).Errors);
    }

    [Fact]
    public void ExportedDemoIsAnOnnxModelThatOnnxRuntimeLoads()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "sub", "demo.onnx");
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["export", "onnx-demo", "--size", "20", "--membrane", "--out", path]);

        Assert.Equal(0, code);
        Assert.True(new FileInfo(path).Length > 0);
        using var session = new InferenceSession(path);
        Assert.Equal(["spikes_in"], session.InputMetadata.Keys.Where(k => !k.StartsWith("state_", StringComparison.Ordinal)));
        Assert.Contains("spikes_output", session.OutputMetadata.Keys);
        Assert.Contains("V_output", session.OutputMetadata.Keys);
        Assert.Contains("Exported onnx-demo", console.Text);
    }

    [Theory]
    [InlineData("izhikevich-2003", "50", "current injection")]
    [InlineData("microcircuit", "800", "Poisson drive")]
    public void NetworkTheExporterRefusesIsAnErrorMessageAndExitCodeOne(string suite, string size, string reason)
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "refused.onnx");
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["export", suite, "--size", size, "--out", path]);

        Assert.Equal(1, code);
        Assert.Contains(reason, console.Text);
        Assert.False(File.Exists(path));
    }
}
