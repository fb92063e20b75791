namespace Snn.Backends.Sfq;

/// <summary>How the junctions are biased, which decides the static power.</summary>
public enum SfqLogicFamily
{
    /// <summary>Rapid SFQ: bias through resistors from a voltage rail; static power V_b · ΣI_b
    /// (Likharev &amp; Semenov 1991).</summary>
    Rsfq,

    /// <summary>Energy-efficient RSFQ: bias through junctions and inductors, no static power
    /// (Mukhanov 2011, IEEE TAS 21, 760).</summary>
    Ersfq,
}
