using Snn.Bench.Cli;
using Snn.Bench.Verify;
using Snn.Tests.Shared;

namespace Snn.Bench.Tests.Verify;

public class VerifyCommandTests
{
    /// <summary>The row run on its own by <see cref="NalsmBranchingVerifyTests"/> (about 6 minutes on 2
    /// cores: four NALSM liquids initialised with 2000 presentations each), so that it runs beside
    /// the other rows instead of after them.</summary>
    private const string SlowestRow = "nalsm-branching";

    /// <summary><c>snn-bench verify --quick</c> in process, every row but <see cref="SlowestRow"/>
    /// (about 4 minutes on 2 cores): every row reproduces its claim, or is skipped because this machine lacks what it needs (Fashion-MNIST,
    /// mpirun) and says so.</summary>
    [Fact]
    public void QuickVerifyPassesEveryRowOrSkipsWithItsReason()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        string[] rows = VerifyRegistry.Names.Where(n => n != SlowestRow).SelectMany(n => new[] { "--row", n }).ToArray();

        int code = new BenchCli(console.Console).Invoke(["verify", "--quick", "--out", directory.Path, .. rows]);

        var report = VerifyRunner.Read(Path.Combine(directory.Path, VerifyReport.FileName));
        Assert.Equal(VerifyRegistry.Names.Where(n => n != SlowestRow), report.Rows.Select(r => r.Row));
        foreach (var row in report.Rows)
        {
            Assert.True(row.Status != VerifyStatus.Fail, $"{row.Row}: {row.Reason} (measured {row.Measured}, tolerance {row.Tolerance})");
            if (row.Status == VerifyStatus.Skip)
            {
                Assert.Matches("Fashion-MNIST|mpirun", row.Reason);
            }
        }
        Assert.Equal(0, code);
        Assert.True(report.Quick);
        Assert.Contains($"{report.Passed} passed, 0 failed, {report.Skipped} skipped", console.Text);
    }

    [Fact]
    public void ClockDrivenEngineConvergesToTheExactEngineWithThePublishedErrors()
    {
        var errors = EventDrivenConvergenceRow.MeanSpikeTimeErrors();

        Assert.Equal(0.12, errors[0], 0.005);
        Assert.Equal(0.0088, errors[1], 0.00005);
        Assert.Equal(0.00095, errors[2], 0.000005);
        Assert.True(errors[0] > 5 * errors[1] && errors[1] > 5 * errors[2], "the error should fall about tenfold per tenfold smaller dt (first order)");
    }

    [Fact]
    public void FailingRowGivesExitCodeOneAndARowThatThrowsFailsWithItsMessage()
    {
        var rows = new VerifyRow[] { new FixedRow("holds", passes: true), new FixedRow("broken", passes: false), new ThrowingRow() };

        var report = VerifyRunner.Run(rows, new VerifyContext(Quick: true), "test");

        Assert.Equal([VerifyStatus.Pass, VerifyStatus.Fail, VerifyStatus.Fail], report.Rows.Select(r => r.Status));
        Assert.Equal((1, 2, 0), (report.Passed, report.Failed, report.Skipped));
        Assert.Null(report.Rows[0].Reason);
        Assert.Equal("out of range", report.Rows[1].Reason);
        Assert.Equal("InvalidOperationException: no engine", report.Rows[2].Reason);
    }

    [Fact]
    public void VerifyJsonRoundTripsEveryField()
    {
        using var directory = new TemporaryDirectory();
        var report = VerifyRunner.Run([new FixedRow("holds", passes: true)], new VerifyContext(Quick: false), "snn-bench verify");

        var read = VerifyRunner.Read(VerifyRunner.Write(report, directory.Path));

        Assert.Equal(VerifyReport.CurrentSchema, read.Schema);
        var row = Assert.Single(read.Rows);
        Assert.Equal(("holds", "claim holds", "1.5 Hz", "1 ± 1 Hz", "a paper", VerifyStatus.Pass), (row.Row, row.Claim, row.Measured, row.Tolerance, row.Source, row.Status));
        Assert.Equal(1.5, row.Metrics["rate_hz"]);
        Assert.False(read.Quick);
    }

    [Fact]
    public void VerifyJsonIsReplacedWholeByTheNextRun()
    {
        using var directory = new TemporaryDirectory();
        string path = VerifyRunner.Write(VerifyRunner.Run([new FixedRow("holds", passes: true)], new VerifyContext(Quick: true), "snn-bench verify --quick"), directory.Path);
        var next = VerifyRunner.Run([new FixedRow("fails", passes: false)], new VerifyContext(Quick: false), "snn-bench verify");

        ReplacedFile.AssertReplacedWhole(path, () => VerifyRunner.Write(next, directory.Path));

        Assert.Equal("fails", Assert.Single(VerifyRunner.Read(path).Rows).Row);
    }

    [Fact]
    public void UnknownRowIsRefusedNamingTheRows()
    {
        var parse = new BenchCli(new CapturedConsole().Console).Root.Parse(["verify", "--row", "no-such-row"]);

        var error = Assert.Single(parse.Errors);
        Assert.Contains("no-such-row", error.Message);
        Assert.Contains("cuba-rate", error.Message);
    }

    private sealed class FixedRow(string name, bool passes) : VerifyRow
    {
        public override string Name => name;

        public override string Claim => $"claim {name}";

        public override string Source => "a paper";

        protected override Measurement Measure(VerifyContext context)
            => Judge(passes, passes ? "1.5 Hz" : "9 Hz", "1 ± 1 Hz", "out of range", new Dictionary<string, double> { ["rate_hz"] = passes ? 1.5 : 9 });
    }

    private sealed class ThrowingRow : VerifyRow
    {
        public override string Name => "throws";

        public override string Claim => "none";

        public override string Source => "none";

        protected override Measurement Measure(VerifyContext context) => throw new InvalidOperationException("no engine");
    }
}
