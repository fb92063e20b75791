namespace Snn.Backends.Onnx;

/// <summary>
/// Synapses as per-target lists padded to the largest in-degree K: <see cref="Positions"/> and
/// <see cref="Weights"/> are [K, size] row-major; padding reads position 0 with weight 0, which
/// adds nothing since a spike history holds only finite values (spikes 0 and 1, short-term factors).
/// </summary>
internal sealed class SparseSynapses
{
    private SparseSynapses(int depth, long[] positions, float[] weights)
    {
        Depth = depth;
        Positions = positions;
        Weights = weights;
    }

    /// <summary>K: the largest number of synapses onto one target (0 when none).</summary>
    public int Depth { get; }

    /// <summary>History positions, [K, size].</summary>
    public long[] Positions { get; }

    /// <summary>Weights, [K, size], 0 in padding.</summary>
    public float[] Weights { get; }

    /// <summary>Builds the lists from (position, target, weight) triples, each target's sorted by position.</summary>
    public static SparseSynapses Build(IEnumerable<(long Position, int Target, float Weight)> synapses, int size)
    {
        var perTarget = new List<(long Position, float Weight)>[size];
        for (int t = 0; t < size; t++)
        {
            perTarget[t] = [];
        }
        foreach (var (position, target, weight) in synapses)
        {
            perTarget[target].Add((position, weight));
        }
        foreach (var list in perTarget)
        {
            list.Sort((a, b) => a.Position.CompareTo(b.Position));
        }
        return FromLists(perTarget);
    }

    /// <summary>Lays out per-target lists, each already in the order its terms are to be summed.</summary>
    public static SparseSynapses FromLists(IReadOnlyList<IReadOnlyList<(long Position, float Weight)>> perTarget)
    {
        int size = perTarget.Count;
        int depth = perTarget.Count == 0 ? 0 : perTarget.Max(l => l.Count);
        var positions = new long[checked((long)depth * size)];
        var weights = new float[positions.LongLength];
        for (int t = 0; t < size; t++)
        {
            var list = perTarget[t];
            for (int k = 0; k < list.Count; k++)
            {
                positions[(long)k * size + t] = list[k].Position;
                weights[(long)k * size + t] = list[k].Weight;
            }
        }
        return new SparseSynapses(depth, positions, weights);
    }
}
