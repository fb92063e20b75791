namespace Snn.Bench.Results;

/// <summary>
/// The contents of <c>results.json</c>: what ran, where, and one <see cref="SuiteResult"/> per suite.
/// </summary>
/// <param name="Schema">Format identifier, <see cref="CurrentSchema"/>.</param>
/// <param name="CreatedUtc">When the run finished.</param>
/// <param name="Command">The command line that produced the file.</param>
/// <param name="Machine">The machine.</param>
/// <param name="Results">One entry per suite, in the order run.</param>
public sealed record BenchmarkReport(string Schema, DateTimeOffset CreatedUtc, string Command, MachineInfo Machine, IReadOnlyList<SuiteResult> Results)
{
    /// <summary>The format identifier written by this version.</summary>
    public const string CurrentSchema = "snn-bench/results/v1";
}
