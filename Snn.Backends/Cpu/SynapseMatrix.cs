using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Snn.Core;

namespace Snn.Backends.Cpu;

/// <summary>
/// All synapses of a network in compressed sparse rows by source neuron, one row set per target
/// partition, so a thread walking a spike's row touches only its own targets. Within a row,
/// synapses keep projection order and then generation order, so the floating-point sums into a
/// target do not depend on the number of partitions. Per synapse: ring column (target, offset by N
/// for the inhibitory receptor), weight and delay in steps: 10 bytes, and 4 more (the entry of
/// <see cref="ShortTerm"/>) when a projection has short-term plasticity. Plastic projections are
/// kept apart (<see cref="Engine.PlasticProjection"/>).
/// </summary>
internal sealed class SynapseMatrix
{
    private readonly Network _network;
    private readonly Partitioning _partitioning;
    private readonly int _neurons;
    private readonly Func<int, bool>? _keepTarget;
    private int[][]? _positions;

    public SynapseMatrix(Network network, Partitioning partitioning)
        : this(network, partitioning, null)
    {
    }

    /// <summary>Builds the matrix, keeping only the synapses onto global target neurons for which
    /// <paramref name="keepTarget"/> is true (all when null): a distributed engine keeps the synapses
    /// onto its own neurons. <paramref name="localTable"/> may generate a projection's kept synapses
    /// directly (in generation order); where it returns null the projection is generated whole and
    /// filtered at once, so only one projection's full table is held at a time.</summary>
    public SynapseMatrix(Network network, Partitioning partitioning, Func<int, bool>? keepTarget, Func<Projection, SynapseTable?>? localTable = null)
    {
        _network = network;
        _partitioning = partitioning;
        _neurons = network.NeuronCount;
        _keepTarget = keepTarget;
        var tables = network.Projections
            .Select(p => p.Plasticity is null ? localTable?.Invoke(p) ?? Kept(p, p.Instantiate(), keepTarget) : Empty)
            .ToArray();
        long total = tables.Sum(t => (long)t.Count);
        if (total > Array.MaxLength)
        {
            throw new NotSupportedException($"The network has {total} synapses; the CPU engine holds at most {Array.MaxLength} in one process.");
        }
        int parts = partitioning.Count;
        int rowsPerPart = _neurons + 1;
        RowStart = new int[(long)parts * rowsPerPart];
        // Every position is written exactly once by FillRows, so the arrays need not be zeroed first.
        Column = GC.AllocateUninitializedArray<int>((int)total);
        Weight = GC.AllocateUninitializedArray<float>((int)total);
        Delay = GC.AllocateUninitializedArray<ushort>((int)total);
        ShortTerm = ShortTermState.For(network, parts);
        ShortTermEntry = ShortTerm is null ? null : new int[total];
        var minDelay = new int[parts];
        var maxDelay = new int[parts];
        var sorted = tables.Select(t => parts > 1 && IsAscending(t.Targets)).ToArray();
        var slices = Enumerable.Range(0, parts).Select(part => Slices(part, tables, sorted)).ToArray();
        ForEachPart(parts, part => CountRows(part, tables, slices[part]));
        int start = 0;
        for (int part = 0; part < parts; part++)
        {
            int partTotal = RowStart[part * rowsPerPart + _neurons];
            foreach (ref int row in RowStart.AsSpan(part * rowsPerPart, rowsPerPart))
            {
                row += start;
            }
            start += partTotal;
        }
        ForEachPart(parts, part => (minDelay[part], maxDelay[part]) = FillRows(part, tables, slices[part]));
        MinDelay = minDelay.Min();
        MaxDelay = Math.Max(maxDelay.Max(), 1);
    }

    /// <summary>Runs <paramref name="body"/> for every partition, in parallel when there are several
    /// (each touches only its own rows).</summary>
    private static void ForEachPart(int parts, Action<int> body)
    {
        if (parts == 1)
        {
            body(0);
        }
        else
        {
            Parallel.For(0, parts, body);
        }
    }

