using Snn.Core.Validation;

namespace Snn.Backends.Sfq;

/// <summary>
/// A pulse-level SFQ cell: its propagation delay, its junction count and how many junctions switch
/// when one pulse passes through it. Defaults follow PyLSE's cell library (Christensen et al.,
/// "PyLSE: a pulse-transfer level language for superconductor electronics", PLDI 2022,
/// <c>pylse/sfq_cells.py</c>): JTL 5.7 ps / 2 JJ, splitter 4.3 ps / 3 JJ, merger 8.2 ps / 7 JJ,
/// whose merger also swallows (and flags) a pulse arriving within its firing delay of the last.
/// </summary>
/// <param name="Name">Cell name.</param>
/// <param name="DelayPs">Propagation delay (ps), ≥ 0.</param>
/// <param name="Junctions">Number of Josephson junctions, ≥ 0.</param>
/// <param name="SwitchesPerPulse">Junctions that switch (2π phase slips) per pulse passed, ≥ 0.</param>
public sealed record SfqCell(string Name, double DelayPs, int Junctions, int SwitchesPerPulse)
{
    /// <summary>Josephson transmission line stage (PyLSE JTL: 5.7 ps, 2 JJ, both switch).</summary>
    public static SfqCell Jtl { get; } = new("JTL", 5.7, 2, 2);

    /// <summary>Splitter (PyLSE S: 4.3 ps, 3 JJ, all switch).</summary>
    public static SfqCell Splitter { get; } = new("S", 4.3, 3, 3);

    /// <summary>Merger (PyLSE M: 8.2 ps, 7 JJ; a pulse switches its input, escape and output junctions: 3).</summary>
    public static SfqCell Merger { get; } = new("M", 8.2, 7, 3);

    /// <summary>The stochastic synapse gate: a junction biased near I_c plus its escape junction (2 JJ);
    /// a passed pulse switches both, a blocked one only the escape junction. Delay 5.0 ps (one switching plus a JTL-like stage, an estimate).</summary>
    public static SfqCell StochasticGate { get; } = new("gate", 5.0, 2, 2);

    /// <summary>Throws when a field is out of range.</summary>
    public void Validate()
    {
        Guard.Name(Name, nameof(Name));
        Guard.NonNegative(DelayPs, nameof(DelayPs));
        Guard.InRange(Junctions, 0, int.MaxValue, nameof(Junctions));
        Guard.InRange(SwitchesPerPulse, 0, Junctions, nameof(SwitchesPerPulse));
    }
}
