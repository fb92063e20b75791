namespace Snn.Core;

/// <summary>Which synaptic variable of the target a projection feeds.</summary>
public enum Receptor
{
    /// <summary>The excitatory channel (<see cref="Models.NeuronState.SynE"/>).</summary>
    Excitatory,

    /// <summary>The inhibitory channel (<see cref="Models.NeuronState.SynI"/>).</summary>
    Inhibitory,
}
