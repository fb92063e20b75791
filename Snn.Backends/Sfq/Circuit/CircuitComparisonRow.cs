namespace Snn.Backends.Sfq.Circuit;

/// <summary>One row of <see cref="SfqCircuitComparison"/>: the test network built and biased by one
/// pulse-level model's maps, run in the circuit solver and in that model.</summary>
/// <param name="Model">"closed-form" or "calibrated".</param>
/// <param name="Weight">Weight (pass probability) of both input synapses.</param>
/// <param name="GateBiasUa">Gate bias the model's map gives for the weight (µA).</param>
/// <param name="NeuronBiasUa">Neuron output bias the model's map gives for the threshold (µA).</param>
/// <param name="JtlStages">JTL stages per synapse (the model's rounding of the requested delay).</param>
/// <param name="CircuitRateGhz">Output rate in the circuit (GHz).</param>
/// <param name="ModelRateGhz">Output rate in the pulse-level model (GHz).</param>
/// <param name="IdenticalShare">Share of output pulses with a partner in the other run within the match tolerance: 2 × matched / (circuit + model pulses).</param>
/// <param name="CircuitLatencyPs">Median time from the latest input pulse to each output pulse in the circuit (ps).</param>
/// <param name="ModelLatencyPs">The same in the model (ps).</param>
public sealed record CircuitComparisonRow(string Model, double Weight, double GateBiasUa, double NeuronBiasUa, int JtlStages,
    double CircuitRateGhz, double ModelRateGhz, double IdenticalShare, double CircuitLatencyPs, double ModelLatencyPs);
