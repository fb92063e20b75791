using Snn.Bench.Cli;
using Snn.Bench.Results;

namespace Snn.Bench.Tests.Running;

public class MpiRunTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public void MpiEngineIsAChoiceForCubaAndMicrocircuit()
    {
        var cli = new BenchCli(new CapturedConsole().Console);
        var parse = cli.Root.Parse("run cuba microcircuit --backend mpi --size 800 --duration 20");

        Assert.Empty(parse.Errors);
        var settings = cli.RunSettingsFrom(parse);
        Assert.Equal("mpi", settings.Backend);
        Assert.Equal(["cuba", "microcircuit"], settings.Suites);
    }

    [Fact]
    public void StudiesOnTheMpiEngineAreRefusedBeforeMpiStarts()
    {
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["run", "cuba", "sfq-xor", "--backend", "mpi"]);

        Assert.Equal(1, code);
        Assert.Contains("do not run on the mpi engine", console.Text);
    }

    /// <summary>End to end (about 5 s): two ranks under mpirun; rank 0 alone writes results.json, with both ranks' timings.</summary>
    [MpiFact]
    public void CubaOnTwoMpiRanksWritesBothRanksTimingsOnce()
    {
        using var directory = new TemporaryDirectory();

        var (code, output) = Mpirun.Launch(2, ["run", "cuba", "--size", "400", "--duration", "20", "--backend", "mpi", "--out", directory.Path], Deadline);

        Assert.True(code == 0, $"mpirun exited with {code}:\n{output}");
        var result = Assert.Single(ResultsJson.Read(Path.Combine(directory.Path, ResultsJson.FileName)).Results);
        Assert.Equal("mpi", result.Backend);
        Assert.Equal(2, result.Ranks);
        Assert.Equal(1, result.IntervalSteps);
        Assert.NotNull(result.RankTimings);
        Assert.Equal([0, 1], result.RankTimings.Select(t => t.Rank));
        Assert.All(result.RankTimings, t => Assert.Equal(200, t.Exchanges));
        Assert.Equal(result.Spikes, result.RankTimings.Sum(t => t.SpikesSent));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, "Wrote "));
        Assert.Contains("cuba on 2 MPI ranks", output);
    }
}
