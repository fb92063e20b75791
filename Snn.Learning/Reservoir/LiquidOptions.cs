using Snn.Core.Validation;

namespace Snn.Learning.Reservoir;

/// <summary>
/// The structure of a liquid (Maass, Natschläger &amp; Markram 2002 as parametrised by Ivanov &amp;
/// Michmizos 2021): neurons on a 3D grid of unit spacing, a random <see cref="ExcitatoryFraction"/>
/// of the sites excitatory, pairs connected with probability C·exp(−(D/λ)²) (no self-connections),
/// and <see cref="InputConnectionFraction"/>·N_liquid·N_input random input pairs of random sign.
/// </summary>
public sealed record LiquidOptions
{
    /// <summary>Grid size along x (sites), ≥ 1. Default 10.</summary>
    public int GridX { get; init; } = 10;

    /// <summary>Grid size along y (sites), ≥ 1. Default 10.</summary>
    public int GridY { get; init; } = 10;

    /// <summary>Grid size along z (sites), ≥ 1. Default 10.</summary>
    public int GridZ { get; init; } = 10;

    /// <summary>Number of input neurons, ≥ 1. Default 784 (28×28 pixels).</summary>
    public int InputCount { get; init; } = 784;

    /// <summary>Fraction of liquid neurons that are excitatory, in [0, 1]. Default 0.8.</summary>
    public double ExcitatoryFraction { get; init; } = 0.8;

    /// <summary>Length constant λ (grid spacings), &gt; 0. Default 3.</summary>
    public double Lambda { get; init; } = 3;

    /// <summary>Peak probability E→E, in [0, 1]. Default 0.2.</summary>
    public double CEE { get; init; } = 0.2;

    /// <summary>Peak probability E→I, in [0, 1]. Default 0.1.</summary>
    public double CEI { get; init; } = 0.1;

    /// <summary>Peak probability I→E, in [0, 1]. Default 0.3.</summary>
    public double CIE { get; init; } = 0.3;

    /// <summary>Peak probability I→I, in [0, 1]. Default 0.05.</summary>
    public double CII { get; init; } = 0.05;

    /// <summary>Input pairs per (liquid × input) neuron pair, in [0, 1]: int(f·N·N_in) pairs are drawn. Default 0.15.</summary>
    public double InputConnectionFraction { get; init; } = 0.15;

    /// <summary>Initial weight magnitude |w| (mV per unit kernel), &gt; 0. Default 3.</summary>
    public double InitialWeight { get; init; } = 3;

    /// <summary>Weight bound magnitude: E in [0, b], I in [−b, 0], input in [−b, b]; &gt; 0. Default 3.</summary>
    public double WeightBound { get; init; } = 3;

    /// <summary>Seed of the labels, connections and signs.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Number of liquid neurons (GridX·GridY·GridZ).</summary>
    public int LiquidCount => GridX * GridY * GridZ;

    /// <summary>The 10×10×10 liquid of NALSM 1000.</summary>
    public static LiquidOptions Liquid1000 => new();

    /// <summary>The 20×20×20 liquid of NALSM 8000.</summary>
    public static LiquidOptions Liquid8000 => new() { GridX = 20, GridY = 20, GridZ = 20 };

    /// <summary>A 5×5×4 liquid of 100 neurons, for tests and demonstrations.</summary>
    public static LiquidOptions Liquid100 => new() { GridX = 5, GridY = 5, GridZ = 4 };

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Guard.PositiveCount(GridX, nameof(GridX));
        Guard.PositiveCount(GridY, nameof(GridY));
        Guard.PositiveCount(GridZ, nameof(GridZ));
        if ((long)GridX * GridY * GridZ > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(GridX), (long)GridX * GridY * GridZ, $"GridX·GridY·GridZ = {(long)GridX * GridY * GridZ} must be at most 1 000 000.");
        }
        Guard.PositiveCount(InputCount, nameof(InputCount));
        Guard.Probability(ExcitatoryFraction, nameof(ExcitatoryFraction));
        Guard.Positive(Lambda, nameof(Lambda));
        Guard.Probability(CEE, nameof(CEE));
        Guard.Probability(CEI, nameof(CEI));
        Guard.Probability(CIE, nameof(CIE));
        Guard.Probability(CII, nameof(CII));
        Guard.Probability(InputConnectionFraction, nameof(InputConnectionFraction));
        Guard.Positive(InitialWeight, nameof(InitialWeight));
        Guard.Positive(WeightBound, nameof(WeightBound));
    }
}
