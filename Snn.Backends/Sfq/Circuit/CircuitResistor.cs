namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// A linear resistor between two nodes: I = (Φ0 / 2π R) dθ/dt + i_n, with θ the phase difference
/// across it and i_n its Johnson–Nyquist noise (one-sided spectral density 4 k_B T / R). In series
/// with a storing loop's inductance L it makes the loop leaky: a stored current decays with
/// τ = L_loop / R.
/// </summary>
/// <param name="Plus">Node the positive current leaves (<see cref="JosephsonCircuit.Ground"/> for ground).</param>
/// <param name="Minus">Node it enters.</param>
/// <param name="ResistanceOhm">Resistance R (Ω), &gt; 0.</param>
public sealed record CircuitResistor(int Plus, int Minus, double ResistanceOhm);
