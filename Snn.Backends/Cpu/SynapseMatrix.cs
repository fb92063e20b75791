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
/// for the inhibitory receptor), weight and delay in steps: 10 bytes (8 when every synapse has the
/// same delay, which is then stored once), and 4 more (the entry of
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
    /// filtered at once, so only one projection's full table is held at a time. Keeping all, the
    /// synapses are generated range of targets by range straight into the buffers the rows are
    /// filled from (<see cref="SynapsePieces.Generate"/>).</summary>
    public SynapseMatrix(Network network, Partitioning partitioning, Func<int, bool>? keepTarget, Func<Projection, SynapseTable?>? localTable = null)
    {
        _network = network;
        _partitioning = partitioning;
        _neurons = network.NeuronCount;
        _keepTarget = keepTarget;
        var pieces = keepTarget is null && localTable is null
            ? SynapsePieces.Generate(network, partitioning)
            : SynapsePieces.OfTables(network, partitioning, network.Projections
                .Select(p => p.Plasticity is null ? localTable?.Invoke(p) ?? Kept(p, p.Instantiate(), keepTarget) : Empty)
                .ToArray());
        long total = 0;
        int minDelay = int.MaxValue;
        int maxDelay = 0;
        foreach (var piece in pieces)
        {
            total += piece.Count;
            minDelay = Math.Min(minDelay, piece.MinDelay);
            maxDelay = Math.Max(maxDelay, piece.MaxDelay);
        }
        if (total > Array.MaxLength)
        {
            throw new NotSupportedException($"The network has {total} synapses; the CPU engine holds at most {Array.MaxLength} in one process.");
        }
        MinDelay = minDelay;
        MaxDelay = Math.Max(maxDelay, 1);
        int parts = partitioning.Count;
        RowStart = new int[(long)parts * (_neurons + 1)];
        // Every position is written exactly once by FillRows, so the arrays need not be zeroed first.
        Column = GC.AllocateUninitializedArray<int>((int)total);
        Weight = GC.AllocateUninitializedArray<float>((int)total);
        Delay = minDelay == maxDelay ? null : GC.AllocateUninitializedArray<ushort>((int)total);
        ShortTerm = ShortTermState.For(network, parts);
        ShortTermEntry = ShortTerm is null ? null : new int[total];
        var partStart = PartStarts(pieces);
        RowEntry = ShortTerm is null ? null : new int[RowStart.Length];
        ForEachPart(parts, part =>
        {
            CountRows(part, pieces, partStart[part]);
            FillRows(part, pieces);
            if (RowEntry is not null)
            {
                FindRowEntries(part);
            }
        });
        foreach (var piece in pieces)
        {
            piece.Release();
        }
    }

    /// <summary>The position of each partition's first synapse: the partitions' rows follow one another.</summary>
    private int[] PartStarts(List<SynapsePiece> pieces)
    {
        int parts = _partitioning.Count;
        var counts = new long[parts];
        foreach (var piece in pieces)
        {
            if (piece.Part >= 0)
            {
                counts[piece.Part] += piece.Count;
                continue;
            }
            int offset = piece.Projection.Target.Offset;
            foreach (int target in piece.Targets)
            {
                counts[_partitioning.PartOf(target + offset)]++;
            }
        }
        var starts = new int[parts];
        for (int part = 1; part < parts; part++)
        {
            starts[part] = (int)(starts[part - 1] + counts[part - 1]);
        }
        return starts;
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

    /// <summary>Counts the synapses of every row of <paramref name="part"/> and turns the counts into
    /// row starts, the first at <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountRows(int part, List<SynapsePiece> pieces, int start)
    {
        int first = _partitioning.Start(part);
        uint width = (uint)(_partitioning.End(part) - first);
        var rows = RowStart.AsSpan(part * (_neurons + 1), _neurons + 1);
        foreach (var piece in pieces)
        {
            if (piece.Part != part && piece.Part >= 0)
            {
                continue;
            }
            var sourceRows = rows[(piece.Projection.Source.Offset + 1)..];
            var sources = piece.Sources;
            if (piece.Part == part)
            {
                foreach (int source in sources)
                {
                    sourceRows[source]++;
                }
                continue;
            }
            int targetOffset = piece.Projection.Target.Offset - first;
            var targets = piece.Targets;
            for (int s = 0; s < targets.Length; s++)
            {
                if ((uint)(targets[s] + targetOffset) < width)
                {
                    sourceRows[sources[s]]++;
                }
            }
        }
        rows[0] = start;
        for (int r = 1; r < rows.Length; r++)
        {
            rows[r] += rows[r - 1];
        }
    }

    /// <summary>Places the synapses onto targets of <paramref name="part"/>, row by row in projection
    /// and generation order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillRows(int part, List<SynapsePiece> pieces)
    {
        int first = _partitioning.Start(part);
        uint width = (uint)(_partitioning.End(part) - first);
        var cursor = RowStart.AsSpan(part * (_neurons + 1), _neurons + 1).ToArray();
        var column = Column;
        var weight = Weight;
        var delay = Delay;
        var entries = ShortTermEntry;
        foreach (var piece in pieces)
        {
            if (piece.Part != part && piece.Part >= 0)
            {
                continue;
            }
            var projection = piece.Projection;
            int targetOffset = projection.Target.Offset;
            int receptorOffset = projection.Receptor == Receptor.Inhibitory ? _neurons : 0;
            var sourceCursor = cursor.AsSpan(projection.Source.Offset);
            var targets = piece.Targets;
            var sources = piece.Sources;
            var weights = piece.Weights;
            var delays = piece.Delays;
            bool filter = piece.Part < 0;
            if (!filter && weights.IsEmpty && delay is null && entries is null)
            {
                FillUniform(sourceCursor, sources, targets, targetOffset + receptorOffset, piece.Weight);
                continue;
            }
            for (int s = 0; s < targets.Length; s++)
            {
                int target = targets[s] + targetOffset;
                if (filter && (uint)(target - first) >= width)
                {
                    continue;
                }
                int position = sourceCursor[sources[s]]++;
                column[position] = target + receptorOffset;
                weight[position] = weights.IsEmpty ? piece.Weight : weights[s];
                if (delay is not null)
                {
                    delay[position] = delays.IsEmpty ? piece.Delay : delays[s];
                }
                if (entries is not null)
                {
                    entries[position] = ShortTerm!.EntryOf(projection, sources[s]);
                }
            }
        }
    }

    /// <summary>Sets <see cref="RowEntry"/> for the rows of <paramref name="part"/>: the short-term
    /// entry every synapse of the row shares, or −1 where the row mixes entries (a neuron that is the
    /// source of several projections with short-term plasticity).</summary>
    private void FindRowEntries(int part)
    {
        int rowBase = part * (_neurons + 1);
        var entries = ShortTermEntry!;
        for (int source = 0; source < _neurons; source++)
        {
            int first = RowStart[rowBase + source];
            int last = RowStart[rowBase + source + 1];
            int entry = first < last ? entries[first] : 0;
            for (int k = first + 1; k < last && entry >= 0; k++)
            {
                if (entries[k] != entry)
                {
                    entry = -1;
                }
            }
            RowEntry![rowBase + source] = entry;
        }
    }

    /// <summary>The inner loop of <see cref="FillRows"/> for a piece inside the partition whose
    /// synapses all have <paramref name="weight"/> and the matrix's one delay, without short-term
    /// plasticity: each synapse's column (its target plus <paramref name="columnOffset"/>) and weight
    /// go to the next free position of its source's row. The same positions and values as the
    /// general loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillUniform(Span<int> sourceCursor, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, int columnOffset, float weight)
    {
        var column = Column;
        var weights = Weight;
        for (int s = 0; s < sources.Length; s++)
        {
            int position = sourceCursor[sources[s]]++;
            column[position] = targets[s] + columnOffset;
            weights[position] = weight;
        }
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

    /// <summary>Each synapse's delay (steps), or null when all have the same one (<see cref="MinDelay"/> = <see cref="MaxDelay"/>).</summary>
    public ushort[]? Delay { get; }

    /// <summary>The short-term plasticity state of the network's projections (plastic ones
    /// included), or null when none has short-term plasticity.</summary>
    public ShortTermState? ShortTerm { get; }

    /// <summary>Each synapse's entry in <see cref="ShortTerm"/> (0 for none), or null.</summary>
    public int[]? ShortTermEntry { get; }

    /// <summary>Per row (indexed like <see cref="RowStart"/>), the short-term entry all its synapses
    /// share, −1 where they differ; null without short-term plasticity.</summary>
    private int[]? RowEntry { get; }

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
        ref ushort delay = ref MemoryMarshal.GetArrayDataReference(Delay!);
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

    /// <summary>Delivery with each weight multiplied by the short-term factor of its entry in
    /// <paramref name="factors"/>. A row whose synapses share one entry (every row, unless a neuron
    /// is the source of several projections with short-term plasticity) reads its factor once.</summary>
    private void DeliverScaled(int part, ReadOnlySpan<int> spikes, DelayRing ring, int slot, ReadOnlySpan<float> factors)
    {
        int rowBase = part * (_neurons + 1);
        var rowEntry = RowEntry!;
        foreach (int source in spikes)
        {
            int first = RowStart[rowBase + source];
            int last = RowStart[rowBase + source + 1];
            int entry = rowEntry[rowBase + source];
            if (entry >= 0)
            {
                DeliverRowScaled(first, last, ring, slot, factors[entry]);
            }
            else
            {
                DeliverMixedRow(first, last, ring, slot, factors);
            }
        }
    }

    /// <summary>Adds weight × <paramref name="factor"/> of synapses [<paramref name="first"/>,
    /// <paramref name="last"/>) into the ring, each at its delay after <paramref name="slot"/>.</summary>
    private void DeliverRowScaled(int first, int last, DelayRing ring, int slot, float factor)
    {
        int slots = ring.Slots;
        int stride = ring.Stride;
        ref int column = ref MemoryMarshal.GetArrayDataReference(Column);
        ref float weight = ref MemoryMarshal.GetArrayDataReference(Weight);
        ref float data = ref MemoryMarshal.GetArrayDataReference(ring.Data);
        if (Delay is null)
        {
            int arrival = slot + MinDelay;
            if (arrival >= slots)
            {
                arrival -= slots;
            }
            ref float row = ref Unsafe.Add(ref data, (nint)arrival * stride);
            for (int k = first; k < last; k++)
            {
                Unsafe.Add(ref row, Unsafe.Add(ref column, k)) += Unsafe.Add(ref weight, k) * factor;
            }
            return;
        }
        ref ushort delay = ref MemoryMarshal.GetArrayDataReference(Delay);
        for (int k = first; k < last; k++)
        {
            int arrival = slot + Unsafe.Add(ref delay, k);
            if (arrival >= slots)
            {
                arrival -= slots;
            }
            Unsafe.Add(ref data, (nint)arrival * stride + Unsafe.Add(ref column, k)) += Unsafe.Add(ref weight, k) * factor;
        }
    }

    /// <summary>Delivery of a row whose synapses belong to several short-term entries: each weight is
    /// multiplied by its own entry's factor.</summary>
    private void DeliverMixedRow(int first, int last, DelayRing ring, int slot, ReadOnlySpan<float> factors)
    {
        int slots = ring.Slots;
        int stride = ring.Stride;
        var entries = ShortTermEntry!;
        var delays = Delay;
        var data = ring.Data;
        for (int k = first; k < last; k++)
        {
            int arrival = slot + (delays is null ? MinDelay : delays[k]);
            if (arrival >= slots)
            {
                arrival -= slots;
            }
            data[(nint)arrival * stride + Column[k]] += Weight[k] * factors[entries[k]];
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
