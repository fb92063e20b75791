namespace Snn.Bench.Verify;

/// <summary>
/// The README's SFQ XOR figures that <see cref="SfqXorWindowRow"/> checks, in one place: the output
/// rate of each input pattern at nominal bias and the global-bias window in which all four patterns
/// are classified correctly, for the closed-form (literature-constant) pulse-level model that
/// <see cref="Snn.Experiments.Sfq.SfqXorStudy"/> runs by default, seed 1. The circuit-calibrated
/// model's window (1.00-1.06) needs a fresh calibration of the XOR technology and is reported by the
/// <c>sfq-vs-circuit</c> study instead.
/// </summary>
public static class SfqXorClaims
{
    /// <summary>Output rates (GHz) at nominal bias for (0,0), (0,1), (1,0), (1,1).</summary>
    public static IReadOnlyList<double> NominalRatesGhz { get; } = [0, 4.0, 4.0, 0.1];

    /// <summary>Half a unit in the last published digit of the rates (GHz).</summary>
    public const double RateToleranceGhz = 0.05;

    /// <summary>The lower edge of the global-bias window (× nominal).</summary>
    public const double WindowLow = 0.94;

    /// <summary>The upper edge of the global-bias window (× nominal).</summary>
    public const double WindowHigh = 1.10;

    /// <summary>The spacing of the swept bias scales, and the tolerance of each edge (× nominal).</summary>
    public const double WindowStep = 0.01;

    /// <summary>Where the figures come from.</summary>
    public const string Source = "README (SfqXorStudy, closed-form model), the XOR case study of Krylov et al., Neuromorph. Comput. Eng. 2024; tolerance: the published digits and one sweep step";
}
