namespace Snn.Backends.Onnx;

/// <summary>How an exported classifier turns a signal over the steps of a run into one value per
/// signal component, before the optional linear map.</summary>
public enum OnnxClassAggregation
{
    /// <summary>Σ over steps: the spike count for a spike signal, the summed membrane for a membrane signal.</summary>
    Sum,

    /// <summary>The largest value over the steps.</summary>
    Max,

    /// <summary>Σ over steps of the softmax across the components at each step (the delay
    /// trainer's readout rule: class = argmax Σ_t softmax(v[t])).</summary>
    SumOfSoftmax,
}
