using Snn.Backends.Onnx;

namespace Snn.Bench.Studies.OnnxThroughput;

/// <summary>
/// One exported form the <c>onnx-throughput</c> study measures: the model form, the precision its
/// synaptic weights are stored in and the performance hint its loops are laid out for.
/// </summary>
/// <param name="Label">Name in the findings ("fast", "fast-f16", "fast-latency", "exact"); its metric keys use it with '_' for '-'.</param>
/// <param name="Form">The exported form.</param>
/// <param name="Precision">The stored precision of the synaptic weights.</param>
/// <param name="Hint">The fast form's performance hint (the exact form's is the default).</param>
internal sealed record ThroughputForm(string Label, OnnxModelForm Form, OnnxWeightPrecision Precision, OnnxPerformanceHint Hint = OnnxPerformanceHint.Throughput)
{
    /// <summary>The forms of the study: fast with float32 and with float16 weights, fast laid out for
    /// latency, then exact.</summary>
    public static IReadOnlyList<ThroughputForm> All { get; } =
    [
        new("fast", OnnxModelForm.Fast, OnnxWeightPrecision.Float32),
        new("fast-f16", OnnxModelForm.Fast, OnnxWeightPrecision.Float16),
        new("fast-latency", OnnxModelForm.Fast, OnnxWeightPrecision.Float32, OnnxPerformanceHint.Latency),
        new("exact", OnnxModelForm.Exact, OnnxWeightPrecision.Float32),
    ];

    /// <summary>The form a deployment uses by default (fast, float32 weights); the study also times it on all-zero input.</summary>
    public static ThroughputForm Deployed => All[0];

    /// <summary>The metric key part of this form.</summary>
    public string Key => Label.Replace('-', '_');

    /// <summary>The exact form is the reference: timed within a budget, not compared with the engine.
    /// The fast forms run every sample and are compared with the engine's classes and spikes.</summary>
    public bool ComparedWithEngine => Form == OnnxModelForm.Fast;
}
