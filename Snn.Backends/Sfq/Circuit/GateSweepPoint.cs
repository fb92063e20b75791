namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// One bias point of a circuit-level gate measurement: a train of pulses through a JTL into the
/// decision-pair gate (<see cref="SfqCellLibrary.Gate"/>) with thermal noise. Each pulse ends in
/// one of four outcomes, read from the net 2π slips of the escape (E) and decision (D) junctions
/// in its time slot: passed (D), dropped (E), double switch (both: the pulse passes and a second
/// fluxon is drawn from the line) or lost (neither: it refilled the hole a double switch left).
/// </summary>
/// <param name="BiasUa">Gate bias current of the source (µA).</param>
/// <param name="Pulses">Pulses sent.</param>
/// <param name="Passed">Pulses that switched only the decision junction.</param>
/// <param name="DoubleSwitches">Pulses that switched both junctions (they pass too).</param>
/// <param name="Dropped">Pulses that switched only the escape junction.</param>
/// <param name="Lost">Pulses that switched neither.</param>
/// <param name="MedianDelayPs">Median time from the input line's last junction to the first junction after the gate over passed pulses (ps); NaN if none.
/// In the gray zone both junctions often switch and the escape junction switches back only later,
/// holding the pulse in the gate for up to tens of ps.</param>
/// <param name="DelayJitterPs">Standard deviation of that time (ps); NaN if fewer than two.</param>
public sealed record GateSweepPoint(double BiasUa, int Pulses, int Passed, int DoubleSwitches, int Dropped, int Lost, double MedianDelayPs, double DelayJitterPs)
{
    /// <summary>Share of pulses that reached the output (passed or double switch).</summary>
    public double PassFraction => (double)(Passed + DoubleSwitches) / Pulses;

    /// <summary>Share of pulses that switched both junctions.</summary>
    public double DoubleSwitchFraction => (double)DoubleSwitches / Pulses;
}
