using Snn.Backends.Checkpointing;
using Snn.Backends.Cpu;
using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Engine;

/// <summary>
/// The one plastic-projection dispatcher of every clock-driven CPU-side engine: a plastic projection
/// run with rule <typeparamref name="TRule"/> on weights kept in <typeparamref name="TStore"/> (the JIT
/// specialises both). It walks its per-thread queues and incoming index and runs each event through
/// the bodies the GPU kernels run too (<see cref="PlasticEvents"/>, over <see cref="PlasticArrays"/>). Synapses sit in CSR by source per target partition (for delivery) with an
/// incoming index per target in generation order (<see cref="PlasticLayout"/>) (for postsynaptic and periodic events); a rule with
/// an <see cref="IBatchedEventRule"/> batch gets a queue slot's arrivals and a target's incoming list in one call each where
/// the store keeps the weights in the states; a synapse
/// and its target's post state are only ever touched by the thread that owns the target. A
/// distributed engine keeps only the synapses onto its own neurons (the <c>keepTarget</c> filter);
/// indices in the public members are always generation-order indices of the whole projection.
/// </summary>
internal sealed class PlasticProjection<TRule, TStore> : PlasticProjection
    where TRule : struct, IPlasticityRule<TRule>
    where TStore : struct, IWeightStore
{
    private readonly TRule _rule;
    private readonly TStore _store;
    private readonly Partitioning _partitioning;
    private readonly int _sourceOffset;
    private readonly int _sourceSize;
    private readonly int _targetOffset;
    private readonly int _targetSize;
    private readonly int _receptorOffset;
    private readonly int[] _rowStart;
    private readonly int[] _target;
    private readonly ushort[] _delay;
    private readonly SynapseState[] _synapses;
    private readonly int[] _canonical;
    private readonly int[] _positionOf;
    private readonly int[] _incomingStart;
    private readonly int[] _incoming;
    private readonly PostState[] _post;
    private readonly PlasticArrays _arrays;
    private readonly ISpikeEventBatch? _batch;
    private readonly int _periodSteps;
    private readonly ShortTermState? _shortTerm;
    private readonly int[]? _shortTermEntry;
    private DelayRing? _ring;
    private GrowableIntList[][] _queues = [];

    /// <summary>Builds the projection's synapses onto the targets <paramref name="keepTarget"/> accepts
    /// (global neuron index; all when null) in <paramref name="partitioning"/>'s CSR layout; a projection
    /// with short-term plasticity scales each arrival by its source's factor in <paramref name="shortTerm"/>.</summary>
    public PlasticProjection(Projection projection, PlasticitySpec<TRule> spec, Partitioning partitioning, TStore store,
        Func<int, bool>? keepTarget = null, ShortTermState? shortTerm = null)
        : base(projection)
    {
        var network = projection.Source.Network;
        _rule = spec.TypedRule.Prepare(network.Dt);
        _store = store;
        _partitioning = partitioning;
        _sourceOffset = projection.Source.Offset;
        _sourceSize = projection.Source.Size;
        _targetOffset = projection.Target.Offset;
        _targetSize = projection.Target.Size;
        _receptorOffset = projection.Receptor == Receptor.Inhibitory ? network.NeuronCount : 0;
        double period = spec.Rule.PeriodMs;
        _periodSteps = period > 0 ? Math.Max(1, (int)Math.Round(period / network.Dt)) : 0;
        var table = projection.Instantiate();
        int total = table.Count;
        int rows = _sourceSize + 1;
        var layout = new PlasticLayout(table, _targetSize, partitioning.Count * rows,
            s => keepTarget is null || keepTarget(_targetOffset + table.Targets[s]) ? PartOfLocalTarget(table.Targets[s]) * rows + table.Sources[s] : -1);
        int count = layout.Count;
        (_rowStart, _canonical, _positionOf, _incomingStart, _incoming) = (layout.RowStart, layout.Canonical, layout.PositionOf, layout.IncomingStart, layout.Incoming);
        _target = new int[count];
        _delay = new ushort[count];
        _synapses = new SynapseState[count];
        if (projection.ShortTerm is not null)
        {
            _shortTerm = shortTerm ?? throw new ArgumentException($"Projection {projection.Index} has short-term plasticity but the engine keeps no short-term state.", nameof(shortTerm));
            _shortTermEntry = new int[count];
        }
        for (int position = 0; position < count; position++)
        {
            int s = _canonical[position];
            _target[position] = table.Targets[s];
            _delay[position] = table.DelaySteps[s];
            _synapses[position] = new SynapseState { Weight = table.Weights[s], LastStep = -1 };
            if (_shortTermEntry is not null)
            {
                _shortTermEntry[position] = _shortTerm!.EntryOf(projection, table.Sources[s]);
            }
        }
        SynapseCount = total;
        MaxDelay = total == 0 ? 1 : table.DelaySteps.Max();
        MinDelay = count == 0 ? int.MaxValue : _delay.Min(d => (int)d);
        _post = new PostState[_targetSize];
        Array.Fill(_post, new PostState { LastStep = -1 });
        _arrays = new PlasticArrays(_synapses, _post, _incomingStart, _incoming, _canonical);
        _batch = !_store.CommitsWeights && _rule is IBatchedEventRule batched ? batched.CreateEventBatch() : null;
    }

    public override int MaxDelay { get; }

    public override int MinDelay { get; }

    public override int SynapseCount { get; }

    public override void Attach(DelayRing ring)
    {
        _ring = ring;
        _queues = new GrowableIntList[_partitioning.Count][];
        for (int p = 0; p < _queues.Length; p++)
        {
            _queues[p] = new GrowableIntList[ring.Slots];
            for (int s = 0; s < ring.Slots; s++)
            {
                _queues[p][s] = new GrowableIntList();
            }
        }
    }

    public override void ProcessArrivals(int part, long step, int slot, float modulator)
    {
        var queue = _queues[part][slot];
        if (queue.Count == 0)
        {
            return;
        }
        var ring = _ring!;
        var data = ring.Data;
        int slotBase = slot * ring.Stride + _targetOffset + _receptorOffset;
        if (_batch is not null)
        {
            _batch.OnPreArrivals(_synapses, _post, queue.Items, _target, modulator, step);
            if (_store.Transmits)
            {
                foreach (int position in queue.Items)
                {
                    float weight = _synapses[position].Weight;
                    data[slotBase + _target[position]] += _shortTermEntry is null ? weight : weight * ShortTermFactor(part, slot, position);
                }
            }
            queue.Clear();
            return;
        }
        foreach (int position in queue.Items)
        {
            int target = _target[position];
            float weight = PlasticEvents.Arrive(_rule, _arrays, _store, position, target, modulator, step);
            if (_store.Transmits)
            {
                data[slotBase + target] += _shortTermEntry is null ? weight : weight * ShortTermFactor(part, slot, position);
            }
        }
        queue.Clear();
    }

    public override void ProcessPostSpikes(ReadOnlySpan<int> spikes, long step, float modulator)
    {
        foreach (int neuron in spikes)
        {
            int target = neuron - _targetOffset;
            if ((uint)target >= (uint)_targetSize)
            {
                continue;
            }
            if (_batch is null)
            {
                PlasticEvents.PostSpike(_rule, _arrays, _store, target, modulator, step);
                continue;
            }
            int first = _incomingStart[target];
            _batch.OnPostSpike(_synapses, _incoming.AsSpan(first, _incomingStart[target + 1] - first), _post[target], modulator, step);
            _rule.AfterPostSpike(ref _post[target], step);
        }
    }

    public override void Deliver(int part, ReadOnlySpan<int> spikes, int slot)
    {
        var queues = _queues[part];
        int slots = queues.Length;
        int rowBase = part * (_sourceSize + 1);
        foreach (int neuron in spikes)
        {
            int source = neuron - _sourceOffset;
            if ((uint)source >= (uint)_sourceSize)
            {
                continue;
            }
            for (int k = _rowStart[rowBase + source]; k < _rowStart[rowBase + source + 1]; k++)
            {
                int arrival = slot + _delay[k];
                if (arrival >= slots)
                {
                    arrival -= slots;
                }
                queues[arrival].Add(k);
            }
        }
    }

    public override void Periodic(int part, long step, float modulator)
    {
        if (_periodSteps == 0 || (step + 1) % _periodSteps != 0)
        {
            return;
        }
        var (first, last) = TargetRange(part);
        for (int target = first; target < last; target++)
        {
            var post = _post[target];
            for (int k = _incomingStart[target]; k < _incomingStart[target + 1]; k++)
            {
                PlasticEvents.Period(_rule, _arrays, _store, _incoming[k], post, modulator, step);
            }
        }
    }

    public override void SampleWeights(int part, float[] row)
    {
        var (first, last) = TargetRange(part);
        for (int k = _incomingStart[first]; k < _incomingStart[last]; k++)
        {
            int position = _incoming[k];
            row[_canonical[position]] = _synapses[position].Weight;
        }
    }

    public override float[] GetWeights()
    {
        var weights = new float[SynapseCount];
        for (int position = 0; position < _synapses.Length; position++)
        {
            weights[_canonical[position]] = _synapses[position].Weight;
        }
        return weights;
    }

    public override void SetWeights(ReadOnlySpan<float> weights)
    {
        for (int position = 0; position < _synapses.Length; position++)
        {
            _synapses[position].Weight = weights[_canonical[position]];
        }
    }

    public override bool IsLocal(int synapse) => _positionOf[synapse] >= 0;

    public override void Save(CheckpointWriter writer, long step)
    {
        var synapses = new SynapseState[SynapseCount];
        for (int position = 0; position < _synapses.Length; position++)
        {
            synapses[_canonical[position]] = _synapses[position];
        }
        var pendingSynapse = new List<int>();
        var pendingStep = new List<long>();
        int slots = _ring!.Slots;
        int current = _ring.SlotOf(step);
        foreach (var partQueues in _queues)
        {
            for (int slot = 0; slot < slots; slot++)
            {
                long arrival = step + (slot - current + slots) % slots;
                foreach (int position in partQueues[slot].Items)
                {
                    pendingSynapse.Add(_canonical[position]);
                    pendingStep.Add(arrival);
                }
            }
        }
        PlasticCheckpoint.Write(writer, synapses, _post, [.. pendingSynapse], [.. pendingStep]);
    }

    public override void Apply(PlasticCheckpoint checkpoint)
    {
        var (synapses, post, pendingSynapse, pendingStep) = checkpoint;
        for (int position = 0; position < _synapses.Length; position++)
        {
            _synapses[position] = synapses[_canonical[position]];
        }
        post.CopyTo(_post, 0);
        foreach (var partQueues in _queues)
        {
            foreach (var queue in partQueues)
            {
                queue.Clear();
            }
        }
        for (int i = 0; i < pendingSynapse.Length; i++)
        {
            int position = _positionOf[pendingSynapse[i]];
            if (position < 0)
            {
                continue;
            }
            _queues[PartOfLocalTarget(_target[position])][_ring!.SlotOf(pendingStep[i])].Add(position);
        }
    }

    /// <summary>The short-term factor u·x of the spike arriving now at <paramref name="position"/>,
    /// fixed when it left, its delay before <paramref name="slot"/>.</summary>
    private float ShortTermFactor(int part, int slot, int position)
    {
        int emitted = slot - _delay[position];
        if (emitted < 0)
        {
            emitted += _ring!.Slots;
        }
        return _shortTerm!.Factor(part, emitted, _shortTermEntry![position]);
    }

    private int PartOfLocalTarget(int target) => _partitioning.PartOf(_targetOffset + target);

    /// <summary>The local targets owned by <paramref name="part"/>.</summary>
    private (int First, int Last) TargetRange(int part)
    {
        int first = Math.Clamp(_partitioning.Start(part) - _targetOffset, 0, _targetSize);
        int last = Math.Clamp(_partitioning.End(part) - _targetOffset, 0, _targetSize);
        return (first, last);
    }
}
