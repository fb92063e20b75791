namespace Snn.Core.Models;

/// <summary>
/// The state of one neuron as a model's <c>Step</c> sees it. Engines keep these fields as
/// structure-of-arrays (one <c>float[]</c> per field) and load one neuron at a time; each model
/// documents what the fields mean for it.
/// </summary>
public struct NeuronState
{
    /// <summary>Membrane potential (mV).</summary>
    public float V;

    /// <summary>Recovery or adaptation variable (model-specific unit; Izhikevich's u).</summary>
    public float U;

    /// <summary>Excitatory synaptic variable: current (pA) or conductance (nS), by model.</summary>
    public float SynE;

    /// <summary>Inhibitory synaptic variable: current (pA) or conductance (nS), by model.</summary>
    public float SynI;

    /// <summary>Remaining refractory steps (0 when the neuron integrates).</summary>
    public int RefractoryCountdown;
}
