namespace Snn.Learning.Reservoir;

/// <summary>The accumulators of a <see cref="BranchingFactor"/>: what it has summed over the
/// presentations added so far, enough to store a partial measure and merge it into another
/// bit-exactly (<see cref="BranchingFactor.Merge(BranchingTotals)"/>).</summary>
/// <param name="SampleSum">Sum over the contributing presentations of their branching factor (dimensionless).</param>
/// <param name="Samples">Number of contributing presentations (at least one measured spike), ≥ 0.</param>
/// <param name="Spikes">Number of measured spikes, ≥ 0.</param>
public readonly record struct BranchingTotals(double SampleSum, long Samples, long Spikes);
