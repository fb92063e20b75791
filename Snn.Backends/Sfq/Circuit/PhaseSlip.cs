namespace Snn.Backends.Sfq.Circuit;

/// <summary>A 2π phase slip of a junction: one SFQ pulse (∫V dt = ±Φ0).</summary>
/// <param name="Junction">Index of the junction in <see cref="JosephsonCircuit.Junctions"/>.</param>
/// <param name="TimePs">When its phase crossed π (mod 2π) (ps), linearly interpolated within the step.</param>
/// <param name="Direction">+1 for a slip in the positive direction, −1 for an antifluxon.</param>
public readonly record struct PhaseSlip(int Junction, double TimePs, int Direction);
