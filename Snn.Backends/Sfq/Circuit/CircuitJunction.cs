namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// A resistively and capacitively shunted Josephson junction (RCSJ model, Stewart 1968, McCumber
/// 1968) between two nodes of a <see cref="JosephsonCircuit"/>. The current from
/// <see cref="Plus"/> to <see cref="Minus"/> through it is
/// I = I_c sin φ + (Φ0 / 2π R) dφ/dt + (Φ0 C / 2π) d²φ/dt² + i_n,
/// with φ the phase difference across it and i_n the Johnson–Nyquist noise of its shunt
/// (one-sided spectral density 4 k_B T / R).
/// </summary>
/// <param name="Name">Name, used to report its phase slips.</param>
/// <param name="Plus">Node the positive current leaves (<see cref="JosephsonCircuit.Ground"/> for ground).</param>
/// <param name="Minus">Node it enters.</param>
/// <param name="CriticalCurrentUa">Critical current I_c (µA), &gt; 0.</param>
/// <param name="ShuntResistanceOhm">Shunt (normal) resistance R (Ω), &gt; 0.</param>
/// <param name="CapacitancePf">Capacitance C (pF), &gt; 0.</param>
public sealed record CircuitJunction(string Name, int Plus, int Minus, double CriticalCurrentUa, double ShuntResistanceOhm, double CapacitancePf)
{
    /// <summary>Stewart–McCumber parameter β_c = 2π I_c R² C / Φ0 (dimensionless).</summary>
    public double StewartMcCumber => 2 * Math.PI * CriticalCurrentUa * 1e-6 * ShuntResistanceOhm * ShuntResistanceOhm * CapacitancePf * 1e-12 / SfqConstants.FluxQuantumWb;
}
