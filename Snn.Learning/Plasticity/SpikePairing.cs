namespace Snn.Learning.Plasticity;

/// <summary>Which spike pairs an STDP rule counts (Morrison, Diesmann &amp; Gerstner 2008).</summary>
public enum SpikePairing
{
    /// <summary>Every pre spike pairs with every post spike: traces add 1 per spike.</summary>
    AllToAll,

    /// <summary>Each spike pairs only with the nearest earlier spike of the other side: traces reset to 1.</summary>
    Nearest,
}
