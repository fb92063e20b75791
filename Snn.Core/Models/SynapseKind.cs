namespace Snn.Core.Models;

/// <summary>How a model receives synaptic input.</summary>
public enum SynapseKind
{
    /// <summary>Weights are currents (pA), signed; inhibitory weights are negative.</summary>
    Current,

    /// <summary>Weights are conductances (nS), non-negative; the receptor picks the reversal potential.</summary>
    Conductance,

    /// <summary>Weights are instantaneous membrane jumps (mV), signed.</summary>
    VoltageJump,

    /// <summary>The population is an input source and takes no synaptic input.</summary>
    None,
}
