using Snn.Bench.Results;

namespace Snn.Bench.Verify;

/// <summary>The contents of <c>verify.json</c>.</summary>
/// <param name="Schema">Always <see cref="CurrentSchema"/>.</param>
/// <param name="CreatedUtc">When the run finished.</param>
/// <param name="Command">The command line.</param>
/// <param name="Quick">Whether the rows ran their reduced form.</param>
/// <param name="Machine">The machine.</param>
/// <param name="Rows">One outcome per row, in order.</param>
/// <param name="Passed">Rows that passed.</param>
/// <param name="Failed">Rows that failed.</param>
/// <param name="Skipped">Rows skipped, each with its reason.</param>
/// <param name="WallSeconds">Wall time of the whole run (s).</param>
public sealed record VerifyReport(string Schema, DateTimeOffset CreatedUtc, string Command, bool Quick, MachineInfo Machine, IReadOnlyList<VerifyOutcome> Rows,
    int Passed, int Failed, int Skipped, double WallSeconds)
{
    /// <summary>The schema identifier.</summary>
    public const string CurrentSchema = "snn-bench/verify/v1";

    /// <summary>The file name written into the output folder.</summary>
    public const string FileName = "verify.json";
}
