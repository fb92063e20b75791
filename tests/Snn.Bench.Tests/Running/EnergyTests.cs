using Snn.Bench.Results;
using Snn.Bench.Running;
using Snn.Bench.Suites;

namespace Snn.Bench.Tests.Running;

public class EnergyTests
{
    [Fact]
    public void RaplMeterSumsPackageDomainsAndCountsOneWrap()
    {
        using var directory = new TemporaryDirectory();
        Domain(directory.Path, "intel-rapl:0", energy: 1_000_000, range: 10_000_000);
        Domain(directory.Path, "intel-rapl:1", energy: 9_500_000, range: 10_000_000);
        Domain(directory.Path, "intel-rapl:0:0", energy: 5, range: 10);

        var meter = RaplMeter.TryOpen(directory.Path);

        Assert.NotNull(meter);
        Assert.Equal(2, meter.Packages);
        Assert.Equal([1_000_000L, 9_500_000L], meter.Read());
        // Package 0 gains 2.5 J; package 1 wraps from 9.5 J past 10 J to 0.5 J (1 J).
        Assert.Equal(3.5, meter.JoulesBetween([1_000_000, 9_500_000], [3_500_000, 500_000]), 12);
        Assert.Throws<ArgumentException>(() => meter.JoulesBetween([1], [2]));
    }

    [Fact]
    public void NoReadablePackageMeansNoMeter()
    {
        using var directory = new TemporaryDirectory();
        Assert.Null(RaplMeter.TryOpen(Path.Combine(directory.Path, "absent")));
        Directory.CreateDirectory(Path.Combine(directory.Path, "intel-rapl:0"));
        Assert.Null(RaplMeter.TryOpen(directory.Path));
    }

    [Fact]
    public void GivenPowerTimesWallTimeIsTheEnergyAndPerEventDividesByTheEvents()
    {
        var run = SuiteRunner.Run(SuiteCatalog.Cuba, new SuiteRunOptions(500, 50, 42, Threads: 1, WarmUp: false, PowerWatts: 40));

        var energy = Assert.IsType<EnergyMeasurement>(run.Result.Energy);
        Assert.Equal(EnergyMeasurement.GivenPower, energy.Source);
        Assert.Equal(40 * run.Result.WallSeconds, energy.Joules, 12);
        Assert.Equal(40, energy.Watts, 9);
        Assert.True(run.Result.SynapticEvents > 0);
        Assert.Equal(energy.Joules / run.Result.SynapticEvents * 1e9, energy.JoulesPerSynapticEvent * 1e9, 9);
        Assert.Contains(run.Result.Findings!, f => f.StartsWith("energy (given power)", StringComparison.Ordinal));
    }

    [Fact]
    public void EnergyTravelsThroughResultsJson()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new Snn.Bench.Cli.BenchCli(console.Console).Invoke(["run", "cuba", "--size", "500", "--duration", "20", "--power-watts", "25", "--out", directory.Path]);

        Assert.Equal(0, code);
        var result = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, "results.json")).Results);
        Assert.Equal(25 * result.WallSeconds, result.Energy!.Joules, 9);
    }

    private static void Domain(string root, string name, long energy, long range)
    {
        string domain = Path.Combine(root, name);
        Directory.CreateDirectory(domain);
        File.WriteAllText(Path.Combine(domain, "energy_uj"), energy + "\n");
        File.WriteAllText(Path.Combine(domain, "max_energy_range_uj"), range + "\n");
    }
}
