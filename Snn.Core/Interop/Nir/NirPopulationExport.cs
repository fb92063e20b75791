namespace Snn.Core.Interop.Nir;

/// <summary>
/// How one population appears in an exported NIR graph: its node's type and arrays (still open to
/// a bias fold), the node that takes its input and the node that emits its spikes, and the factor
/// that turns a Snn weight onto each neuron into a NIR weight.
/// </summary>
internal sealed class NirPopulationExport
{
    public required string Type { get; init; }

    public required Dictionary<string, double[]> Parameters { get; init; }

    public required string Exit { get; init; }

    public string? ThresholdNode { get; init; }

    public double[]? Threshold { get; init; }

    public required double[] WeightScale { get; init; }

    public double[]? Bias { get; init; }

    public bool Spiking { get; init; } = true;

    public bool IsInput => Type == NirPrimitives.Input;

    /// <summary>Projections onto this population need the excitatory and inhibitory receptors to act alike.</summary>
    public bool ReceptorsDiffer { get; init; }
}
