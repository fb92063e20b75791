namespace Snn.Bench.Compare;

/// <summary>One run of the Brian2 peer script, as it prints it.</summary>
/// <param name="Neurons">N.</param>
/// <param name="SimulatedSeconds">Simulated time (s).</param>
/// <param name="WallSeconds">Wall time of the compiled program (network construction and simulation; C++ compilation excluded), s.</param>
/// <param name="Spikes">Number of spikes.</param>
/// <param name="MeanRateHz">Mean rate (Hz).</param>
/// <param name="Synapses">Number of synapses.</param>
public sealed record Brian2Result(int Neurons, double SimulatedSeconds, double WallSeconds, long Spikes, double MeanRateHz, long Synapses);
