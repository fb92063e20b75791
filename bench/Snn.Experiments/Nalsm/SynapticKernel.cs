namespace Snn.Experiments.Nalsm;

/// <summary>How a liquid synapse turns its presynaptic neuron's spikes into current (the kernel
/// exp(−Δt/τ_u)/τ_u of <see cref="Snn.Core.Models.NalsmNeuron"/>).</summary>
public enum SynapticKernel
{
    /// <summary>Every spike adds its own kernel, so close spikes of one neuron sum (the engine's
    /// current-based synapse).</summary>
    Summed,

    /// <summary>Only the last spike of each presynaptic neuron counts, as in the authors' code
    /// (combra-lab/NALSM): each spike transmits W·(1 − e^(−ISI/τ_u)), which tops the current
    /// left by the previous spike up to W·e^0/τ_u. Runs as short-term plasticity with U = 1,
    /// τ_rec = τ_u and no facilitation, reset at every presentation as the authors reset Δt.</summary>
    LastSpike,
}
