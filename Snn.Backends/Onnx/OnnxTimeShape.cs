namespace Snn.Backends.Onnx;

/// <summary>How an exported model covers time.</summary>
public enum OnnxTimeShape
{
    /// <summary>
    /// The whole time loop as one ONNX <c>Scan</c>: input spikes [steps, batch, inputs] in,
    /// per-step outputs [steps, batch, n] and the final state out. The state inputs are optional
    /// (they default to the network's initial state), so a run can continue where the last ended.
    /// </summary>
    TimeLoop,

    /// <summary>
    /// One time step for streaming: input spikes [batch, inputs] and every state tensor in, the
    /// step's outputs [batch, n] and the next state out. The state inputs default to the initial
    /// state, so the first call may leave them out.
    /// </summary>
    SingleStep,
}
