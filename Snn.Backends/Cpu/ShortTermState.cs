using Snn.Backends.Checkpointing;
using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Cpu;

/// <summary>
/// Tsodyks–Markram short-term plasticity (<see cref="ShortTermPlasticity"/>) on the CPU engines,
/// over the entries of <see cref="ShortTermEntries"/>. When a neuron fires, each of its entries
/// advances u and x and stores the factor u·x of that spike in the row of the ring slot the spike
/// leaves in; static delivery multiplies each weight by the factor of its entry in the current row,
/// and a plastic projection reads the row of the slot its spike left in. Every partition keeps its
/// own identical copy of the state and advances it while it walks all spikes, so no thread waits
/// for another.
/// </summary>
internal sealed class ShortTermState
{
    private readonly ShortTermEntries _entries;
    private readonly double _dt;
    private readonly double[][] _u;
    private readonly double[][] _x;
    private readonly long[][] _last;
    private readonly float[][] _factors;

    private ShortTermState(Network network, int parts)
    {
        _dt = network.Dt;
        _entries = new ShortTermEntries(network);
        _u = new double[parts][];
        _x = new double[parts][];
        _last = new long[parts][];
        _factors = new float[parts][];
    }

    /// <summary>The state for <paramref name="network"/>'s projections with short-term plasticity,
    /// with a copy per partition; null when none has it.</summary>
    public static ShortTermState? For(Network network, int parts)
        => network.Projections.Any(p => p.ShortTerm is not null) ? new ShortTermState(network, parts) : null;

    /// <summary>Number of entries, the "none" entry 0 included.</summary>
    public int Count => _entries.Count;

    /// <summary>The entry of <paramref name="source"/> (population-local) of <paramref name="projection"/>, 0 when it has no short-term plasticity.</summary>
    public int EntryOf(Projection projection, int source) => _entries.EntryOf(projection, source);

    /// <summary>Sets partition <paramref name="part"/>'s copy to rest for a ring of
    /// <paramref name="slots"/> slots, unless it was set up for that ring already; touches that copy
    /// only, so every partition may call it for its own at once.</summary>
    public void Prepare(int part, int slots)
    {
        if (_factors[part]?.Length != (long)slots * Count)
        {
            var rest = _entries.InitialState(slots);
            (_u[part], _x[part], _last[part], _factors[part]) = (rest.U, rest.X, rest.LastStep, rest.Factors);
        }
    }

    /// <summary>Advances the entries of the neurons in <paramref name="spikes"/>, emitted in
    /// <paramref name="step"/>, in partition <paramref name="part"/>'s copy, and stores their
    /// factors in the row of <paramref name="slot"/>.</summary>
    /// <returns>The number of entries advanced.</returns>
    public int Emit(int part, ReadOnlySpan<int> spikes, long step, int slot)
    {
        int updates = 0;
        var u = _u[part];
        var x = _x[part];
        var last = _last[part];
        var factors = _factors[part].AsSpan(slot * Count, Count);
        var entryStart = _entries.EntryStart;
        var entries = _entries.Entries;
        foreach (int neuron in spikes)
        {
            for (int e = entryStart[neuron]; e < entryStart[neuron + 1]; e++)
            {
                int entry = entries[e];
                int j = _entries.SetOf[entry];
                var set = _entries.Sets[j];
                double ui = u[entry];
                double xi = x[entry];
                long reset = _entries.ResetSteps[j];
                if (last[entry] >= 0 && reset > 0 && last[entry] / reset != step / reset)
                {
                    ui = set.U;
                    xi = 1;
                }
                else if (last[entry] >= 0)
                {
                    double h = (step - last[entry]) * _dt;
                    xi = 1 + (xi - xi * ui - 1) * Math.Exp(-h / set.TauRec);
                    ui = set.TauFac == 0 ? set.U : set.U + ui * (1 - set.U) * Math.Exp(-h / set.TauFac);
                }
                u[entry] = ui;
                x[entry] = xi;
                last[entry] = step;
                factors[entry] = (float)(ui * xi);
            }
            updates += entryStart[neuron + 1] - entryStart[neuron];
        }
        return updates;
    }

    /// <summary>The factors of the spikes that left in <paramref name="slot"/>, by entry.</summary>
    public ReadOnlySpan<float> Row(int part, int slot) => _factors[part].AsSpan(slot * Count, Count);

    /// <summary>The factor of <paramref name="entry"/>'s spike that left in <paramref name="slot"/>.</summary>
    public float Factor(int part, int slot, int entry) => _factors[part][slot * Count + entry];

    /// <summary>The state of partition 0's copy (all copies agree between runs) for a ring of <paramref name="slots"/> slots.</summary>
    public ShortTermCheckpoint Snapshot(int slots)
    {
        Prepare(0, slots);
        return new((double[])_u[0].Clone(), (double[])_x[0].Clone(), (long[])_last[0].Clone(), (float[])_factors[0].Clone());
    }

    /// <summary>Reads a state written by <see cref="Snapshot"/> for a ring of <paramref name="slots"/>
    /// slots before step <paramref name="step"/>, without changing anything.</summary>
    public ShortTermCheckpoint Read(CheckpointReader reader, int slots, long step)
        => ShortTermCheckpoint.Read(reader, Count, (long)slots * Count, step);

    /// <summary>Replaces every copy with <paramref name="checkpoint"/>.</summary>
    public void Apply(ShortTermCheckpoint checkpoint)
    {
        for (int p = 0; p < _u.Length; p++)
        {
            _u[p] = (double[])checkpoint.U.Clone();
            _x[p] = (double[])checkpoint.X.Clone();
            _last[p] = (long[])checkpoint.LastStep.Clone();
            _factors[p] = (float[])checkpoint.Factors.Clone();
        }
    }
}
