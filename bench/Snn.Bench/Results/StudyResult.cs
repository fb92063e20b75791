namespace Snn.Bench.Results;

/// <summary>What one study reported: an entry of <c>studies</c> in <c>results.json</c>.</summary>
/// <param name="Study">The study's name.</param>
/// <param name="Seed">The seed it ran with.</param>
/// <param name="Quick">Whether it ran its reduced (<c>--quick</c>) form.</param>
/// <param name="WallSeconds">Wall time of the whole study, s (files excluded).</param>
/// <param name="Metrics">Named numbers, units in the names (NaN where undefined, e.g. a latency with no output spike).</param>
/// <param name="Findings">Lines as printed.</param>
/// <param name="Files">The files it wrote into the output folder (plots, models), by file name.</param>
public sealed record StudyResult(
    string Study,
    ulong Seed,
    bool Quick,
    double WallSeconds,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> Findings,
    IReadOnlyList<string> Files);
