namespace Snn.Backends.Sfq;

/// <summary>The delay of the stochastic gate measured in the circuit solver at one temperature and
/// standard score z = (I_b − I_50)/σ of its bias (a row of <see cref="SfqCalibratedTables.GateDelays"/>):
/// in the gray zone (small z) a passed pulse is held longer and with more jitter than at full bias.</summary>
/// <param name="TemperatureK">Temperature (K).</param>
/// <param name="StandardScore">z = (I_b − I_50)/σ of the gate's source bias.</param>
/// <param name="DelayPs">Median delay of the passed pulses (ps).</param>
/// <param name="JitterPs">Standard deviation of that delay (ps).</param>
/// <param name="Pulses">Passed pulses the median was taken over.</param>
public sealed record GateDelayPoint(double TemperatureK, double StandardScore, double DelayPs, double JitterPs, int Pulses);
