namespace Snn.Core.Plasticity;

/// <summary>
/// Per target neuron state of a plastic projection: up to two postsynaptic traces (pair STDP's y,
/// triplet's o1 and o2; a rate estimate for homeostasis) and the step they are valid at.
/// </summary>
public struct PostState
{
    /// <summary>First postsynaptic trace.</summary>
    public float Post1;

    /// <summary>Second postsynaptic trace.</summary>
    public float Post2;

    /// <summary>The step at whose end the traces are valid.</summary>
    public long LastStep;
}
