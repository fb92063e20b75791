namespace Snn.Backends.Onnx;

/// <summary>
/// Synapses as outgoing lists, for delivery driven by the spikes: for every source neuron (a
/// column of a spike series, or a neuron of a stage), the places its spike adds a weight to, padded
/// to the largest out-degree. <see cref="Codes"/> and <see cref="Weights"/> are [sources, fan-out]
/// row-major; a code is an offset into the receiving buffer relative to the spike's own row (delay
/// and target folded in), padding has code 0 and weight 0, which adds nothing.
/// </summary>
internal sealed class EventSynapses
{
    private EventSynapses(int sources, int fanout, long[] codes, float[] weights)
    {
        Sources = sources;
        Fanout = fanout;
        Codes = codes;
        Weights = weights;
    }

    /// <summary>Number of source neurons (rows).</summary>
    public int Sources { get; }

    /// <summary>The largest out-degree (columns), at least 1.</summary>
    public int Fanout { get; }

    /// <summary>Buffer offsets, [sources, fan-out].</summary>
    public long[] Codes { get; }

    /// <summary>Weights, [sources, fan-out], 0 in padding.</summary>
    public float[] Weights { get; }

    /// <summary>Builds the lists from (source, code, weight) triples, each source's in the order given.</summary>
    public static EventSynapses Build(int sources, IEnumerable<(int Source, long Code, float Weight)> synapses)
    {
        var lists = new List<(long Code, float Weight)>[sources];
        for (int s = 0; s < sources; s++)
        {
            lists[s] = [];
        }
        foreach (var (source, code, weight) in synapses)
        {
            lists[source].Add((code, weight));
        }
        int fanout = Math.Max(1, lists.Max(l => l.Count));
        var codes = new long[checked((long)sources * fanout)];
        var weights = new float[codes.LongLength];
        for (int s = 0; s < sources; s++)
        {
            for (int k = 0; k < lists[s].Count; k++)
            {
                codes[(long)s * fanout + k] = lists[s][k].Code;
                weights[(long)s * fanout + k] = lists[s][k].Weight;
            }
        }
        return new EventSynapses(sources, fanout, codes, weights);
    }
}
