using Snn.Core;

namespace Snn.Backends.Onnx;

/// <summary>
/// The synapses onto one receptor of one population, laid out so that ONNX sums them in the CPU
/// engine's order. The engine adds a spike's weight into the target's delay ring when the spike is
/// emitted, walking the step's spikes by ascending global source index and each source's synapses
/// by projection, then generation order; so the input arriving at step k is a sum over the
/// synapses ordered by emission step (delay descending), source, projection, generation. Each
/// target's synapses are listed in that order as [K, size] tables of spike-history positions
/// ((delay − 1)·stride + the source's column: its global index, or its short-term channel's
/// column where the projection has short-term plasticity) and weights, padded with zero weights to the largest in-degree
/// K; the exported step gathers the history, multiplies by the weights and adds the K terms one
/// after the other. Absent spikes contribute ±0, which leaves every sum unchanged.
/// </summary>
internal static class SynapticInput
{
    /// <summary>Collects the synapses of <paramref name="projections"/> (their tables in
    /// <paramref name="tables"/>) onto <paramref name="target"/> through <paramref name="receptor"/>,
    /// each target's in the engine's summation order; <paramref name="firstColumn"/> gives the
    /// history column of a projection's source 0 and <paramref name="stride"/> the columns per step.</summary>
    public static SparseSynapses Build(Population target, Receptor receptor, IReadOnlyList<Projection> projections, IReadOnlyList<SynapseTable> tables,
        Func<Projection, int> firstColumn, int stride)
    {
        var perTarget = new List<(int Delay, int Source, int Projection, int Order, float Weight, int Column)>[target.Size];
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
            int column = firstColumn(projection);
            for (int s = 0; s < table.Count; s++)
            {
                perTarget[table.Targets[s]].Add((table.DelaySteps[s], projection.Source.Offset + table.Sources[s], projection.Index, s, table.Weights[s], column + table.Sources[s]));
            }
        }
        var ordered = new IReadOnlyList<(long Position, float Weight)>[perTarget.Length];
        for (int t = 0; t < perTarget.Length; t++)
        {
            ordered[t] = perTarget[t]
                .OrderByDescending(a => a.Delay).ThenBy(a => a.Source).ThenBy(a => a.Projection).ThenBy(a => a.Order)
                .Select(a => ((long)(a.Delay - 1) * stride + a.Column, a.Weight)).ToList();
        }
        return SparseSynapses.FromLists(ordered);
    }
}
