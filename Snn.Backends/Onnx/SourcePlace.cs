namespace Snn.Backends.Onnx;

/// <summary>
/// Where the fast form reads a source population's spikes: from the spike history carried by the
/// time step (<see cref="Series"/> &lt; 0, <see cref="Offset"/> = the population's first history
/// position), or from a spike series computed for all steps before the loop that needs it
/// (<see cref="Series"/> ≥ 0, <see cref="Offset"/> = the population's first column in that series).
/// </summary>
internal readonly record struct SourcePlace(int Series, int Offset)
{
    /// <summary>Read from the step's spike history starting at <paramref name="offset"/>.</summary>
    public static SourcePlace History(int offset) => new(-1, offset);

    /// <summary>True when read from a precomputed series.</summary>
    public bool IsSeries => Series >= 0;
}
