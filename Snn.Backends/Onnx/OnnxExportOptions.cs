using Snn.Core;

namespace Snn.Backends.Onnx;

/// <summary>What <see cref="OnnxExporter"/> writes: the model's form and its outputs.</summary>
public sealed class OnnxExportOptions
{
    /// <summary>The fast deployment form (default) or the exact reference form.</summary>
    public OnnxModelForm Form { get; init; } = OnnxModelForm.Fast;

    /// <summary>How the fast form stores synaptic weights: float32 (default) or float16 (half the
    /// file, computed in float32; see <see cref="OnnxWeightPrecision.Float16"/>).</summary>
    public OnnxWeightPrecision WeightPrecision { get; init; } = OnnxWeightPrecision.Float32;

    /// <summary>What the fast form is laid out for: batches (default) or single samples (see
    /// <see cref="OnnxPerformanceHint"/>). Fast form only.</summary>
    public OnnxPerformanceHint PerformanceHint { get; init; } = OnnxPerformanceHint.Throughput;

    /// <summary>The whole time loop (default) or one step with explicit state.</summary>
    public OnnxTimeShape Shape { get; init; } = OnnxTimeShape.TimeLoop;

    /// <summary>The populations whose spikes are outputs (<c>spikes_{name}</c>, 0/1 per neuron and
    /// step); null means every population that is not an input.</summary>
    public IReadOnlyList<Population>? OutputPopulations { get; init; }

    /// <summary>Also emit the membrane potential (<c>V_{name}</c>, mV) of every output model population.</summary>
    public bool IncludeMembrane { get; init; }

    /// <summary>Further state variables to emit after every step.</summary>
    public IReadOnlyList<OnnxStateOutput> StateOutputs { get; init; } = [];

    /// <summary>An optional linear readout (output <c>readout</c>).</summary>
    public OnnxLinearReadout? Readout { get; init; }

    /// <summary>An optional classifier head (outputs <c>class_scores</c> and <c>predicted_class</c>;
    /// time-loop shape only).</summary>
    public OnnxClassifier? Classifier { get; init; }

    /// <summary>Free text stored as the model's doc string.</summary>
    public string? Description { get; init; }
}
