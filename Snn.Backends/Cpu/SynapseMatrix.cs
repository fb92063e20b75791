using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Snn.Core;

namespace Snn.Backends.Cpu;

/// <summary>
/// All synapses of a network in compressed sparse rows by source neuron, one row set per target
/// partition, so a thread walking a spike's row touches only its own targets. Within a row,
/// synapses keep projection order and then generation order, so the floating-point sums into a
/// target do not depend on the number of partitions. Per synapse: ring column (target, offset by N
/// for the inhibitory receptor), weight and delay in steps: 10 bytes. Plastic projections are kept
/// apart (<see cref="PlasticProjection"/>).
/// </summary>
internal sealed class SynapseMatrix
{
    private readonly Network _network;
    private readonly Partitioning _partitioning;
    private readonly int _neurons;
    private int[][]? _positions;

    public SynapseMatrix(Network network, Partitioning partitioning)
    {
        _network = network;
        _partitioning = partitioning;
        _neurons = network.NeuronCount;
        var tables = network.Projections.Select(p => p.Plasticity is null ? p.Instantiate() : Empty).ToArray();
        long total = tables.Sum(t => (long)t.Count);
        if (total > Array.MaxLength)
        {
            throw new NotSupportedException($"The network has {total} synapses; the CPU engine holds at most {Array.MaxLength} in one process.");
        }
        int rowsPerPart = _neurons + 1;
        RowStart = new int[(long)partitioning.Count * rowsPerPart];
        Column = new int[total];
        Weight = new float[total];
        Delay = new ushort[total];
        for (int j = 0; j < tables.Length; j++)
        {
            var projection = network.Projections[j];
            var table = tables[j];
            for (int s = 0; s < table.Count; s++)
            {
                int part = _partitioning.PartOf(projection.Target.Offset + table.Targets[s]);
                RowStart[part * rowsPerPart + projection.Source.Offset + table.Sources[s] + 1]++;
            }
            MaxDelay = Math.Max(MaxDelay, table.Count == 0 ? 0 : table.DelaySteps.Max());
        }
        for (int r = 1; r < RowStart.Length; r++)
        {
            RowStart[r] += RowStart[r - 1];
        }
        var cursor = (int[])RowStart.Clone();
        for (int j = 0; j < tables.Length; j++)
        {
            var projection = network.Projections[j];
            var table = tables[j];
            int receptorOffset = projection.Receptor == Receptor.Inhibitory ? _neurons : 0;
            for (int s = 0; s < table.Count; s++)
            {
                int target = projection.Target.Offset + table.Targets[s];
                int part = _partitioning.PartOf(target);
                int position = cursor[part * rowsPerPart + projection.Source.Offset + table.Sources[s]]++;
                Column[position] = target + receptorOffset;
                Weight[position] = table.Weights[s];
                Delay[position] = table.DelaySteps[s];
            }
        }
        MaxDelay = Math.Max(MaxDelay, 1);
    }

    private static readonly SynapseTable Empty = new([], [], [], []);

    public int[] RowStart { get; }

    public int[] Column { get; }

    public float[] Weight { get; }

    public ushort[] Delay { get; }

    public int MaxDelay { get; }

    public long Count => Weight.LongLength;

    /// <summary>Adds the weights of the spikes' synapses onto targets of <paramref name="part"/> into the ring.</summary>
    public void Deliver(int part, ReadOnlySpan<int> spikes, DelayRing ring, int slot)
    {
        int rowBase = part * (_neurons + 1);
        int slots = ring.Slots;
        int stride = ring.Stride;
        ref int rowStart = ref MemoryMarshal.GetArrayDataReference(RowStart);
        ref int column = ref MemoryMarshal.GetArrayDataReference(Column);
        ref float weight = ref MemoryMarshal.GetArrayDataReference(Weight);
        ref ushort delay = ref MemoryMarshal.GetArrayDataReference(Delay);
        ref float data = ref MemoryMarshal.GetArrayDataReference(ring.Data);
        foreach (int source in spikes)
        {
            int first = Unsafe.Add(ref rowStart, rowBase + source);
            int last = Unsafe.Add(ref rowStart, rowBase + source + 1);
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

    /// <summary>Where each synapse of <paramref name="projection"/> (in generation order) lives in the
    /// matrix. Computed on first use by replaying the build.</summary>
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
                    int part = _partitioning.PartOf(p.Target.Offset + table.Targets[s]);
                    map[s] = cursor[part * rowsPerPart + p.Source.Offset + table.Sources[s]]++;
                }
                positions[p.Index] = map;
            }
            _positions = positions;
        }
        return _positions[projection.Index];
    }
}
