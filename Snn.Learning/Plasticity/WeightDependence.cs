namespace Snn.Learning.Plasticity;

/// <summary>How the size of an STDP update depends on the current weight.</summary>
public enum WeightDependence
{
    /// <summary>Δw independent of w, clipped at the hard bounds (Song, Miller &amp; Abbott 2000).</summary>
    Additive,

    /// <summary>Soft bounds: potentiation ∝ (w_max − w), depression ∝ (w − w_min) (van Rossum et al. 2000).</summary>
    Multiplicative,
}
