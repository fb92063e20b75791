using Snn.Backends.Checkpointing;
using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Cpu;

/// <summary>
/// Tsodyks–Markram short-term plasticity (<see cref="ShortTermPlasticity"/>) on the CPU engines.
/// One entry per presynaptic neuron of each projection with short-term plasticity, numbered from 1
/// (entry 0 stands for "none" and always has the factor 1). When a neuron fires, each of its
/// entries advances u and x and stores the factor u·x of that spike in the row of the ring slot
/// the spike leaves in; static delivery multiplies each weight by the factor of its entry in the
/// current row, and a plastic projection reads the row of the slot its spike left in. Every
/// partition keeps its own identical copy of the state and advances it while it walks all spikes,
/// so no thread waits for another.
/// </summary>
internal sealed class ShortTermState
{
    private readonly int[] _base;
    private readonly int[] _entryStart;
    private readonly int[] _entries;
    private readonly int[] _setOf;
    private readonly ShortTermPlasticity[] _sets;
    private readonly long[] _resetSteps;
    private readonly double _dt;
    private readonly double[][] _u;
    private readonly double[][] _x;
    private readonly long[][] _last;
    private float[][] _factors;

    private ShortTermState(Network network, int parts)
    {
        _dt = network.Dt;
        var withShortTerm = network.Projections.Where(p => p.ShortTerm is not null).ToArray();
        _sets = withShortTerm.Select(p => p.ShortTerm!.Value).ToArray();
        _resetSteps = withShortTerm.Select(p => ResetSteps(p, network.Dt)).ToArray();
        _base = new int[network.Projections.Count];
        Array.Fill(_base, -1);
        int entries = 1;
        var counts = new int[network.NeuronCount + 1];
        foreach (var projection in withShortTerm)
        {
            _base[projection.Index] = entries;
            entries += projection.Source.Size;
            for (int s = 0; s < projection.Source.Size; s++)
            {
                counts[projection.Source.Offset + s + 1]++;
            }
        }
        Count = entries;
        for (int n = 1; n < counts.Length; n++)
        {
            counts[n] += counts[n - 1];
        }
        _entryStart = counts;
        _entries = new int[counts[^1]];
        _setOf = new int[entries];
        var cursor = (int[])counts.Clone();
        for (int j = 0; j < withShortTerm.Length; j++)
        {
            var projection = withShortTerm[j];
            for (int s = 0; s < projection.Source.Size; s++)
            {
                int entry = _base[projection.Index] + s;
                _entries[cursor[projection.Source.Offset + s]++] = entry;
                _setOf[entry] = j;
            }
        }
        _u = new double[parts][];
        _x = new double[parts][];
        _last = new long[parts][];
        for (int p = 0; p < parts; p++)
        {
            (_u[p], _x[p], _last[p]) = InitialState();
        }
        _factors = new float[parts][];
    }

    /// <summary>The state for <paramref name="network"/>'s projections with short-term plasticity,
    /// with a copy per partition; null when none has it.</summary>
    public static ShortTermState? For(Network network, int parts)
        => network.Projections.Any(p => p.ShortTerm is not null) ? new ShortTermState(network, parts) : null;

    /// <summary>Number of entries, the "none" entry 0 included.</summary>
    public int Count { get; }

    /// <summary>Ring slots the factor rows cover (0 before the first use).</summary>
    public int Slots { get; private set; }

    /// <summary>The entry of <paramref name="source"/> (population-local) of <paramref name="projection"/>, 0 when it has no short-term plasticity.</summary>
    public int EntryOf(Projection projection, int source) => _base[projection.Index] < 0 ? 0 : _base[projection.Index] + source;

    /// <summary>Sizes the factor rows for a ring of <paramref name="slots"/> slots (once).</summary>
    public void Prepare(int slots)
    {
        if (Slots == slots)
        {
            return;
        }
        Slots = slots;
        for (int p = 0; p < _factors.Length; p++)
        {
            _factors[p] = OneFactors(slots);
        }
    }

