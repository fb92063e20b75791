namespace Snn.Core.Plasticity;

/// <summary>
/// The state of one plastic synapse as a rule sees it: its weight, up to two presynaptic traces
/// (kept per synapse so that a presynaptic spike counts at its arrival time, after the synapse's
/// own delay), an eligibility trace for three-factor rules, and the step its traces were last
/// brought up to date.
/// </summary>
public struct SynapseState
{
    /// <summary>Weight (unit of the target model).</summary>
    public float Weight;

    /// <summary>First presynaptic trace (pair STDP's x, triplet's r1).</summary>
    public float Pre1;

    /// <summary>Second presynaptic trace (triplet's r2).</summary>
    public float Pre2;

    /// <summary>Eligibility trace of three-factor rules.</summary>
    public float Eligibility;

    /// <summary>The step at whose end the traces are valid.</summary>
    public long LastStep;
}
