namespace Snn.Core.Inputs;

/// <summary>
/// A current injected into neurons (pA), like NEST's current generators. The amplitude is a
/// function of the step (and, for noise, of the neuron and the counter-based generator), so every
/// engine computes the same values.
/// </summary>
public abstract class CurrentSource
{
    /// <summary>Prepares the source for a time step of <paramref name="dt"/> ms.</summary>
    public abstract PreparedCurrent Prepare(double dt);
}