    /// <summary>Advances the entries of the neurons in <paramref name="spikes"/>, emitted in
    /// <paramref name="step"/>, in partition <paramref name="part"/>'s copy, and stores their
    /// factors in the row of <paramref name="slot"/>.</summary>
    public void Emit(int part, ReadOnlySpan<int> spikes, long step, int slot)
    {
        var u = _u[part];
        var x = _x[part];
        var last = _last[part];
        var factors = _factors[part].AsSpan(slot * Count, Count);
        foreach (int neuron in spikes)
        {
            for (int e = _entryStart[neuron]; e < _entryStart[neuron + 1]; e++)
            {
                int entry = _entries[e];
                int j = _setOf[entry];
                var set = _sets[j];
                double ui = u[entry];
                double xi = x[entry];
                long reset = _resetSteps[j];
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
        }
    }

    /// <summary>The factors of the spikes that left in <paramref name="slot"/>, by entry.</summary>
    public ReadOnlySpan<float> Row(int part, int slot) => _factors[part].AsSpan(slot * Count, Count);

    /// <summary>The factor of <paramref name="entry"/>'s spike that left in <paramref name="slot"/>.</summary>
    public float Factor(int part, int slot, int entry) => _factors[part][slot * Count + entry];

    /// <summary>The state of partition 0's copy (all copies agree between runs) for a ring of <paramref name="slots"/> slots.</summary>
    public ShortTermCheckpoint Snapshot(int slots)
    {
        Prepare(slots);
        return new((double[])_u[0].Clone(), (double[])_x[0].Clone(), (long[])_last[0].Clone(), (float[])_factors[0].Clone());
    }

    /// <summary>Reads a state written by <see cref="Snapshot"/> for a ring of <paramref name="slots"/>
    /// slots before step <paramref name="step"/>, without changing anything.</summary>
    public ShortTermCheckpoint Read(CheckpointReader reader, int slots, long step)
        => ShortTermCheckpoint.Read(reader, Count, (long)slots * Count, step);

    /// <summary>Replaces every copy with <paramref name="checkpoint"/>.</summary>
    public void Apply(ShortTermCheckpoint checkpoint, int slots)
    {
        Prepare(slots);
        for (int p = 0; p < _u.Length; p++)
        {
            checkpoint.U.CopyTo(_u[p], 0);
            checkpoint.X.CopyTo(_x[p], 0);
            checkpoint.LastStep.CopyTo(_last[p], 0);
            checkpoint.Factors.CopyTo(_factors[p], 0);
        }
    }

    /// <summary>The reset interval of <paramref name="projection"/>'s short-term plasticity in steps
    /// (0 for none); it must be a whole number of steps.</summary>
    public static long ResetSteps(Projection projection, double dt)
    {
        double ms = projection.ShortTerm!.Value.ResetIntervalMs;
        double steps = Math.Round(ms / dt);
        if (ms > 0 && (steps < 1 || Math.Abs(steps * dt - ms) > 1e-9 * ms))
        {
            throw new ArgumentOutOfRangeException("ResetIntervalMs", ms, $"Projection {projection.Name}: ResetIntervalMs = {ms} must be 0 or a whole number of steps of dt = {dt} ms.");
        }
        return (long)steps;
    }

    private (double[] U, double[] X, long[] Last) InitialState()
    {
        var u = new double[Count];
        var x = new double[Count];
        var last = new long[Count];
        Array.Fill(x, 1);
        Array.Fill(last, -1);
        for (int entry = 1; entry < Count; entry++)
        {
            u[entry] = _sets[_setOf[entry]].U;
        }
        u[0] = 1;
        return (u, x, last);
    }

    private float[] OneFactors(int slots)
    {
        var factors = new float[slots * Count];
        Array.Fill(factors, 1f);
        return factors;
    }
}
