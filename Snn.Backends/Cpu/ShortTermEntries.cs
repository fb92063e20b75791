using Snn.Backends.Checkpointing;
using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Cpu;

/// <summary>
/// How an engine numbers the state of short-term plasticity: one entry per presynaptic neuron of
/// each projection with <see cref="ShortTermPlasticity"/>, numbered from 1 in projection order
/// (entry 0 stands for "none" and always has the factor 1), each with its projection's parameter
/// set, and, per neuron, the list of its entries.
/// </summary>
internal sealed class ShortTermEntries
{
    private readonly int[] _base;

    public ShortTermEntries(Network network)
    {
        var projections = network.Projections.Where(p => p.ShortTerm is not null).ToArray();
        Sets = projections.Select(p => p.ShortTerm!.Value).ToArray();
        ResetSteps = projections.Select(p => ResetStepsOf(p, network.Dt)).ToArray();
        _base = new int[network.Projections.Count];
        Array.Fill(_base, -1);
        int count = 1;
        var starts = new int[network.NeuronCount + 1];
        foreach (var projection in projections)
        {
            _base[projection.Index] = count;
            count += projection.Source.Size;
            for (int s = 0; s < projection.Source.Size; s++)
            {
                starts[projection.Source.Offset + s + 1]++;
            }
        }
        Count = count;
        for (int n = 1; n < starts.Length; n++)
        {
            starts[n] += starts[n - 1];
        }
        EntryStart = starts;
        Entries = new int[starts[^1]];
        SetOf = new int[count];
        var cursor = (int[])starts.Clone();
        for (int j = 0; j < projections.Length; j++)
        {
            var projection = projections[j];
            for (int s = 0; s < projection.Source.Size; s++)
            {
                int entry = _base[projection.Index] + s;
                Entries[cursor[projection.Source.Offset + s]++] = entry;
                SetOf[entry] = j;
            }
        }
    }

    /// <summary>Number of entries, entry 0 included.</summary>
    public int Count { get; }

    /// <summary>The parameters of each set (one per projection with short-term plasticity).</summary>
    public ShortTermPlasticity[] Sets { get; }

    /// <summary>The reset interval of each set in steps, 0 for none.</summary>
    public long[] ResetSteps { get; }

    /// <summary>Entries of global neuron n: <see cref="Entries"/>[EntryStart[n] .. EntryStart[n + 1]).</summary>
    public int[] EntryStart { get; }

    /// <summary>Entry numbers grouped by neuron.</summary>
    public int[] Entries { get; }

    /// <summary>Parameter set of each entry (0 for entry 0).</summary>
    public int[] SetOf { get; }

    /// <summary>The entry of <paramref name="source"/> (population-local) of <paramref name="projection"/>, 0 when it has no short-term plasticity.</summary>
    public int EntryOf(Projection projection, int source) => _base[projection.Index] < 0 ? 0 : _base[projection.Index] + source;

    /// <summary>The state before any spike (u = U, x = 1, no last spike, every factor 1) for a ring of <paramref name="slots"/> slots.</summary>
    public ShortTermCheckpoint InitialState(int slots)
    {
        var u = new double[Count];
        for (int entry = 1; entry < Count; entry++)
        {
            u[entry] = Sets[SetOf[entry]].U;
        }
        u[0] = 1;
        var x = new double[Count];
        Array.Fill(x, 1);
        var last = new long[Count];
        Array.Fill(last, -1);
        var factors = new float[(long)slots * Count];
        Array.Fill(factors, 1f);
        return new ShortTermCheckpoint(u, x, last, factors);
    }

    /// <summary>The reset interval of <paramref name="projection"/>'s short-term plasticity in steps
    /// (0 for none); it must be a whole number of steps.</summary>
    private static long ResetStepsOf(Projection projection, double dt)
    {
        double ms = projection.ShortTerm!.Value.ResetIntervalMs;
        double steps = Math.Round(ms / dt);
        if (ms > 0 && (steps < 1 || Math.Abs(steps * dt - ms) > 1e-9 * ms))
        {
            throw new ArgumentOutOfRangeException("ResetIntervalMs", ms, $"Projection {projection.Name}: ResetIntervalMs = {ms} must be 0 or a whole number of steps of dt = {dt} ms.");
        }
        return (long)steps;
    }
}
