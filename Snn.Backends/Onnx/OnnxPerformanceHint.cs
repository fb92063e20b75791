namespace Snn.Backends.Onnx;

/// <summary>
/// What the fast form's time loop is laid out for, where the network leaves a choice: many samples
/// per run or one. The spikes are the same either way; only the loops differ. Like OpenVINO's
/// performance hints, it names the use, not the mechanism.
/// </summary>
public enum OnnxPerformanceHint
{
    /// <summary>
    /// Batches of many samples (default). A feed-forward layer that receives sparse delayed
    /// synapses from the layer before it shares that layer's loop: the spikes go step by step into
    /// a pending-input ring that stays in cache whatever the batch, at the price of a dozen small
    /// nodes per step. (On the <c>onnx-throughput</c> study's delay model the latency layout was
    /// nevertheless 9-11 % faster at 32 to 128 samples per run, and half as fast at 256.)
    /// </summary>
    Throughput,

    /// <summary>
    /// One sample (or a few) per run, as in streaming or on-request classification. Every
    /// feed-forward layer keeps its own loop, and a layer's sparse delayed synapses onto the next
    /// one are delivered once per run for all steps: no delivery nodes run inside the loops, which is
    /// what a batch-1 step spends its time on, while at large batches the run-wide delivery
    /// handles lists too large for the caches (every spike of the run times its fan-out). Spikes delivered inside a loop (a recurrent
    /// population's own, and its inputs') find their synapses through tables built once per run,
    /// [batch · sources, fan-out], with each batch entry's place in the pending-input ring folded
    /// in and the weights repeated per batch entry: four nodes fewer per table and step, for tables
    /// of batch × sources × largest fan-out int64 places and float weights per run (at tens of
    /// samples they outgrow the caches, and on a large network the memory: use
    /// <see cref="Throughput"/> there). Where there
    /// is no such choice the graph is the same under both hints: layers joined only by dense
    /// connections, the single-step shape, and networks with short-term plasticity (one loop for
    /// all populations).
    /// </summary>
    Latency,
}
