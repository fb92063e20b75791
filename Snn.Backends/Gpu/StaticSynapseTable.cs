using Snn.Core;

namespace Snn.Backends.Gpu;

/// <summary>
/// The host copy of all static synapses in CSR by source neuron (projection order, then
/// generation order within a row), as the device receives them: ring column, weight and delay,
/// 10 bytes per synapse. Keeps where each projection's synapses went, for weight access.
/// </summary>
internal sealed class StaticSynapseTable
{
    private readonly int[][] _positions;

    public StaticSynapseTable(Network network)
    {
        int neurons = network.NeuronCount;
        var tables = network.Projections.Select(p => p.Plasticity is null ? p.Instantiate() : null).ToArray();
        long total = tables.Sum(t => (long)(t?.Count ?? 0));
        if (total > Array.MaxLength)
        {
            throw new NotSupportedException($"The network has {total} static synapses; the GPU engine indexes at most {Array.MaxLength}.");
        }
        RowStart = new int[neurons + 1];
        foreach (var (projection, table) in network.Projections.Zip(tables))
        {
            if (table is null)
            {
                continue;
            }
            for (int s = 0; s < table.Count; s++)
            {
                RowStart[projection.Source.Offset + table.Sources[s] + 1]++;
            }
            MaxDelay = Math.Max(MaxDelay, table.Count == 0 ? 0 : table.DelaySteps.Max());
        }
        for (int r = 0; r < neurons; r++)
        {
            RowStart[r + 1] += RowStart[r];
        }
        var cursor = (int[])RowStart.Clone();
        Column = new int[total];
        Weight = new float[total];
        Delay = new ushort[total];
        _positions = new int[network.Projections.Count][];
        foreach (var (projection, table) in network.Projections.Zip(tables))
        {
            if (table is null)
            {
                _positions[projection.Index] = [];
                continue;
            }
            int receptorOffset = projection.Receptor == Receptor.Inhibitory ? neurons : 0;
            var map = new int[table.Count];
            for (int s = 0; s < table.Count; s++)
            {
                int position = cursor[projection.Source.Offset + table.Sources[s]]++;
                Column[position] = projection.Target.Offset + table.Targets[s] + receptorOffset;
                Weight[position] = table.Weights[s];
                Delay[position] = table.DelaySteps[s];
                map[s] = position;
            }
            _positions[projection.Index] = map;
        }
        MaxDelay = Math.Max(MaxDelay, 1);
    }

    public int[] RowStart { get; }

    public int[] Column { get; }

    public float[] Weight { get; }

    public ushort[] Delay { get; }

    public int MaxDelay { get; }

    public int Count => Weight.Length;

    /// <summary>Bytes on the device.</summary>
    public long DeviceBytes => RowStart.LongLength * sizeof(int) + (long)Count * (sizeof(int) + sizeof(float) + sizeof(ushort));

    /// <summary>Where each synapse of <paramref name="projection"/> (in generation order) lives.</summary>
    public int[] PositionsOf(Projection projection) => _positions[projection.Index];
}
