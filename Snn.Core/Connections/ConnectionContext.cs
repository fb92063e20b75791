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
    string Description);
