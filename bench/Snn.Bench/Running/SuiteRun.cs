using Snn.Bench.Results;

namespace Snn.Bench.Running;

/// <summary>A finished suite run: its measurements and the recorded spikes (for plots).</summary>
/// <param name="Result">The measurements.</param>
/// <param name="Spikes">The spikes of each recorded population, with the population's name.</param>
public sealed record SuiteRun(SuiteResult Result, IReadOnlyList<PopulationSpikes> Spikes);
