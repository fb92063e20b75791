using Snn.Bench.Cli;
using Snn.Bench.Nir;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Interop.Nir;
using Snn.Core.Models;

namespace Snn.Bench.Tests.Nir;

public class NirCommandTests
{
    private readonly BenchCli _cli = new(new CapturedConsole().Console);

    /// <summary>Writes a small graph with NirExporter: 8 inputs, all to 4 LIF neurons (no refractory
    /// period, one synaptic time constant, 1 ms delay), which are the output.</summary>
    private static string WriteSmallGraph(string directory)
    {
        var network = new Network(seed: 3, dt: 0.1);
        var input = network.AddSpikeSource("in", Enumerable.Range(0, 8).Select(_ => Array.Empty<double>()).ToArray());
        var output = network.AddPopulation("out", 4, new LifCurrent { TauM = 10, TauSynE = 5, TauSynI = 5, EL = -65, VReset = -70, VThreshold = -55, RefractoryPeriod = 0 });
        network.Connect(input, output, Connectivity.AllToAll(), Synapse.Excitatory(400, 1.0));
        string path = Path.Combine(directory, "small.nir");
        NirExporter.Export(network, path);
        return path;
    }

    [Fact]
    public void NirImportOptionsAreRead()
    {
        var parse = _cli.Root.Parse("nir import net.nir --dt 0.5 --duration 250 --input-rate 80 --seed 9 --backend event-driven --threads 2");

        Assert.Empty(parse.Errors);
        Assert.Equal(new NirImportSettings("net.nir", 0.5, 250, 80, 9, "event-driven", 2), _cli.NirImportSettingsFrom(parse));
        Assert.Equal(new NirImportSettings("x.nir", 0.1, 100, 50, 42, "cpu", null), _cli.NirImportSettingsFrom(_cli.Root.Parse("nir import x.nir")));
    }

    [Fact]
    public void NirExportOptionsAreRead()
    {
        Assert.Equal(new NirExportSettings("cuba", "c.nir", 400, 7), _cli.NirExportSettingsFrom(_cli.Root.Parse("nir export cuba --out c.nir --size 400 --seed 7")));
        Assert.Equal(new NirExportSettings("nir-demo", "nir-demo.nir", null, 42), _cli.NirExportSettingsFrom(_cli.Root.Parse("nir export nir-demo")));
    }

    [Theory]
    [InlineData("nir import")]
    [InlineData("nir import x.nir --dt 0")]
    [InlineData("nir import x.nir --duration -1")]
    [InlineData("nir import x.nir --input-rate -5")]
    [InlineData("nir import x.nir --backend mpi")]
    [InlineData("nir export nosuch")]
    [InlineData("nir export cuba --size 0")]
    public void InvalidNirCommandLinesAreParseErrors(string line)
    {
        Assert.NotEmpty(_cli.Root.Parse(line).Errors);
    }

    [Fact]
    public void ImportedGraphIsDrivenByPoissonTrainsAndReportsOutputSpikeCounts()
    {
        using var directory = new TemporaryDirectory();
        string path = WriteSmallGraph(directory.Path);
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["nir", "import", path, "--duration", "50", "--input-rate", "200"]);

        Assert.Equal(0, code);
        Assert.Contains("8 channels, Poisson 200 Hz", console.Text);
        Assert.Contains("Spikes per neuron", console.Text);
        var settings = new NirImportSettings(path, 0.1, 50, 200, 42, "cpu", 1);
        var result = NirRunner.Run(settings);
        var output = Assert.Single(result.Outputs);
        Assert.Equal(4, output.Neurons);
        Assert.NotNull(output.CountsPerNeuron);
        Assert.True(output.Spikes > 0, "the output never fired: the input drive did not arrive");
        Assert.Equal(output.Spikes, output.CountsPerNeuron.Sum());
        Assert.Equal(output.CountsPerNeuron, Assert.Single(NirRunner.Run(settings).Outputs).CountsPerNeuron);
        Assert.True(Assert.Single(result.Inputs).Spikes > 0);
        Assert.Equal(0, Assert.Single(NirRunner.Run(settings with { InputRateHz = 0 }).Outputs).Spikes);
    }

    [Fact]
    public void InputTrainsAreDrawnOnTheDtGridWithAtMostOneSpikePerStep()
    {
        using var directory = new TemporaryDirectory();
        string path = WriteSmallGraph(directory.Path);

        // p = 10 000 Hz · 0.1 ms = 1: every channel spikes in every one of the 500 steps, none twice.
        var saturated = NirRunner.Run(new NirImportSettings(path, 0.1, 50, 10_000, 42, "cpu", 1));
        var tooFast = Assert.Throws<ArgumentOutOfRangeException>(() => NirRunner.Run(new NirImportSettings(path, 0.5, 50, 10_000, 42, "cpu", 1)));

        Assert.Equal(8 * 500, Assert.Single(saturated.Inputs).Spikes);
        Assert.Contains("2000", tooFast.Message);
    }

    [Fact]
    public void NirDemoExportsToAGraphThatImportsAndRuns()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "sub", "demo.nir");
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["nir", "export", "nir-demo", "--size", "20", "--out", path]);

        Assert.Equal(0, code);
        var graph = NirFile.Read(path);
        Assert.Contains(graph.Nodes.Values, n => n.Type == "CubaLIF");
        Assert.Contains(graph.Nodes.Values, n => n.Type == "Input");
        Assert.Contains("Exported nir-demo", console.Text);
        Assert.Equal(0, new BenchCli(new CapturedConsole().Console).Invoke(["nir", "import", path, "--duration", "20"]));
    }

    [Fact]
    public void SuiteNirCannotExpressIsTheExportersMessageAndNoFile()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "cuba.nir");
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["nir", "export", "cuba", "--size", "100", "--out", path]);

        Assert.Equal(1, code);
        Assert.Contains("RefractoryPeriod", console.Text);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void MissingNirFileIsAnErrorMessage()
    {
        var console = new CapturedConsole();

        Assert.Equal(1, new BenchCli(console.Console).Invoke(["nir", "import", "/nonexistent/graph.nir"]));
        Assert.Contains("does not exist", console.Text);
    }
}
