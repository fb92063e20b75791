using Snn.Core;

namespace Snn.Backends.Cpu;

/// <summary>
/// A stretch of one projection's synapses, in generation order, that <see cref="SynapseMatrix"/>
/// places into its rows: either a range of targets generated straight into its buffer
/// (<see cref="TargetRangeSynapses"/>) or a stretch of a whole <see cref="SynapseTable"/>. All its
/// targets lie in partition <see cref="Part"/>, or, where <see cref="Part"/> is −1, the stretch may
/// mix partitions and each synapse's target decides.
/// </summary>
internal sealed class SynapsePiece
{
    private readonly TargetRangeSynapses? _generated;
    private readonly SynapseTable? _table;
    private readonly int _offset;

    public SynapsePiece(Projection projection, int part, TargetRangeSynapses generated)
    {
        Projection = projection;
        Part = part;
        _generated = generated;
        Count = generated.Count;
        MinDelay = generated.MinDelaySteps;
        MaxDelay = generated.MaxDelaySteps;
    }

    public SynapsePiece(Projection projection, int part, SynapseTable table, int offset, int count)
    {
        Projection = projection;
        Part = part;
        _table = table;
        _offset = offset;
        Count = count;
        int min = int.MaxValue;
        int max = 0;
        foreach (int steps in table.DelaySteps.AsSpan(offset, count))
        {
            min = Math.Min(min, steps);
            max = Math.Max(max, steps);
        }
        MinDelay = min;
        MaxDelay = max;
    }

    public Projection Projection { get; }

    /// <summary>Gives a generated range's buffer back to its pool once the matrix has copied it
    /// (<see cref="TargetRangeSynapses.Release"/>); the piece must not be read afterwards.</summary>
    public void Release() => _generated?.Release();

    /// <summary>The partition all targets lie in, or −1 when they may lie in any.</summary>
    public int Part { get; }

    public int Count { get; }

    /// <summary>The smallest delay (steps); <see cref="int.MaxValue"/> when empty.</summary>
    public int MinDelay { get; }

    /// <summary>The largest delay (steps); 0 when empty.</summary>
    public int MaxDelay { get; }

    public ReadOnlySpan<int> Sources => _generated is null ? _table!.Sources.AsSpan(_offset, Count) : _generated.Sources;

    public ReadOnlySpan<int> Targets => _generated is null ? _table!.Targets.AsSpan(_offset, Count) : _generated.Targets;

    /// <summary>Per-synapse weights, or empty when every synapse has <see cref="Weight"/>.</summary>
    public ReadOnlySpan<float> Weights => _generated is null ? _table!.Weights.AsSpan(_offset, Count) : _generated.Weights;

    /// <summary>The weight of every synapse when <see cref="Weights"/> is empty.</summary>
    public float Weight => _generated?.Weight ?? 0;

    /// <summary>Per-synapse delays (steps), or empty when every synapse has <see cref="Delay"/>.</summary>
    public ReadOnlySpan<ushort> Delays => _generated is null ? _table!.DelaySteps.AsSpan(_offset, Count) : _generated.Delays;

    /// <summary>The delay of every synapse when <see cref="Delays"/> is empty (steps).</summary>
    public ushort Delay => _generated?.DelaySteps ?? 0;
}
