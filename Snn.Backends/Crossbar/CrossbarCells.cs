using Snn.Core;
using Snn.Core.Plasticity;
using Snn.Core.Randomness;

namespace Snn.Backends.Crossbar;

/// <summary>
/// The cells of one plastic projection on crossbar tiles, as the engine core's weight store sees them:
/// each synapse owns one differential pair of its delay's tile set. Before every rule event
/// <see cref="SynapseState.Weight"/> holds the weight the pair realises; after it, a changed weight is a
/// programming request (<see cref="CellProgrammer"/>), and the weight becomes what the cells realise
/// after the pulses (read back without noise).
/// </summary>
internal sealed class CrossbarCells
{
    private readonly Projection _projection;
    private readonly string _ruleName;
    private readonly CellProgrammer _programmer;
    private readonly ulong _key;
    private readonly uint _stream;
    private readonly int[] _setOf;
    private readonly int[] _source;
    private readonly int[] _target;
    private readonly ulong[] _requests;
    private TileSet[] _sets;

    public CrossbarCells(Projection projection, SynapseTable table, TileSet[] sets, CellProgrammer programmer, ulong key, bool transmits)
    {
        _projection = projection;
        _ruleName = projection.Plasticity!.Rule.RuleName;
        _programmer = programmer;
        _key = key;
        _stream = CrossbarStreams.Programming(projection.Index);
        Transmits = transmits;
        int count = table.Count;
        int targets = projection.Target.Size;
        var delays = sets.Select(s => s.DelaySteps).ToArray();
        _setOf = new int[count];
        _source = table.Sources;
        _target = table.Targets;
        _requests = new ulong[count];
        var seen = new HashSet<(int Set, long Cell)>();
        for (int s = 0; s < count; s++)
        {
            int set = Array.IndexOf(delays, (int)table.DelaySteps[s]);
            if (!seen.Add((set, (long)table.Sources[s] * targets + table.Targets[s])))
            {
                throw new NotSupportedException($"Plastic projection {projection.Name} has two synapses from {table.Sources[s]} to {table.Targets[s]} with the same delay; "
                    + "the crossbar backend stores them on one cell pair and cannot let them learn apart.");
            }
            _setOf[s] = set;
        }
        _sets = sets;
    }

    /// <summary>Whether arrivals transmit the synapse's weight themselves (linear reads).</summary>
    public bool Transmits { get; }

    /// <summary>(Re)binds the projection to its tile sets after they are programmed.</summary>
    /// <returns>Every synapse's weight as its cells realise it, in generation order.</returns>
    public float[] Attach(TileSet[] sets)
    {
        _sets = sets;
        var weights = new float[_setOf.Length];
        for (int s = 0; s < weights.Length; s++)
        {
            weights[s] = (float)sets[_setOf[s]].Weight(_source[s], _target[s]);
        }
        return weights;
    }

    /// <summary>Turns a weight the rule changed into a programming request and loads what the cells realise.</summary>
    public void Commit(int s, float before, ref SynapseState synapse)
    {
        float requested = synapse.Weight;
        if (requested == before)
        {
            synapse.Weight = before;
            return;
        }
        if (!float.IsFinite(requested))
        {
            throw new InvalidOperationException($"Rule {_ruleName} requested weight {requested} for synapse {s} of projection {_projection.Name}; a crossbar cell pair can only be programmed to a finite weight.");
        }
        var rng = new CounterRng(_key, _stream, (uint)s, _requests[s]++ << 24);
        synapse.Weight = _programmer.Program(_sets[_setOf[s]], _source[s], _target[s], before, requested, ref rng);
    }
}
