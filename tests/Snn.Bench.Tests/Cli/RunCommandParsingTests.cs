using Snn.Bench.Cli;
using Snn.Bench.Compare;

namespace Snn.Bench.Tests.Cli;

public class RunCommandParsingTests
{
    private readonly BenchCli _cli = new(new CapturedConsole().Console);

    [Fact]
    public void AllRunOptionsAreRead()
    {
        var parse = _cli.Root.Parse(["run", "cuba", "izhikevich-2003", "--size", "500", "--duration", "50", "--threads", "2", "--seed", "7", "--out", "dir", "--backend", "cpu"]);

        Assert.Empty(parse.Errors);
        var settings = _cli.RunSettingsFrom(parse);
        Assert.Equal(["cuba", "izhikevich-2003"], settings.Suites);
        Assert.Equal(500, settings.Size);
        Assert.Equal(50, settings.DurationMs);
        Assert.Equal(2, settings.Threads);
        Assert.Equal(7UL, settings.Seed);
        Assert.Equal("dir", settings.OutDirectory);
        Assert.Equal("cpu", settings.Backend);
    }

    [Fact]
    public void RunOptionsHaveDefaults()
    {
        var parse = _cli.Root.Parse("run coba");

        Assert.Empty(parse.Errors);
        var settings = _cli.RunSettingsFrom(parse);
        Assert.Equal(["coba"], settings.Suites);
        Assert.Null(settings.Size);
        Assert.Null(settings.DurationMs);
        Assert.Equal(1000, settings.DurationFor(Snn.Bench.Suites.SuiteCatalog.Coba));
        Assert.Equal(300_000, settings.DurationFor(Snn.Bench.Suites.SuiteCatalog.Polychronization));
        Assert.Null(settings.Threads);
        Assert.Equal(42UL, settings.Seed);
        Assert.Equal("out", settings.OutDirectory);
        Assert.Equal("cpu", settings.Backend);
    }

