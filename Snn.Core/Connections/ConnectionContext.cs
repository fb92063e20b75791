namespace Snn.Core.Connections;

/// <summary>What a connectivity rule needs to generate a projection's (source, target) pairs.</summary>
/// <param name="SourceSize">Number of source neurons.</param>
/// <param name="TargetSize">Number of target neurons.</param>
/// <param name="SamePopulation">Whether source and target are the same population (autapses possible).</param>
/// <param name="Seed">The network seed.</param>
/// <param name="Stream">The projection's topology stream.</param>
/// <param name="SourcePositions">Source positions (x, y, z per neuron), empty when not set.</param>
/// <param name="TargetPositions">Target positions (x, y, z per neuron), empty when not set.</param>
/// <param name="Description">The projection's name for error messages.</param>
public readonly record struct ConnectionContext(
    int SourceSize,
    int TargetSize,
    bool SamePopulation,
    ulong Seed,
    uint Stream,
    ReadOnlyMemory<float> SourcePositions,
    ReadOnlyMemory<float> TargetPositions,
    string Description)
{
    /// <summary>The first target to generate synapses for (rules that draw per target honour the
    /// range; the others always generate the whole projection). Default 0.</summary>
    public int FirstTarget { get; init; }

    /// <summary>One past the last target to generate synapses for; null for <see cref="TargetSize"/>.</summary>
    public int? TargetEnd { get; init; }

    /// <summary>One past the last target of the range.</summary>
    public int EndTarget => TargetEnd ?? TargetSize;
}
