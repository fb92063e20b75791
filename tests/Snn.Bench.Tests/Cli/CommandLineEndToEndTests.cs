using Snn.Bench.Cli;
using Snn.Bench.Results;
using SkiaSharp;

namespace Snn.Bench.Tests.Cli;

public class CommandLineEndToEndTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void RunWritesResultsJsonAndValidPngPlots()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "cuba", "--size", "500", "--duration", "50", "--out", directory.Path]);

        Assert.Equal(0, code);
        var report = ResultsJson.Read(Path.Combine(directory.Path, "results.json"));
        var result = Assert.Single(report.Results);
        Assert.Equal("cuba", result.Suite);
        Assert.Equal(500, result.Neurons);
        Assert.Equal(50, result.SimulatedMs, 9);
        Assert.True(result.Synapses > 0);
        Assert.Equal(BenchmarkReport.CurrentSchema, report.Schema);
        foreach (var (name, height) in new[] { ("cuba-raster.png", 600), ("cuba-rate.png", 400) })
        {
            string path = Path.Combine(directory.Path, name);
            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal(PngSignature, bytes[..8]);
            using var bitmap = SKBitmap.Decode(path);
            Assert.NotNull(bitmap);
            Assert.Equal(1000, bitmap.Width);
            Assert.Equal(height, bitmap.Height);
        }
        Assert.Contains("Mean rate", console.Text);
        Assert.Contains("results.json", console.Text);
    }

    [Fact]
    public void NoArgumentsSimulatesTheStandardCubaNetwork()
    {
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke([]);

        Assert.Equal(0, code);
        Assert.Contains("CUBA: 4,000 neurons", console.Text);
        foreach (string column in new[] { "Spikes", "Mean rate", "Wall time", "Real-time factor" })
        {
            Assert.Contains(column, console.Text);
        }
    }

    [Fact]
    public void ListShowsEverySuite()
    {
        var console = new CapturedConsole();

        Assert.Equal(0, new BenchCli(console.Console).Invoke(["list"]));
        Assert.Contains("cuba", console.Text);
        Assert.Contains("coba", console.Text);
        Assert.Contains("izhikevich-2003", console.Text);
    }

    [Fact]
    public void CompareWithoutBrian2TellsHowToInstallIt()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["compare", "brian2", "--python", Path.Combine(directory.Path, "no-python")]);

        Assert.Equal(1, code);
        Assert.Contains("apt-get install -y python3-brian", console.Text);
    }

    [Fact]
    public void UnwritableOutputFolderIsAnErrorMessageNotACrash()
    {
        using var directory = new TemporaryDirectory();
        string file = Path.Combine(directory.Path, "a-file");
        File.WriteAllText(file, "");
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "cuba", "--size", "100", "--duration", "10", "--out", Path.Combine(file, "sub")]);

        Assert.Equal(1, code);
        Assert.Contains("a-file", console.Text);
    }
}
