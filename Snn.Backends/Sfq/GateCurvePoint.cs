namespace Snn.Backends.Sfq;

/// <summary>The stochastic gate's switching curve p(I_b) = Φ((I_b − I_50)/σ) fitted to a circuit
/// sweep at one temperature and global bias scale (the scale sets the drive: the pulse arriving
/// from the gate's biased input line), with its double-switch rate (a row of
/// <see cref="SfqCalibratedTables.GateCurves"/>).</summary>
/// <param name="TemperatureK">Temperature (K).</param>
/// <param name="BiasScale">Global bias scale of the interconnect.</param>
/// <param name="HalfPassBiasUa">I_50 (µA).</param>
/// <param name="SpreadUa">σ (µA).</param>
/// <param name="DoubleSwitchRate">Double-switch rate at the midpoint, d, in [0, 1].</param>
public sealed record GateCurvePoint(double TemperatureK, double BiasScale, double HalfPassBiasUa, double SpreadUa, double DoubleSwitchRate);
