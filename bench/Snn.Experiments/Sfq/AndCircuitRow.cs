namespace Snn.Experiments.Sfq;

/// <summary>One input pattern of <see cref="SfqAndCircuitComparison"/>: the leaky AND neuron's
/// output in the circuit solver and in the pulse-level model.</summary>
/// <param name="A">Input A active.</param>
/// <param name="B">Input B active.</param>
/// <param name="CircuitRateGhz">Output rate of the circuit's neuron (GHz).</param>
/// <param name="ModelRateGhz">Output rate of the pulse-level neuron (GHz).</param>
/// <param name="IdenticalShare">Share of output pulses the two runs have in common (see <c>SfqCircuitComparison.IdenticalShare</c>).</param>
public sealed record AndCircuitRow(bool A, bool B, double CircuitRateGhz, double ModelRateGhz, double IdenticalShare);