    /// <summary>The synapses [First, End) of each table that may target <paramref name="part"/>: where a
    /// table's targets are ascending (rules that generate target by target) only the part's own
    /// stretch of it, found by binary search, else the whole table. Every synapse in the stretch
    /// still passes the target test, so the result does not depend on the order check.</summary>
    private (int First, int End)[] Slices(int part, SynapseTable[] tables, bool[] sorted)
    {
        var slices = new (int, int)[tables.Length];
        for (int j = 0; j < tables.Length; j++)
        {
            var targets = tables[j].Targets;
            if (!sorted[j])
            {
                slices[j] = (0, targets.Length);
                continue;
            }
            int offset = _network.Projections[j].Target.Offset;
            slices[j] = (LowerBound(targets, _partitioning.Start(part) - offset), LowerBound(targets, _partitioning.End(part) - offset));
        }
        return slices;
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

    /// <summary>Counts the synapses of every row of <paramref name="part"/> and turns the counts into
    /// row starts relative to the part's first synapse; the part's total ends up in its last row start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountRows(int part, SynapseTable[] tables, (int First, int End)[] slices)
    {
        int rowBase = part * (_neurons + 1);
        int first = _partitioning.Start(part);
        uint width = (uint)(_partitioning.End(part) - first);
        var rows = RowStart.AsSpan(rowBase, _neurons + 1);
        for (int j = 0; j < tables.Length; j++)
        {
            var projection = _network.Projections[j];
            var table = tables[j];
            int targetOffset = projection.Target.Offset - first;
            var sourceRows = rows[(projection.Source.Offset + 1)..];
            var targets = table.Targets.AsSpan(slices[j].First..slices[j].End);
            var sources = table.Sources.AsSpan(slices[j].First..slices[j].End);
            for (int s = 0; s < targets.Length; s++)
            {
                if ((uint)(targets[s] + targetOffset) < width)
                {
                    sourceRows[sources[s]]++;
                }
            }
        }
        for (int r = 1; r < rows.Length; r++)
        {
            rows[r] += rows[r - 1];
        }
    }

    /// <summary>Places the synapses onto targets of <paramref name="part"/>, row by row in projection
    /// and generation order; returns the smallest and largest delay placed (int.MaxValue and 0 for none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Min, int Max) FillRows(int part, SynapseTable[] tables, (int First, int End)[] slices)
    {
        int rowBase = part * (_neurons + 1);
        int first = _partitioning.Start(part);
        uint width = (uint)(_partitioning.End(part) - first);
        var cursor = RowStart.AsSpan(rowBase, _neurons + 1).ToArray();
        var column = Column;
        var weight = Weight;
        var delay = Delay;
        var entries = ShortTermEntry;
        int min = int.MaxValue;
        int max = 0;
        for (int j = 0; j < tables.Length; j++)
        {
            var projection = _network.Projections[j];
            var table = tables[j];
            int targetOffset = projection.Target.Offset;
            int receptorOffset = projection.Receptor == Receptor.Inhibitory ? _neurons : 0;
            var sourceCursor = cursor.AsSpan(projection.Source.Offset);
            var (start, end) = slices[j];
            var targets = table.Targets.AsSpan(start..end);
            var sources = table.Sources.AsSpan(start..end);
            var weights = table.Weights.AsSpan(start..end);
            var delays = table.DelaySteps.AsSpan(start..end);
            for (int s = 0; s < targets.Length; s++)
            {
                int target = targets[s] + targetOffset;
                if ((uint)(target - first) >= width)
                {
                    continue;
                }
                int position = sourceCursor[sources[s]]++;
                int steps = delays[s];
                column[position] = target + receptorOffset;
                weight[position] = weights[s];
                delay[position] = (ushort)steps;
                if (entries is not null)
                {
                    entries[position] = ShortTerm!.EntryOf(projection, sources[s]);
                }
                min = Math.Min(min, steps);
                max = Math.Max(max, steps);
            }
        }
        return (min, max);
    }

    private static readonly SynapseTable Empty = new([], [], [], []);

    /// <summary>The synapses of <paramref name="table"/> whose target is kept, in generation order.</summary>
    private static SynapseTable Kept(Projection projection, SynapseTable table, Func<int, bool>? keepTarget)
    {
        if (keepTarget is null)
        {
            return table;
        }
        int kept = 0;
        for (int s = 0; s < table.Count; s++)
        {
            if (keepTarget(projection.Target.Offset + table.Targets[s]))
            {
                kept++;
            }
        }
        var sources = new int[kept];
        var targets = new int[kept];
        var weights = new float[kept];
        var delays = new ushort[kept];
        int k = 0;
        for (int s = 0; s < table.Count; s++)
        {
            if (keepTarget(projection.Target.Offset + table.Targets[s]))
            {
                sources[k] = table.Sources[s];
                targets[k] = table.Targets[s];
                weights[k] = table.Weights[s];
                delays[k] = table.DelaySteps[s];
                k++;
            }
        }
        return new SynapseTable(sources, targets, weights, delays);
    }

    public int[] RowStart { get; }

    public int[] Column { get; }

    public float[] Weight { get; }

    public ushort[] Delay { get; }

    /// <summary>The short-term plasticity state of the network's projections (plastic ones
    /// included), or null when none has short-term plasticity.</summary>
    public ShortTermState? ShortTerm { get; }

    /// <summary>Each synapse's entry in <see cref="ShortTerm"/> (0 for none), or null.</summary>
    public int[]? ShortTermEntry { get; }

    public int MaxDelay { get; }

    /// <summary>The smallest delay of the kept synapses (steps); <see cref="int.MaxValue"/> when there are none.</summary>
    public int MinDelay { get; }

    public long Count => Weight.LongLength;

    /// <summary>Adds the weights of the spikes' synapses onto targets of <paramref name="part"/> into
    /// the ring; the spikes were emitted in <paramref name="step"/> (ring slot <paramref name="slot"/>).
    /// With short-term plasticity, first advances the spiking neurons' entries in the partition's copy
    /// and scales each weight by its entry's factor u·x.</summary>
    public void Deliver(int part, ReadOnlySpan<int> spikes, DelayRing ring, int slot, long step)
    {
        if (ShortTerm is not null)
        {
            ShortTerm.Prepare(part, ring.Slots);
            ShortTerm.Emit(part, spikes, step, slot);
            DeliverScaled(part, spikes, ring, slot, ShortTerm.Row(part, slot));
            return;
        }
        if (MinDelay == MaxDelay)
        {
            DeliverUniform(part, spikes, ring, slot);
            return;
        }
        int rowBase = part * (_neurons + 1);
        int slots = ring.Slots;
        int stride = ring.Stride;
        ref int rowStart = ref MemoryMarshal.GetArrayDataReference(RowStart);
        ref int column = ref MemoryMarshal.GetArrayDataReference(Column);
        ref float weight = ref MemoryMarshal.GetArrayDataReference(Weight);
        ref ushort delay = ref MemoryMarshal.GetArrayDataReference(Delay);
        ref float data = ref MemoryMarshal.GetArrayDataReference(ring.Data);
        for (int i = 0; i < spikes.Length; i++)
        {
            int source = spikes[i];
            int first = Unsafe.Add(ref rowStart, rowBase + source);
            int last = Unsafe.Add(ref rowStart, rowBase + source + 1);
            if (i + 1 < spikes.Length)
            {
                int next = Unsafe.Add(ref rowStart, rowBase + spikes[i + 1]);
                PrefetchRow(ref column, ref weight, next);
                Prefetch(ref Unsafe.Add(ref delay, next));
            }
            for (int k = first; k < last; k++)
            {
                int arrival = slot + Unsafe.Add(ref delay, k);
                if (arrival >= slots)
                {
                    arrival -= slots;
                }
                Unsafe.Add(ref data, (nint)arrival * stride + Unsafe.Add(ref column, k)) += Unsafe.Add(ref weight, k);
            }
        }
    }

    /// <summary>Delivery when every synapse has the same delay (<see cref="MinDelay"/> =
    /// <see cref="MaxDelay"/>, as in networks with one delay): all arrive in one ring slot, so the
    /// delays are not read. The sums are the same as those of the general walk.</summary>
    private void DeliverUniform(int part, ReadOnlySpan<int> spikes, DelayRing ring, int slot)
    {
        int rowBase = part * (_neurons + 1);
        int arrival = slot + MinDelay;
        if (arrival >= ring.Slots)
        {
            arrival -= ring.Slots;
        }
        ref int rowStart = ref MemoryMarshal.GetArrayDataReference(RowStart);
        ref int column = ref MemoryMarshal.GetArrayDataReference(Column);
        ref float weight = ref MemoryMarshal.GetArrayDataReference(Weight);
        ref float data = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ring.Data), (nint)arrival * ring.Stride);
        for (int i = 0; i < spikes.Length; i++)
        {
            int source = spikes[i];
            int first = Unsafe.Add(ref rowStart, rowBase + source);
            int last = Unsafe.Add(ref rowStart, rowBase + source + 1);
            if (i + 1 < spikes.Length)
            {
                PrefetchRow(ref column, ref weight, Unsafe.Add(ref rowStart, rowBase + spikes[i + 1]));
            }
            for (int k = first; k < last; k++)
            {
                Unsafe.Add(ref data, Unsafe.Add(ref column, k)) += Unsafe.Add(ref weight, k);
            }
        }
    }

    /// <summary>Asks the processor to start loading the row that begins at synapse <paramref name="first"/>
    /// while the current row is delivered: the rows of successive spikes lie far apart in a large
    /// network, and the walk would otherwise wait for each one's first cache lines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchRow(ref int column, ref float weight, int first)
    {
        Prefetch(ref Unsafe.Add(ref column, first));
        Prefetch(ref Unsafe.Add(ref weight, first));
    }

    /// <summary>A hint to load the cache line of <paramref name="value"/>; it never faults, so a stale
    /// address (the array moved) or one just past the end only wastes the hint.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch<T>(ref T value)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref value));
        }
    }

    /// <summary>Delivery with each weight multiplied by the short-term factor of its entry in <paramref name="factors"/>.</summary>
    private void DeliverScaled(int part, ReadOnlySpan<int> spikes, DelayRing ring, int slot, ReadOnlySpan<float> factors)
    {
        int rowBase = part * (_neurons + 1);
        int slots = ring.Slots;
        int stride = ring.Stride;
        var entries = ShortTermEntry!;
        var data = ring.Data;
        foreach (int source in spikes)
        {
            int last = RowStart[rowBase + source + 1];
            for (int k = RowStart[rowBase + source]; k < last; k++)
            {
                int arrival = slot + Delay[k];
                if (arrival >= slots)
                {
                    arrival -= slots;
                }
                data[(nint)arrival * stride + Column[k]] += Weight[k] * factors[entries[k]];
            }
        }
    }

    /// <summary>Where each synapse of <paramref name="projection"/> (in generation order) lives in the
    /// matrix, −1 for a synapse that was not kept. Computed on first use by replaying the build.</summary>
    public int[] PositionsOf(Projection projection)
    {
        if (_positions is null)
        {
            int rowsPerPart = _neurons + 1;
            var cursor = (int[])RowStart.Clone();
            var positions = new int[_network.Projections.Count][];
            foreach (var p in _network.Projections)
            {
                var table = p.Plasticity is null ? p.Instantiate() : Empty;
                var map = new int[table.Count];
                for (int s = 0; s < table.Count; s++)
                {
                    int target = p.Target.Offset + table.Targets[s];
                    if (_keepTarget is not null && !_keepTarget(target))
                    {
                        map[s] = -1;
                        continue;
                    }
                    int part = _partitioning.PartOf(target);
                    map[s] = cursor[part * rowsPerPart + p.Source.Offset + table.Sources[s]]++;
                }
                positions[p.Index] = map;
            }
            _positions = positions;
        }
        return _positions[projection.Index];
    }
}
