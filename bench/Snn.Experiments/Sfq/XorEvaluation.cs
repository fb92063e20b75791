using Snn.Backends.Sfq;

namespace Snn.Experiments.Sfq;

/// <summary>The XOR network's four patterns under one set of operating conditions.</summary>
/// <param name="Patterns">The patterns (0,0), (0,1), (1,0), (1,1).</param>
/// <param name="DecisionRateGhz">The output rate separating the classes (GHz).</param>
/// <param name="WindowPs">Classification window (ps).</param>
public sealed record XorEvaluation(IReadOnlyList<XorPatternResult> Patterns, double DecisionRateGhz, double WindowPs)
{
    /// <summary>Whether all four patterns are classified correctly.</summary>
    public bool AllCorrect => Patterns.All(p => p.Correct);

    /// <summary>Classification margin: the lowest class-1 output rate minus the highest class-0 rate (GHz); negative when the classes overlap.</summary>
    public double SeparationGhz => Patterns.Where(p => p.Expected).Min(p => p.OutputRateGhz) - Patterns.Where(p => !p.Expected).Max(p => p.OutputRateGhz);

    /// <summary>Classifications per second (one per window, Hz).</summary>
    public double ClassificationsPerSecond => 1e12 / WindowPs;

    /// <summary>Mean energy at 4 K per classification over the four patterns (J).</summary>
    public double EnergyPerClassificationJ => Patterns.Average(p => p.Report.TotalEnergyJ);

    /// <summary>Circuit errors over the four runs.</summary>
    public long Errors => Patterns.Sum(p => p.Report.ErrorCount);
}
