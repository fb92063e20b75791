namespace Snn.Experiments.Sfq;

/// <summary>One input pattern at one global bias scale of <see cref="SfqXorCircuitComparison"/>: the
/// XOR's output in the circuit solver and in the pulse-level model.</summary>
/// <param name="BiasScale">Global bias scale of both (every bias in the circuit, the model's operating point).</param>
/// <param name="A">Input A active.</param>
/// <param name="B">Input B active.</param>
/// <param name="CircuitRateGhz">Output rate of the circuit over the window (GHz).</param>
/// <param name="ModelRateGhz">Output rate of the pulse-level model over the window (GHz).</param>
/// <param name="IdenticalShare">Share of output pulses the two runs have in common (see <c>SfqCircuitComparison.IdenticalShare</c>).</param>
/// <param name="CircuitCorrect">Whether the circuit's rate gives A XOR B at the design's decision rate.</param>
/// <param name="ModelCorrect">Whether the model's rate gives A XOR B at the design's decision rate.</param>
public sealed record XorCircuitRow(double BiasScale, bool A, bool B, double CircuitRateGhz, double ModelRateGhz, double IdenticalShare, bool CircuitCorrect, bool ModelCorrect);