    [Fact]
    public void ShortAliasesWork()
    {
        var settings = _cli.RunSettingsFrom(_cli.Root.Parse("run cuba -n 800 -t 20 -o results"));

        Assert.Equal(800, settings.Size);
        Assert.Equal(20, settings.DurationMs);
        Assert.Equal("results", settings.OutDirectory);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run nosuch")]
    [InlineData("run cuba --backend tpu")]
    [InlineData("run cuba --size 0")]
    [InlineData("run cuba --duration -5")]
    [InlineData("run cuba --duration 0")]
    [InlineData("run cuba --threads 0")]
    [InlineData("run cuba --seed -1")]
    [InlineData("run cuba --size many")]
    public void InvalidRunCommandLinesAreParseErrors(string line)
    {
        Assert.NotEmpty(_cli.Root.Parse(line).Errors);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("mpi")]
    public void GpuAndMpiAreBackendChoices(string backend)
    {
        var parse = _cli.Root.Parse($"run cuba --backend {backend}");

        Assert.Empty(parse.Errors);
        Assert.Equal(backend, _cli.RunSettingsFrom(parse).Backend);
    }

    [Fact]
    public void DataFolderIsReadForStudies()
    {
        var settings = _cli.RunSettingsFrom(_cli.Root.Parse("run delays-shd --data /data/shd --quick"));

        Assert.Equal("/data/shd", settings.DataDirectory);
        Assert.Null(_cli.RunSettingsFrom(_cli.Root.Parse("run delays-shd")).DataDirectory);
    }

    [Fact]
    public void MicrocircuitScalesAreReadAndSetTheSize()
    {
        var settings = _cli.RunSettingsFrom(_cli.Root.Parse("run microcircuit --scale 0.1 --k-scale 0.25"));

        Assert.Equal(0.1, settings.Scale);
        Assert.Equal(0.25, settings.InDegreeScale);
        Assert.Equal(7717, settings.SizeFor(Snn.Bench.Suites.SuiteCatalog.Microcircuit));
        Assert.Equal(Snn.Bench.Suites.SuiteCatalog.Microcircuit.DefaultSize, _cli.RunSettingsFrom(_cli.Root.Parse("run microcircuit")).SizeFor(Snn.Bench.Suites.SuiteCatalog.Microcircuit));
    }

    [Theory]
    [InlineData("run microcircuit --scale 0")]
    [InlineData("run microcircuit --scale 1.5")]
    [InlineData("run microcircuit --k-scale 0")]
    [InlineData("run microcircuit --k-scale -0.5")]
    [InlineData("run cuba --power-watts 0")]
    public void ScalesOutsideTheUnitIntervalAreParseErrors(string line)
    {
        Assert.NotEmpty(_cli.Root.Parse(line).Errors);
    }

    [Theory]
    [InlineData("run cuba --k-scale 0.5", "--k-scale")]
    [InlineData("run cuba --scale 0.5", "--scale")]
    [InlineData("run microcircuit --scale 0.1 --size 900", "--scale and --size")]
    public void ScalesOnSuitesWithoutThemAreRefusedByName(string line, string named)
    {
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(line.Split(' '));

        Assert.Equal(1, code);
        Assert.Contains(named, console.Text);
    }

    [Fact]
    public void InvalidCommandLineExitsWithNonZeroCode()
    {
        var error = new StringWriter();

        int code = _cli.Invoke(["run", "nosuch"], new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.NotEqual(0, code);
        Assert.Contains("nosuch", error.ToString());
    }

    [Fact]
    public void CompareOptionsAreRead()
    {
        var parse = _cli.Root.Parse("compare brian2 --sizes 4000,40000 --repeats 5 --duration 500");

        Assert.Empty(parse.Errors);
        var settings = _cli.CompareSettingsFrom(parse);
        Assert.Equal("brian2", settings.Peer);
        Assert.Equal([4000, 40000], settings.Sizes);
        Assert.Equal(5, settings.Repeats);
        Assert.Equal(500, settings.DurationMs);
        Assert.Equal(1, settings.Threads);
        Assert.Equal("/usr/bin/python3", settings.Python);
        Assert.Null(settings.PeersDirectory);
        Assert.Equal(["cuba", "coba"], settings.Suites);
    }

    [Fact]
    public void CompareDefaultsToEachSuitesOwnSizesAndThreeRepeats()
    {
        var settings = _cli.CompareSettingsFrom(_cli.Root.Parse("compare brian2"));

        Assert.Null(settings.Sizes);
        Assert.Equal([4000, 40000], Brian2Peer.PeerOf("cuba").DefaultSizes);
        Assert.Equal([4000, 40000], Brian2Peer.PeerOf("coba").DefaultSizes);
        Assert.Equal([1000], Brian2Peer.PeerOf("izhikevich-2003").DefaultSizes);
        Assert.Equal([1000], Brian2Peer.PeerOf("izhikevich-2003-dt0.1").DefaultSizes);
        Assert.Equal(3, settings.Repeats);
        Assert.Equal(1000, settings.DurationMs);
    }

    [Fact]
    public void CompareSuitesAndPeersFolderAreRead()
    {
        var settings = _cli.CompareSettingsFrom(_cli.Root.Parse("compare brian2 --suites coba --peers /tmp/peers"));

        Assert.Equal(["coba"], settings.Suites);
        Assert.Equal("/tmp/peers", settings.PeersDirectory);
    }

    [Theory]
    [InlineData("compare nest")]
    [InlineData("compare brian2 --sizes 4000,x")]
    [InlineData("compare brian2 --sizes 3")]
    [InlineData("compare brian2 --repeats 0")]
    [InlineData("compare brian2 --suites cuba,microcircuit")]
    public void InvalidCompareCommandLinesAreParseErrors(string line)
    {
        Assert.NotEmpty(_cli.Root.Parse(line).Errors);
    }
}
