namespace Snn.Core.Models;

/// <summary>A recordable or initialisable field of <see cref="NeuronState"/>.</summary>
public enum StateVariable
{
    /// <summary>Membrane potential (mV).</summary>
    V,

    /// <summary>Recovery / adaptation variable.</summary>
    U,

    /// <summary>Excitatory synaptic current (pA) or conductance (nS).</summary>
    SynE,

    /// <summary>Inhibitory synaptic current (pA) or conductance (nS).</summary>
    SynI,
}
