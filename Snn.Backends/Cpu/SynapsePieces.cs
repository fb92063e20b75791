using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Cpu;

/// <summary>
/// Cuts a network's static synapses into <see cref="SynapsePiece"/>s for <see cref="SynapseMatrix"/>,
/// in projection order and, within a projection, in generation order.
/// </summary>
internal static class SynapsePieces
{
    /// <summary>Targets per generated range below which a partition's targets are not split further.</summary>
    private const int TargetsPerRange = 512;

    /// <summary>Generates every static projection's synapses range of targets by range, each range
    /// inside one partition, all ranges of all projections in parallel, straight into the buffers the
    /// matrix reads. A projection that cannot be generated this way
    /// (<see cref="Projection.InstantiateRange"/> gives null or throws) is instantiated whole,
    /// projection by projection in order, so an error is the one the whole instantiation reports.</summary>
    public static List<SynapsePiece> Generate(Network network, Partitioning partitioning)
    {
        var ranges = new List<(Projection Projection, int Part, int First, int End)>();
        foreach (var projection in network.Projections)
        {
            if (projection.Plasticity is null)
            {
                AddRanges(projection, partitioning, ranges);
            }
        }
        var generated = new TargetRangeSynapses?[ranges.Count];
        Parallel.For(0, ranges.Count, r =>
        {
            var (projection, _, first, end) = ranges[r];
            try
            {
                generated[r] = projection.InstantiateRange(first, end);
            }
            catch (Exception)
            {
                generated[r] = null;
            }
        });
        var pieces = new List<SynapsePiece>(ranges.Count);
        int next = 0;
        foreach (var projection in network.Projections)
        {
            if (projection.Plasticity is not null)
            {
                continue;
            }
            int first = next;
            while (next < ranges.Count && ranges[next].Projection == projection)
            {
                next++;
            }
            bool complete = true;
            long count = 0;
            for (int r = first; r < next; r++)
            {
                complete &= generated[r] is not null;
                count += generated[r]?.Count ?? 0;
            }
            if (complete && count <= SimulationLimits.MaxSynapsesPerProjection)
            {
                for (int r = first; r < next; r++)
                {
                    pieces.Add(new SynapsePiece(projection, ranges[r].Part, generated[r]!));
                }
            }
            else
            {
                for (int r = first; r < next; r++)
                {
                    generated[r]?.Release();
                }
                AddTable(projection, projection.Instantiate(), partitioning, pieces);
            }
        }
        return pieces;
    }

    /// <summary>Pieces over ready tables (one per projection, empty for plastic ones).</summary>
    public static List<SynapsePiece> OfTables(Network network, Partitioning partitioning, SynapseTable[] tables)
    {
        var pieces = new List<SynapsePiece>();
        foreach (var projection in network.Projections)
        {
            AddTable(projection, tables[projection.Index], partitioning, pieces);
        }
        return pieces;
    }

    /// <summary>The ranges of <paramref name="projection"/>'s targets to generate: its targets in each
    /// partition, split into ranges of at least <see cref="TargetsPerRange"/> targets, at most twice
    /// as many as there are cores. Each target's synapses are drawn from its own streams, so the split
    /// does not change them.</summary>
    private static void AddRanges(Projection projection, Partitioning partitioning, List<(Projection, int, int, int)> ranges)
    {
        int offset = projection.Target.Offset;
        for (int part = 0; part < partitioning.Count; part++)
        {
            int first = Math.Max(partitioning.Start(part) - offset, 0);
            int end = Math.Min(partitioning.End(part) - offset, projection.Target.Size);
            if (first >= end)
            {
                continue;
            }
            int count = Math.Clamp((end - first) / TargetsPerRange, 1, 2 * Environment.ProcessorCount);
            for (int r = 0; r < count; r++)
            {
                ranges.Add((projection, part, first + (int)((long)(end - first) * r / count), first + (int)((long)(end - first) * (r + 1) / count)));
            }
        }
    }

    /// <summary>Adds <paramref name="table"/> as one piece per partition where its targets ascend
    /// (rules that generate target by target: each partition's stretch found by binary search), else
    /// as one piece that may mix partitions.</summary>
    private static void AddTable(Projection projection, SynapseTable table, Partitioning partitioning, List<SynapsePiece> pieces)
    {
        if (table.Count == 0)
        {
            return;
        }
        if (partitioning.Count == 1)
        {
            pieces.Add(new SynapsePiece(projection, 0, table, 0, table.Count));
            return;
        }
        if (!IsAscending(table.Targets))
        {
            pieces.Add(new SynapsePiece(projection, -1, table, 0, table.Count));
            return;
        }
        int offset = projection.Target.Offset;
        for (int part = 0; part < partitioning.Count; part++)
        {
            int first = LowerBound(table.Targets, partitioning.Start(part) - offset);
            int end = LowerBound(table.Targets, partitioning.End(part) - offset);
            if (end > first)
            {
                pieces.Add(new SynapsePiece(projection, part, table, first, end - first));
            }
        }
    }

    /// <summary>The first index of ascending <paramref name="values"/> whose value is at least <paramref name="value"/>.</summary>
    private static int LowerBound(int[] values, int value)
    {
        int low = 0;
        int high = values.Length;
        while (low < high)
        {
            int middle = (int)(((uint)low + (uint)high) >> 1);
            if (values[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>Whether <paramref name="values"/> never decreases.</summary>
    private static bool IsAscending(int[] values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }
        return true;
    }
}
