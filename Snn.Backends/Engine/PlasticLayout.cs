using Snn.Backends.Recording;
using Snn.Core;

namespace Snn.Backends.Engine;

/// <summary>
/// Where each synapse of a plastic projection sits in its dispatcher's arrays, for the host
/// dispatcher (<see cref="PlasticProjection{TRule, TStore}"/>) and the GPU engine's device arrays
/// alike: rows in CSR by a row key the dispatcher chooses (the CPU-side engines: target partition and
/// source; the GPU: source, each row sorted by delay), the map between a synapse's position and its
/// generation-order index (that of <see cref="Projection.Instantiate"/>, used by weights and
/// checkpoints), and each local target's incoming synapses in generation order.
/// </summary>
internal sealed class PlasticLayout
{
    /// <summary>Lays out the synapses of <paramref name="table"/> that <paramref name="rowOf"/> puts in a row
    /// (row of generation-order synapse s in [0, <paramref name="rows"/>), or −1 to leave it out); a row holds
    /// its synapses in generation order, or in <paramref name="withinRow"/>'s order (ties in generation order).</summary>
    public PlasticLayout(SynapseTable table, int targetSize, int rows, Func<int, int> rowOf, Comparison<int>? withinRow = null)
    {
        int total = table.Count;
        var rowOfSynapse = new int[total];
        RowStart = new int[rows + 1];
        int count = 0;
        for (int s = 0; s < total; s++)
        {
            int row = rowOfSynapse[s] = rowOf(s);
            if (row >= 0)
            {
                RowStart[row + 1]++;
                count++;
            }
        }
        for (int r = 0; r < rows; r++)
        {
            RowStart[r + 1] += RowStart[r];
        }
        var cursor = (int[])RowStart.Clone();
        Canonical = new int[count];
        PositionOf = new int[total];
        Array.Fill(PositionOf, -1);
        for (int s = 0; s < total; s++)
        {
            if (rowOfSynapse[s] >= 0)
            {
                Canonical[cursor[rowOfSynapse[s]]++] = s;
            }
        }
        if (withinRow is not null)
        {
            var order = Comparer<int>.Create((a, b) => withinRow(a, b) is var c && c != 0 ? c : a.CompareTo(b));
            for (int r = 0; r < rows; r++)
            {
                Array.Sort(Canonical, RowStart[r], RowStart[r + 1] - RowStart[r], order);
            }
        }
        for (int position = 0; position < count; position++)
        {
            PositionOf[Canonical[position]] = position;
        }
        var targetInOrder = new int[count];
        var positionInOrder = new int[count];
        int local = 0;
        for (int s = 0; s < total; s++)
        {
            if (PositionOf[s] >= 0)
            {
                targetInOrder[local] = table.Targets[s];
                positionInOrder[local++] = PositionOf[s];
            }
        }
        (IncomingStart, Incoming) = IncomingIndex.Build(targetSize, targetInOrder);
        for (int k = 0; k < Incoming.Length; k++)
        {
            Incoming[k] = positionInOrder[Incoming[k]];
        }
    }

    /// <summary>Row r holds positions [RowStart[r], RowStart[r + 1]).</summary>
    public int[] RowStart { get; }

    /// <summary>The generation-order index of the synapse at each position.</summary>
    public int[] Canonical { get; }

    /// <summary>The position of each generation-order synapse, −1 where it was left out.</summary>
    public int[] PositionOf { get; }

    /// <summary>Local target t's incoming synapses are Incoming[IncomingStart[t] .. IncomingStart[t + 1]).</summary>
    public int[] IncomingStart { get; }

    /// <summary>Positions grouped by local target, in generation order within a target.</summary>
    public int[] Incoming { get; }

    /// <summary>Synapses laid out.</summary>
    public int Count => Canonical.Length;
}
