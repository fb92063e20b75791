namespace Snn.Bench.Verify;

/// <summary>A published mean rate of a suite at one size, with the tolerance its source supports.</summary>
/// <param name="Row">The verify row's name.</param>
/// <param name="Suite">The suite's name in <see cref="Suites.SuiteCatalog"/>.</param>
/// <param name="Size">Neurons.</param>
/// <param name="DurationMs">Simulated time (ms).</param>
/// <param name="ReferenceHz">The published mean rate (Hz).</param>
/// <param name="ToleranceHz">The accepted deviation (Hz).</param>
/// <param name="Source">Where the rate and the tolerance come from.</param>
public sealed record SuiteRateClaim(string Row, string Suite, int Size, double DurationMs, double ReferenceHz, double ToleranceHz, string Source);
