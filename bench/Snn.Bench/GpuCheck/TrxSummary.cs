using System.Xml.Linq;

namespace Snn.Bench.GpuCheck;

/// <summary>The counts and failures of a VSTest results file (<c>.trx</c>, the format <c>dotnet test --logger trx</c> writes).</summary>
/// <param name="Total">Tests found.</param>
/// <param name="Passed">Tests that passed.</param>
/// <param name="Failed">Tests that failed.</param>
/// <param name="NotExecuted">Tests skipped or not run.</param>
/// <param name="Failures">Each failed test's name and the first line of its message.</param>
public sealed record TrxSummary(int Total, int Passed, int Failed, int NotExecuted, IReadOnlyList<string> Failures)
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Reads a <c>.trx</c> file.</summary>
    /// <exception cref="InvalidDataException">The file has no <c>Counters</c> element.</exception>
    public static TrxSummary Read(string path)
    {
        var document = XDocument.Load(path);
        var counters = document.Descendants(Ns + "Counters").FirstOrDefault()
            ?? throw new InvalidDataException($"{path} has no Counters element: not a VSTest results file.");
        int Count(string name) => int.TryParse((string?)counters.Attribute(name), out int value) ? value : 0;
        var failures = document.Descendants(Ns + "UnitTestResult")
            .Where(r => (string?)r.Attribute("outcome") == "Failed")
            .Select(r =>
            {
                string message = r.Descendants(Ns + "Message").FirstOrDefault()?.Value ?? "";
                string first = message.Split('\n', 2)[0].Trim();
                return $"{(string?)r.Attribute("testName")}: {first}";
            })
            .ToArray();
        return new TrxSummary(Count("total"), Count("passed"), Count("failed") + Count("error") + Count("timeout") + Count("aborted"),
            Count("notExecuted") + Count("inconclusive"), failures);
    }
}
