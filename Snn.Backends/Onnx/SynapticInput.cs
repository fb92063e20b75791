using Snn.Core;

namespace Snn.Backends.Onnx;

/// <summary>
/// The synapses onto one receptor of one population, laid out so that ONNX sums them in the CPU
/// engine's order. The engine adds a spike's weight into the target's delay ring when the spike is
/// emitted, walking the step's spikes by ascending global source index and each source's synapses
/// by projection, then generation order; so the input arriving at step k is a sum over the
/// synapses ordered by emission step (delay descending), source, projection, generation. Each
/// target's synapses are listed in that order as [K, size] tables of spike-history positions
/// ((delay − 1)·N + global source) and weights, padded with zero weights to the largest in-degree
/// K; the exported step gathers the history, multiplies by the weights and adds the K terms one
/// after the other. Absent spikes contribute ±0, which leaves every sum unchanged.
/// </summary>
internal sealed class SynapticInput
{
    private SynapticInput(int depth, long[] positions, float[] weights)
    {
        Depth = depth;
        Positions = positions;
        Weights = weights;
    }

    /// <summary>K: the largest number of synapses onto one neuron (0 when none).</summary>
    public int Depth { get; }

    /// <summary>History positions, [K, size] row-major.</summary>
    public long[] Positions { get; }

    /// <summary>Weights, [K, size] row-major, 0 in padding.</summary>
    public float[] Weights { get; }

    /// <summary>Collects the synapses of <paramref name="projections"/> (their tables in
    /// <paramref name="tables"/>) onto <paramref name="target"/> through <paramref name="receptor"/>.</summary>
    public static SynapticInput Build(Population target, Receptor receptor, IReadOnlyList<Projection> projections, IReadOnlyList<SynapseTable> tables, int neurons)
    {
        var perTarget = new List<(int Delay, int Source, int Projection, int Order, float Weight)>[target.Size];
        for (int t = 0; t < perTarget.Length; t++)
        {
            perTarget[t] = [];
        }
        for (int j = 0; j < projections.Count; j++)
        {
            var projection = projections[j];
            if (!ReferenceEquals(projection.Target, target) || projection.Receptor != receptor)
            {
                continue;
            }
            var table = tables[j];
            for (int s = 0; s < table.Count; s++)
            {
                perTarget[table.Targets[s]].Add((table.DelaySteps[s], projection.Source.Offset + table.Sources[s], projection.Index, s, table.Weights[s]));
            }
        }
        int depth = 0;
        foreach (var list in perTarget)
        {
            list.Sort((a, b) => a.Delay != b.Delay ? b.Delay.CompareTo(a.Delay)
                : a.Source != b.Source ? a.Source.CompareTo(b.Source)
                : a.Projection != b.Projection ? a.Projection.CompareTo(b.Projection)
                : a.Order.CompareTo(b.Order));
            depth = Math.Max(depth, list.Count);
        }
        int size = target.Size;
        var positions = new long[(long)depth * size];
        var weights = new float[(long)depth * size];
        for (int t = 0; t < size; t++)
        {
            var list = perTarget[t];
            for (int k = 0; k < list.Count; k++)
            {
                positions[(long)k * size + t] = (long)(list[k].Delay - 1) * neurons + list[k].Source;
                weights[(long)k * size + t] = list[k].Weight;
            }
        }
        return new SynapticInput(depth, positions, weights);
    }
}
