using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Plasticity;
using Snn.Core.Randomness;

namespace Snn.Backends.Crossbar;

/// <summary>
/// A plastic projection on crossbar tiles run with rule <typeparamref name="TRule"/> (the JIT
/// specialises it). Synapse state, postsynaptic traces and the rule live in the periphery; each
/// synapse owns one differential pair of its delay's tile set. Before every rule event
/// <see cref="SynapseState.Weight"/> holds the weight the pair realises; after it, a changed weight is a
/// programming request, and the weight becomes what the cells realise after the pulses.
/// </summary>
internal sealed class CrossbarPlasticProjection<TRule> : CrossbarPlasticProjection where TRule : struct, IPlasticityRule<TRule>
{
    private readonly TRule _rule;
    private readonly string _ruleName;
    private readonly CellProgrammer _programmer;
    private readonly ulong _key;
    private readonly uint _stream;
    private readonly int _periodSteps;
    private readonly int _targetOffset;
    private readonly int[] _setOf;
    private readonly int[] _source;
    private readonly int[] _target;
    private readonly SynapseState[] _synapses;
    private readonly ulong[] _requests;
    private readonly PostState[] _post;
    private readonly int _sources;
    private readonly int[] _arrivalStart;
    private readonly int[] _arrivals;
    private readonly int[] _incomingStart;
    private readonly int[] _incoming;
    private TileSet[] _sets = [];

    public CrossbarPlasticProjection(Projection projection, PlasticitySpec<TRule> spec, SynapseTable table, TileSet[] sets, CellProgrammer programmer, ulong key)
        : base(projection)
    {
        var network = projection.Source.Network;
        _rule = spec.TypedRule.Prepare(network.Dt);
        _ruleName = spec.Rule.RuleName;
        _programmer = programmer;
        _key = key;
        _stream = CrossbarStreams.Programming(projection.Index);
        double period = spec.Rule.PeriodMs;
        _periodSteps = period > 0 ? Math.Max(1, (int)Math.Round(period / network.Dt)) : 0;
        _targetOffset = projection.Target.Offset;
        int count = table.Count;
        _sources = projection.Source.Size;
        int targets = projection.Target.Size;
        var delays = sets.Select(s => s.DelaySteps).ToArray();
        _setOf = new int[count];
        _source = table.Sources;
        _target = table.Targets;
        _synapses = new SynapseState[count];
        _requests = new ulong[count];
        var seen = new HashSet<(int Set, long Cell)>();
        var arrivalKey = new int[count];
        for (int s = 0; s < count; s++)
        {
            int set = Array.IndexOf(delays, (int)table.DelaySteps[s]);
            if (!seen.Add((set, (long)table.Sources[s] * targets + table.Targets[s])))
            {
                throw new NotSupportedException($"Plastic projection {projection.Name} has two synapses from {table.Sources[s]} to {table.Targets[s]} with the same delay; "
                    + "the crossbar backend stores them on one cell pair and cannot let them learn apart.");
            }
            _setOf[s] = set;
            arrivalKey[s] = set * _sources + table.Sources[s];
        }
        (_arrivalStart, _arrivals) = IncomingIndex.Build(sets.Length * _sources, arrivalKey);
        (_incomingStart, _incoming) = IncomingIndex.Build(targets, _target);
        _post = new PostState[targets];
        Array.Fill(_post, new PostState { LastStep = -1 });
        Array.Fill(_synapses, new SynapseState { LastStep = -1 });
        Attach(sets);
    }

    public override void Attach(TileSet[] sets)
    {
        _sets = sets;
        for (int s = 0; s < _synapses.Length; s++)
        {
            _synapses[s].Weight = (float)sets[_setOf[s]].Weight(_source[s], _target[s]);
        }
    }

    public override void Arrive(int set, ReadOnlySpan<int> sources, long step, float modulator, Span<float> ring)
    {
        int first = set * _sources;
        bool transmit = !ring.IsEmpty;
        foreach (int source in sources)
        {
            for (int k = _arrivalStart[first + source]; k < _arrivalStart[first + source + 1]; k++)
            {
                int s = _arrivals[k];
                ref var synapse = ref _synapses[s];
                float before = synapse.Weight;
                _rule.OnPreArrival(ref synapse, _post[_target[s]], modulator, step);
                Commit(s, before);
                if (transmit)
                {
                    ring[_target[s]] += synapse.Weight;
                }
            }
        }
    }

    public override void PostSpikes(ReadOnlySpan<int> fired, long step, float modulator)
    {
        int targets = _post.Length;
        foreach (int neuron in fired)
        {
            int target = neuron - _targetOffset;
            if ((uint)target >= (uint)targets)
            {
                continue;
            }
            ref var post = ref _post[target];
            for (int k = _incomingStart[target]; k < _incomingStart[target + 1]; k++)
            {
                int s = _incoming[k];
                float before = _synapses[s].Weight;
                _rule.OnPostSpike(ref _synapses[s], post, modulator, step);
                Commit(s, before);
            }
            _rule.AfterPostSpike(ref post, step);
        }
    }

    public override void Periodic(long step, float modulator)
    {
        if (_periodSteps == 0 || (step + 1) % _periodSteps != 0)
        {
            return;
        }
        for (int target = 0; target < _post.Length; target++)
        {
            var post = _post[target];
            for (int k = _incomingStart[target]; k < _incomingStart[target + 1]; k++)
            {
                int s = _incoming[k];
                float before = _synapses[s].Weight;
                _rule.OnPeriod(ref _synapses[s], post, modulator, step);
                Commit(s, before);
            }
        }
    }

    public override float[] GetWeights()
    {
        var weights = new float[_synapses.Length];
        for (int s = 0; s < weights.Length; s++)
        {
            weights[s] = _synapses[s].Weight;
        }
        return weights;
    }

    /// <summary>Turns a weight the rule changed into a programming request and loads what the cells realise.</summary>
    private void Commit(int s, float before)
    {
        ref var synapse = ref _synapses[s];
        float requested = synapse.Weight;
        if (requested == before)
        {
            synapse.Weight = before;
            return;
        }
        if (!float.IsFinite(requested))
        {
            throw new InvalidOperationException($"Rule {_ruleName} requested weight {requested} for synapse {s} of projection {Projection.Name}; a crossbar cell pair can only be programmed to a finite weight.");
        }
        var rng = new CounterRng(_key, _stream, (uint)s, _requests[s]++ << 24);
        synapse.Weight = _programmer.Program(_sets[_setOf[s]], _source[s], _target[s], before, requested, ref rng);
    }
}
