namespace Snn.Backends.Sfq.Circuit;

/// <summary>A linear inductor between two nodes: I = (Φ0 / 2π L)(φ_plus − φ_minus).</summary>
/// <param name="Plus">First node (<see cref="JosephsonCircuit.Ground"/> for ground).</param>
/// <param name="Minus">Second node.</param>
/// <param name="InductancePh">Inductance L (pH), &gt; 0.</param>
public sealed record CircuitInductor(int Plus, int Minus, double InductancePh);
