using Snn.Bench.GpuCheck;

namespace Snn.Bench.Tests.GpuCheck;

public class TrxSummaryTests
{
    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult testName="A.Passes" outcome="Passed" />
            <UnitTestResult testName="A.Breaks" outcome="Failed">
              <Output><ErrorInfo><Message>Assert.Equal() Failure: Values differ
        Expected: 1</Message></ErrorInfo></Output>
            </UnitTestResult>
          </Results>
          <ResultSummary outcome="Failed">
            <Counters total="3" executed="2" passed="1" failed="1" error="0" timeout="0" aborted="0" inconclusive="0" notExecuted="1" />
          </ResultSummary>
        </TestRun>
        """;

    [Fact]
    public void CountsAndFailuresAreReadFromTheResultsFile()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "r.trx");
        File.WriteAllText(path, Trx);

        var summary = TrxSummary.Read(path);

        Assert.Equal((3, 1, 1, 1), (summary.Total, summary.Passed, summary.Failed, summary.NotExecuted));
        Assert.Equal("A.Breaks: Assert.Equal() Failure: Values differ", Assert.Single(summary.Failures));
    }

    [Fact]
    public void AFileWithoutCountersIsRejected()
    {
        using var directory = new TemporaryDirectory();
        string path = Path.Combine(directory.Path, "r.trx");
        File.WriteAllText(path, "<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\" />");

        Assert.Throws<InvalidDataException>(() => TrxSummary.Read(path));
    }
}
