using Snn.Core;

namespace Snn.Backends.Onnx;

/// <summary>
/// A classifier head added to a time-loop export: the <see cref="Signal"/> of <see cref="Source"/>
/// over the run's steps is reduced by <see cref="Aggregation"/> to a vector f ([batch, size]), the
/// class scores are s = W f + b (or f itself when <see cref="Weights"/> is null) and the predicted
/// class is argmax s (the first index on ties). The model then has the outputs
/// <c>class_scores</c> [batch, classes] (float) and <c>predicted_class</c> [batch] (int64), so
/// deployment is: load, feed spikes, read the class.
/// </summary>
/// <param name="Source">The population read.</param>
/// <param name="Signal">Spikes (0/1) or membrane potential (mV).</param>
/// <param name="Aggregation">How the steps are combined.</param>
/// <param name="Weights">W, [classes, size] row-major, or null for the identity (classes = size).</param>
/// <param name="Bias">b, one value per class; null means zero (only with <see cref="Weights"/>).</param>
public sealed record OnnxClassifier(Population Source, OnnxReadoutSignal Signal, OnnxClassAggregation Aggregation, float[]? Weights = null, float[]? Bias = null)
{
    /// <summary>Number of classes.</summary>
    public int Classes => Weights is null ? Source.Size : Bias?.Length ?? Weights.Length / Math.Max(1, Source.Size);
}
