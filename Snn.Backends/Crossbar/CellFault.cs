namespace Snn.Backends.Crossbar;

/// <summary>The fault state of one resistive cell after programming (MNSIM's stuck-at fault model:
/// Xia et al., "MNSIM", IEEE TCAD 2018).</summary>
public enum CellFault : byte
{
    /// <summary>The cell holds its programmed conductance.</summary>
    None,

    /// <summary>Stuck in the low-resistance state: the cell reads <see cref="ResistiveDevice.GMax"/>.</summary>
    StuckOn,

    /// <summary>Stuck in the high-resistance state: the cell reads <see cref="ResistiveDevice.GMin"/>.</summary>
    StuckOff,
}
