namespace Snn.Bench.Results;

/// <summary>
/// The contents of <c>results.json</c>: what ran, where, one <see cref="SuiteResult"/> per suite
/// and one <see cref="StudyResult"/> per study.
/// </summary>
/// <param name="Schema">Format identifier, <see cref="CurrentSchema"/>.</param>
/// <param name="CreatedUtc">When the run finished.</param>
/// <param name="Command">The command line that produced the file.</param>
/// <param name="Machine">The machine.</param>
/// <param name="Results">One entry per suite, in the order run.</param>
/// <param name="Studies">One entry per study, in the order run.</param>
public sealed record BenchmarkReport(string Schema, DateTimeOffset CreatedUtc, string Command, MachineInfo Machine, IReadOnlyList<SuiteResult> Results, IReadOnlyList<StudyResult> Studies)
{
    /// <summary>The format identifier written by this version (v2 added <c>studies</c>).</summary>
    public const string CurrentSchema = "snn-bench/results/v2";
}
