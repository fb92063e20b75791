namespace Snn.Bench.Verify;

/// <summary>
/// What one row of <c>snn-bench verify</c> found: the claim, the value measured on this install,
/// the tolerance it must fall within, where the claim and its tolerance come from, and the verdict.
/// </summary>
/// <param name="Row">The row's name (as the README cites it).</param>
/// <param name="Claim">The published claim, in words and numbers.</param>
/// <param name="Measured">The value measured now, with units.</param>
/// <param name="Tolerance">The accepted range or deviation, with units.</param>
/// <param name="Source">Where the claim and the tolerance come from: a paper, a reference implementation, an analytic result.</param>
/// <param name="Status">Pass, fail or skip.</param>
/// <param name="Reason">Why a row failed or was skipped; null when it passed.</param>
/// <param name="WallSeconds">Wall time of the row (s).</param>
/// <param name="Metrics">The measured numbers by name (units in the names).</param>
public sealed record VerifyOutcome(string Row, string Claim, string Measured, string Tolerance, string Source, VerifyStatus Status, string? Reason, double WallSeconds,
    IReadOnlyDictionary<string, double> Metrics);
