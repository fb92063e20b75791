namespace Snn.Backends.Onnx;

/// <summary>
/// Index values of a time-loop run that several stages read, each built once in the outer graph,
/// before the first stage that asks for it: from the shape of <c>spikes_in</c> ([steps, batch,
/// inputs]).
/// </summary>
internal sealed class RunIndices(GraphBuilder outer)
{
    private string? _shape;
    private (string Steps, string Count)? _steps;
    private string? _batchSize;
    private string? _batchEntries;

    /// <summary>The run's step indices and count (<see cref="DiscreteLifLowering.StepIndices"/>).</summary>
    public (string Steps, string Count) Steps => _steps ??= DiscreteLifLowering.StepIndices(outer, Dimension(0));

    /// <summary>The batch size, int64 [1].</summary>
    public string BatchSize => _batchSize ??= Dimension(1);

    /// <summary>0, 1, …, batch − 1, int64 [batch].</summary>
    public string BatchEntries => _batchEntries ??= outer.Op("Range",
        outer.Constant(GraphBuilder.TensorOf(new long[] { 0 }, [])),
        outer.Op("Squeeze", BatchSize, outer.Int64s(0)),
        outer.Constant(GraphBuilder.TensorOf(new long[] { 1 }, [])));

    private string Dimension(int axis) => outer.Op("Slice", _shape ??= outer.Op("Shape", "spikes_in"), outer.Int64s(axis), outer.Int64s(axis + 1));
}
