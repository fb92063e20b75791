namespace Snn.Backends.Crossbar;

/// <summary>The result of one arm of a crossbar LSM experiment.</summary>
/// <param name="Name">The configuration's name.</param>
/// <param name="Accuracy">Test accuracy of the trained readout, in [0, 1].</param>
/// <param name="EnergyPerInference">Crossbar energy per sample (J), NaN for software arms.</param>
/// <param name="LatencyPerInference">Modelled latency per sample (s), NaN for software arms.</param>
/// <param name="MeanReservoirRate">Mean reservoir spikes per neuron per sample.</param>
/// <param name="Cost">The chip's cost report over all samples, or null for software arms.</param>
public sealed record LsmOutcome(string Name, double Accuracy, double EnergyPerInference, double LatencyPerInference, double MeanReservoirRate, CostReport? Cost);
