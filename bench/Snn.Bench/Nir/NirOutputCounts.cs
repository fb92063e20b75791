namespace Snn.Bench.Nir;

/// <summary>What one NIR <c>Output</c> node gave in a run of an imported graph.</summary>
/// <param name="Output">The Output node's name.</param>
/// <param name="Population">The population that feeds it.</param>
/// <param name="Neurons">Its neurons.</param>
/// <param name="Spikes">Its spikes (0 for a non-spiking population).</param>
/// <param name="CountsPerNeuron">Spikes per neuron; null for a non-spiking population.</param>
/// <param name="FinalMembrane">Each neuron's membrane potential (NIR voltage) at the last step, for a non-spiking population; null otherwise.</param>
public sealed record NirOutputCounts(string Output, string Population, int Neurons, long Spikes, int[]? CountsPerNeuron, float[]? FinalMembrane);
