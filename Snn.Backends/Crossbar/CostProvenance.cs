namespace Snn.Backends.Crossbar;

/// <summary>Where a number of a <see cref="CostReport"/> comes from, so a reader knows how far to trust it.</summary>
public enum CostProvenance
{
    /// <summary>Counted by the simulator during the run (events, reads, conversions).</summary>
    Counted,

    /// <summary>Computed from device physics with the preset's parameters (for example V²·G·t).</summary>
    Modelled,

    /// <summary>A published figure measured on silicon, used as a per-operation constant.</summary>
    Measured,

    /// <summary>A published pre-silicon estimate (circuit simulation, synthesis) or an assumption.</summary>
    PreSilicon,
}
