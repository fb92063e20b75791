using Snn.Bench.Results;

namespace Snn.Bench.Running;

/// <summary>A finished suite run: its measurements and the recorded spikes (for plots).</summary>
/// <param name="Result">The measurements.</param>
/// <param name="Spikes">The spikes of each recorded population, with the population's name.</param>
/// <param name="Analysis">The suite's own analysis, or null.</param>
public sealed record SuiteRun(SuiteResult Result, IReadOnlyList<PopulationSpikes> Spikes, Snn.Bench.Suites.SuiteAnalysis? Analysis = null);
