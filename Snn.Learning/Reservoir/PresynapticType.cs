namespace Snn.Learning.Reservoir;

/// <summary>Which form of <see cref="AstrocyteStdp"/> a synapse follows, by its presynaptic neuron.</summary>
public enum PresynapticType
{
    /// <summary>An excitatory liquid neuron or an input neuron: causal pairs potentiate, the astrocyte scales depression.</summary>
    Excitatory,

    /// <summary>An inhibitory liquid neuron: the astrocyte scales the (negative-going) causal change, anti-causal pairs push toward zero.</summary>
    Inhibitory,
}
