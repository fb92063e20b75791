namespace Snn.Core.Interop.Nir;

/// <summary>How a Snn network is written as a NIR graph.</summary>
public sealed record NirExportOptions
{
    /// <summary>One NIR time unit in ms, &gt; 0. Default 1000: τ and delays are written in seconds.</summary>
    public double TimeUnitMs { get; init; } = 1000;

    /// <summary>The populations that get an <c>Output</c> node. Null (default): every neuron
    /// population without outgoing projections, or every neuron population when all have some.</summary>
    public IReadOnlyList<Population>? Outputs { get; init; }
}
