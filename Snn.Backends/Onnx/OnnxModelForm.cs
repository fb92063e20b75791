namespace Snn.Backends.Onnx;

/// <summary>How an exported model computes the synaptic input of a step.</summary>
public enum OnnxModelForm
{
    /// <summary>
    /// The deployment form: each group of synapses onto a population and receptor becomes one matrix
    /// product (dense) or one gather-multiply-reduce (sparse), chosen by density. The time loop runs
    /// in feed-forward stages (each layer, or each recurrent group, one loop holding only its neuron
    /// update and its own recurrence); everything a stage receives from the input tensor or from an
    /// earlier stage is computed for all steps at once before its loop, as one matrix product or
    /// causal convolution over time. The graph has a
    /// fixed number of nodes per projection group whatever the in-degree. Sums are taken in ONNX
    /// Runtime's order, so a membrane can differ from the CPU engine's in its last bits and, rarely,
    /// a spike can move; the neuron update itself is the exact form's.
    /// </summary>
    Fast,

    /// <summary>
    /// The reference form: every synaptic input is summed term by term in the CPU engine's order, so
    /// ONNX Runtime reproduces the engine's spikes and membranes bit for bit. Its graph grows with
    /// the largest in-degree; use it to verify, not to deploy.
    /// </summary>
    Exact,
}
