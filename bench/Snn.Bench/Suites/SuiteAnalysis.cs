namespace Snn.Bench.Suites;

/// <summary>
/// What a suite reports beyond the common measurements: named metrics (with units in their names),
/// findings (one line each, e.g. the comparison with a published result) and extra plots.
/// </summary>
/// <param name="Metrics">Named numbers, written to results.json.</param>
/// <param name="Findings">Lines printed under the results table and written to results.json.</param>
/// <param name="WritePlots">Writes the suite's own PNGs into a folder and returns their paths; null for none.</param>
public sealed record SuiteAnalysis(
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> Findings,
    Func<string, IReadOnlyList<string>>? WritePlots = null);
