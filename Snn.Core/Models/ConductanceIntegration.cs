namespace Snn.Core.Models;

/// <summary>How <see cref="LifConductance"/> advances its membrane and conductances over one step h.</summary>
public enum ConductanceIntegration
{
    /// <summary>
    /// Exponential Euler (the default): the conductances decay exactly, g ← g e^(−h/τ), and the
    /// membrane relaxes exponentially towards V∞ with the conductances of the step's start held
    /// constant, V ← V∞ + (V − V∞) e^(−h g_tot / C_m). Accurate to O(h) in the conductance change
    /// and stable for every h; costs one exponential and one division per neuron and step.
    /// </summary>
    ExponentialEuler,

    /// <summary>
    /// Forward Euler, Brian2's <c>method='euler'</c> and the integration of the COBA benchmark in
    /// Brette et al. 2007: V ← V + (h/C_m)(g_L (E_L − V) + g_e (E_e − V) + g_i (E_i − V) + I) and
    /// g ← g (1 − h/τ), all from the step's start. First-order accurate; stable only while
    /// h &lt; τ_syn and h g_L &lt; C_m (checked when the network is compiled). Multiplications and
    /// additions only.
    /// </summary>
    ForwardEuler,
}
