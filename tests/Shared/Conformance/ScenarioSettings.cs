namespace Snn.Tests.Shared.Conformance;

/// <summary>What an engine's scenario networks are built with, so that every engine gets the inputs, size
/// and weights it can take and the same recipe builds the same network in any process.</summary>
/// <param name="Size">Neurons of the scenario network.</param>
/// <param name="DurationMs">Simulated time of a scenario (ms); the replayed spike trains span it.</param>
/// <param name="Inputs">The input kinds the engine runs.</param>
/// <param name="ExactSums">Whether the weights are rounded to whole pA, whose sums are exact in any order.</param>
/// <param name="WeightMonitors">Whether a learning scenario records its plastic weights with a weight monitor.</param>
public sealed record ScenarioSettings(int Size, double DurationMs, EngineInputs Inputs, bool ExactSums, bool WeightMonitors);
