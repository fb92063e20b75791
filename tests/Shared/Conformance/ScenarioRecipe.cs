namespace Snn.Tests.Shared.Conformance;

/// <summary>Everything that determines a scenario network: <see cref="ConformanceNetworks.Build"/> gives the
/// same network for the same recipe in the test process and on every MPI rank.</summary>
/// <param name="Scenario">"static", "plastic" or "modulated".</param>
/// <param name="Settings">The engine's scenario settings.</param>
/// <param name="Seed">The network's seed and that of its explicit weights and spike trains.</param>
public sealed record ScenarioRecipe(string Scenario, ScenarioSettings Settings, ulong Seed);
