using Snn.Bench.Cli;
using Snn.Bench.Verify;

namespace Snn.Bench.Tests.Verify;

/// <summary>
/// <c>snn-bench verify --quick --row nalsm-branching</c> in process: the branching factor of the NALSM
/// liquid falls strictly as the astrocyte gain grows. A class of its own so that xUnit runs it in
/// parallel with <see cref="VerifyCommandTests"/>; with <see cref="VerifyCommandTests"/> it makes CI
/// run every verify row.
/// </summary>
public class NalsmBranchingVerifyTests
{
    [Fact]
    public void QuickVerifyReproducesTheFallingBranchingFactorOrSkipsWithoutFashionMnist()
    {
        using var directory = new TemporaryDirectory();
        var console = new CapturedConsole();

        int code = new BenchCli(console.Console).Invoke(["verify", "--quick", "--out", directory.Path, "--row", new NalsmBranchingRow().Name]);

        var row = Assert.Single(VerifyRunner.Read(Path.Combine(directory.Path, VerifyReport.FileName)).Rows);
        Assert.True(row.Status != VerifyStatus.Fail, $"{row.Row}: {row.Reason} (measured {row.Measured})");
        if (row.Status == VerifyStatus.Skip)
        {
            Assert.Contains("Fashion-MNIST", row.Reason);
        }
        else
        {
            var branching = row.Measured.Split(" / ").Select(double.Parse).ToArray();
            Assert.Equal(4, branching.Length);
            Assert.True(branching.Zip(branching.Skip(1)).All(pair => pair.Second < pair.First), row.Measured);
        }
        Assert.Equal(0, code);
    }
}
