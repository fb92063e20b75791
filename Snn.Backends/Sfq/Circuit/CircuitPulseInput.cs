namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// An SFQ pulse source: an ideal voltage source behind a coupling inductor into
/// <see cref="Node"/>. Each pulse is V(t) = (π Φ0 / 2w)·sin(π (t − t_k) / w) for t_k ≤ t ≤ t_k + w,
/// whose area is exactly Φ0: the source's phase advances by 2π per pulse.
/// </summary>
/// <param name="Name">Name.</param>
/// <param name="Node">The node driven.</param>
/// <param name="CouplingInductancePh">Inductance between the source and the node (pH), &gt; 0.</param>
/// <param name="PulseWidthPs">Pulse width w (ps), &gt; 0.</param>
public sealed record CircuitPulseInput(string Name, int Node, double CouplingInductancePh, double PulseWidthPs);
