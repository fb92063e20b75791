namespace Snn.Backends.Sfq.Circuit;

/// <summary>The delay of an SFQ cell measured in the circuit solver: from the 2π slip of the
/// junction that drives it to the slip of its own last junction, over many pulses with thermal noise.</summary>
/// <param name="MeanDelayPs">Mean delay (ps).</param>
/// <param name="JitterPs">Standard deviation of the delay (ps).</param>
/// <param name="Pulses">Pulses measured.</param>
public sealed record CellTiming(double MeanDelayPs, double JitterPs, int Pulses);
