namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// A magnetic coupling between two inductors of a <see cref="JosephsonCircuit"/>: mutual inductance
/// M = k √(L1 L2). Each inductor's flux is Φ_1 = L1 I1 + M I2 (currents counted from its plus to its
/// minus node), so a positive k makes equal-sense currents add flux.
/// </summary>
/// <param name="First">Index of the first inductor.</param>
/// <param name="Second">Index of the second inductor, not <paramref name="First"/>.</param>
/// <param name="Coupling">Coupling coefficient k (dimensionless), −1 &lt; k &lt; 1.</param>
public sealed record CircuitMutualInductance(int First, int Second, double Coupling);
