namespace Snn.Bench.Nir;

/// <summary>A run of an imported NIR graph (<see cref="NirRunner"/>).</summary>
/// <param name="Neurons">Neurons of the imported network (spike sources included).</param>
/// <param name="Synapses">Synapses of the imported network.</param>
/// <param name="Version">The file's NIR version, when it records one.</param>
/// <param name="CompileSeconds">Wall time of the engine's compile (s).</param>
/// <param name="RunSeconds">Wall time of the simulation (s).</param>
/// <param name="Inputs">The drive of each Input node, by name.</param>
/// <param name="Outputs">What each Output node gave, by name.</param>
public sealed record NirRunResult(int Neurons, long Synapses, string? Version, double CompileSeconds, double RunSeconds,
    IReadOnlyList<NirInputDrive> Inputs, IReadOnlyList<NirOutputCounts> Outputs);
