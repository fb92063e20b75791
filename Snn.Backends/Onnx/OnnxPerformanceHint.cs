namespace Snn.Backends.Onnx;

/// <summary>
/// What the fast form is laid out for, where the network leaves a choice: many samples per run or
/// one. The spikes are the same either way; only the graph differs. Like OpenVINO's performance
/// hints, it names the use, not the mechanism. The choice exists for spikes delivered inside a
/// loop (a recurrent group's own, and the spikes it receives through sparse delayed synapses);
/// a network without them (feed-forward layers, whose connections are delivered for all steps
/// between the loops, dense connections, the single-step shape, short-term plasticity) gets the
/// same graph under both hints.
/// </summary>
public enum OnnxPerformanceHint
{
    /// <summary>
    /// Batches of many samples (default). A spike delivered inside a loop finds its synapses in one
    /// table per source population, [sources, fan-out], shared by every batch entry: the step adds
    /// the entry's place in the pending-input ring to the spike's places, and the table stays in
    /// cache whatever the batch.
    /// </summary>
    Throughput,

    /// <summary>
    /// One sample (or a few) per run, as in streaming or on-request classification, where a step
    /// costs about what its nodes cost to dispatch. A spike delivered inside a loop finds its
    /// synapses through tables built once per run, [batch · sources, fan-out], with each batch
    /// entry's place in the pending-input ring folded in and the weights repeated per entry: four
    /// nodes fewer per table and step, for tables of batch × sources × largest fan-out int64 places
    /// and float weights per run (at tens of samples they outgrow the caches, and on a large network
    /// the memory: use <see cref="Throughput"/> there).
    /// </summary>
    Latency,
}
