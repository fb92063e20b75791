using ILGPU;
using ILGPU.Runtime;
using Snn.Backends.Checkpointing;
using Snn.Backends.Engine;
using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Gpu;

/// <summary>
/// A plastic projection run with rule <typeparamref name="TRule"/> on the device: ILGPU compiles
/// the rule's own methods into <see cref="PlasticityKernels"/>. Synapse and post states live on
/// the device, laid out by the engine core's <see cref="PlasticLayout"/> (rows by source, sorted by
/// delay); the host keeps the canonical order (that of <see cref="Projection.Instantiate"/>).
/// </summary>
internal sealed class DevicePlasticProjection<TRule> : DevicePlasticProjection where TRule : struct, IPlasticityRule<TRule>
{
    private readonly TRule _rule;
    private readonly string _owner;
    private readonly int _periodSteps;
    private readonly int _modulator;
    private readonly int _receptorOffset;
    private readonly int[] _rowStart;
    private readonly int[] _source;
    private readonly int[] _target;
    private readonly int[] _delay;
    private readonly SynapseState[] _initial;
    private readonly int[] _canonical;
    private readonly int[] _positionOf;
    private readonly int[] _incomingStart;
    private readonly int[] _incoming;
    private MemoryBuffer1D<int, Stride1D.Dense>? _rowStartBuffer;
    private MemoryBuffer1D<int, Stride1D.Dense>? _targetBuffer;
    private MemoryBuffer1D<int, Stride1D.Dense>? _delayBuffer;
    private MemoryBuffer1D<SynapseState, Stride1D.Dense>? _stateBuffer;
    private MemoryBuffer1D<int, Stride1D.Dense>? _incomingStartBuffer;
    private MemoryBuffer1D<int, Stride1D.Dense>? _incomingBuffer;
    private MemoryBuffer1D<PostState, Stride1D.Dense>? _postBuffer;
    private MemoryBuffer1D<float, Stride1D.Dense>? _noFactors;
    private PlasticSynapses _view;
    private LaunchShape _arrivalShape;
    private int _postThreads;
    private Action<AcceleratorStream, Index1D, TRule, PlasticSynapses, SpikeSink, DeviceRing, long, LaunchShape>? _arrivals;
    private Action<AcceleratorStream, Index1D, TRule, PlasticSynapses, SpikeSink, int, long, int>? _postSpikes;
    private Action<AcceleratorStream, Index1D, TRule, PlasticSynapses, long>? _periodic;

    public DevicePlasticProjection(Projection projection, PlasticitySpec<TRule> spec)
        : base(projection)
    {
        var network = projection.Source.Network;
        _rule = spec.TypedRule.Prepare(network.Dt);
        _owner = $"Projection {projection.Name} ({spec.Rule.RuleName})";
        double period = spec.Rule.PeriodMs;
        _periodSteps = period > 0 ? Math.Max(1, (int)Math.Round(period / network.Dt)) : 0;
        _modulator = spec.Modulator?.Index ?? -1;
        _receptorOffset = projection.Receptor == Receptor.Inhibitory ? network.NeuronCount : 0;
        var table = projection.Instantiate();
        int count = table.Count;
        var layout = new PlasticLayout(table, projection.Target.Size, projection.Source.Size, s => table.Sources[s],
            (a, b) => table.DelaySteps[a].CompareTo(table.DelaySteps[b]));
        (_rowStart, _canonical, _positionOf, _incomingStart, _incoming) = (layout.RowStart, layout.Canonical, layout.PositionOf, layout.IncomingStart, layout.Incoming);
        _source = new int[count];
        _target = new int[count];
        _delay = new int[count];
        _initial = new SynapseState[count];
        for (int position = 0; position < count; position++)
        {
            int s = _canonical[position];
            _source[position] = table.Sources[s];
            _target[position] = table.Targets[s];
            _delay[position] = table.DelaySteps[s];
            _initial[position] = new SynapseState { Weight = table.Weights[s], LastStep = -1 };
        }
        MaxDelay = count == 0 ? 1 : table.DelaySteps.Max();
    }

    public override int MaxDelay { get; }

    public override int SynapseCount => _target.Length;

    public override long DeviceBytes
        => (long)SynapseCount * (3 * sizeof(int) + System.Runtime.CompilerServices.Unsafe.SizeOf<SynapseState>() + sizeof(int))
        + (_rowStart.LongLength + _incomingStart.LongLength) * sizeof(int)
        + (long)Projection.Target.Size * System.Runtime.CompilerServices.Unsafe.SizeOf<PostState>();

    public override void Allocate(DeviceContext context)
    {
        var accelerator = context.Accelerator;
        _rowStartBuffer = accelerator.Allocate1D(_rowStart);
        _targetBuffer = accelerator.Allocate1D(NonEmpty(_target));
        _delayBuffer = accelerator.Allocate1D(NonEmpty(_delay));
        _stateBuffer = accelerator.Allocate1D(_initial.Length == 0 ? [default(SynapseState)] : _initial);
        _incomingStartBuffer = accelerator.Allocate1D(_incomingStart);
        _incomingBuffer = accelerator.Allocate1D(NonEmpty(_incoming));
        var post = new PostState[Projection.Target.Size];
        Array.Fill(post, new PostState { LastStep = -1 });
        _postBuffer = accelerator.Allocate1D(post);
        var shortTerm = context.ShortTerm;
        int shortTermBase = shortTerm?.EntryOf(Projection, 0) ?? 0;
        // Kernels get valid views only (as for empty arrays elsewhere): a one-value placeholder when
        // the network has no short-term plasticity; the arrivals never read it (ShortTermBase is 0).
        _noFactors = shortTerm is null ? accelerator.Allocate1D<float>(1) : null;
        _view = new PlasticSynapses
        {
            RowStart = _rowStartBuffer.View,
            Target = _targetBuffer.View,
            Delay = _delayBuffer.View,
            State = _stateBuffer.View,
            IncomingStart = _incomingStartBuffer.View,
            Incoming = _incomingBuffer.View,
            Post = _postBuffer.View,
            SourceOffset = Projection.Source.Offset,
            SourceSize = Projection.Source.Size,
            TargetOffset = Projection.Target.Offset,
            TargetSize = Projection.Target.Size,
            Column = Projection.Target.Offset + _receptorOffset,
            Modulators = context.Modulators,
            ModulatorIndex = _modulator,
            ShortTermFactors = shortTerm?.Factors ?? _noFactors!.View,
            ShortTermRow = shortTerm?.Count ?? 0,
            ShortTermBase = shortTermBase,
        };
        int lanes = context.Lanes;
        int workers = Math.Clamp(context.MaxThreads / (MaxDelay * lanes), 1, Math.Max(1, Projection.Source.Size));
        _arrivalShape = new LaunchShape { Lanes = lanes, Workers = workers };
        _postThreads = Math.Clamp(Projection.Target.Size, 1, context.MaxThreads);
        _arrivals = context.Load(_owner, $"{typeof(TRule).Name}.OnPreArrival",
            () => accelerator.LoadAutoGroupedKernel<Index1D, TRule, PlasticSynapses, SpikeSink, DeviceRing, long, LaunchShape>(PlasticityKernels.Arrivals));
        _postSpikes = context.Load(_owner, $"{typeof(TRule).Name}.OnPostSpike/AfterPostSpike",
            () => accelerator.LoadAutoGroupedKernel<Index1D, TRule, PlasticSynapses, SpikeSink, int, long, int>(PlasticityKernels.PostSpikes));
        if (_periodSteps > 0)
        {
            _periodic = context.Load(_owner, $"{typeof(TRule).Name}.OnPeriod",
                () => accelerator.LoadAutoGroupedKernel<Index1D, TRule, PlasticSynapses, long>(PlasticityKernels.Periodic));
        }
    }

    public override void LaunchArrivals(DeviceContext context, long step)
    {
        if (SynapseCount > 0)
        {
            long threads = (long)MaxDelay * _arrivalShape.Workers * _arrivalShape.Lanes;
            _arrivals!(context.Stream, checked((int)threads), _rule, _view, context.Sink, context.Ring, step, _arrivalShape);
        }
    }

    public override void LaunchPostSpikes(DeviceContext context, long step, int slot)
    {
        if (SynapseCount > 0)
        {
            _postSpikes!(context.Stream, _postThreads, _rule, _view, context.Sink, slot, step, _postThreads);
        }
    }

    public override void LaunchPeriodic(DeviceContext context, long step)
    {
        if (_periodSteps > 0 && SynapseCount > 0 && (step + 1) % _periodSteps == 0)
        {
            _periodic!(context.Stream, SynapseCount, _rule, _view, step);
        }
    }

    public override float[] GetWeights()
    {
        var states = States();
        var weights = new float[SynapseCount];
        for (int s = 0; s < weights.Length; s++)
        {
            weights[s] = states[_positionOf[s]].Weight;
        }
        return weights;
    }

    public override void SetWeights(ReadOnlySpan<float> weights)
    {
        if (SynapseCount == 0)
        {
            return;
        }
        var states = States();
        for (int s = 0; s < weights.Length; s++)
        {
            states[_positionOf[s]].Weight = weights[s];
        }
        _stateBuffer!.View.SubView(0, SynapseCount).CopyFromCPU(states);
    }

    public override void Save(CheckpointWriter writer, long step, Func<long, int[]> spikesOf)
    {
        var states = States();
        var synapses = new SynapseState[SynapseCount];
        for (int s = 0; s < synapses.Length; s++)
        {
            synapses[s] = states[_positionOf[s]];
        }
        var pendingSynapse = new List<int>();
        var pendingStep = new List<long>();
        for (long fired = Math.Max(0, step - MaxDelay); fired < step; fired++)
        {
            foreach (int neuron in spikesOf(fired))
            {
                int source = neuron - Projection.Source.Offset;
                if (source < 0 || source >= Projection.Source.Size)
                {
                    continue;
                }
                for (int k = _rowStart[source]; k < _rowStart[source + 1]; k++)
                {
                    if (fired + _delay[k] >= step)
                    {
                        pendingSynapse.Add(_canonical[k]);
                        pendingStep.Add(fired + _delay[k]);
                    }
                }
            }
        }
        PlasticCheckpoint.Write(writer, synapses, _postBuffer!.GetAsArray1D(), [.. pendingSynapse], [.. pendingStep]);
    }

    public override IEnumerable<(long Step, int Neuron)> PendingSpikes(PlasticCheckpoint checkpoint, long step)
    {
        var (_, _, pendingSynapse, pendingStep) = checkpoint;
        var spikes = new List<(long, int)>(pendingSynapse.Length);
        for (int i = 0; i < pendingSynapse.Length; i++)
        {
            int position = _positionOf[pendingSynapse[i]];
            long fired = pendingStep[i] - _delay[position];
            if (pendingStep[i] < step || fired >= step)
            {
                throw new InvalidDataException($"Checkpoint corrupt: a spike on synapse {pendingSynapse[i]} of {Projection.Name} arrives in step {pendingStep[i]}, outside [{step}, {step + _delay[position] - 1}].");
            }
            spikes.Add((fired, Projection.Source.Offset + _source[position]));
        }
        return spikes;
    }

    public override void Apply(PlasticCheckpoint checkpoint)
    {
        if (SynapseCount > 0)
        {
            var states = new SynapseState[SynapseCount];
            for (int s = 0; s < checkpoint.Synapses.Length; s++)
            {
                states[_positionOf[s]] = checkpoint.Synapses[s];
            }
            _stateBuffer!.View.SubView(0, SynapseCount).CopyFromCPU(states);
        }
        _postBuffer!.CopyFromCPU(checkpoint.Post);
    }

    public override void Dispose()
    {
        _rowStartBuffer?.Dispose();
        _targetBuffer?.Dispose();
        _delayBuffer?.Dispose();
        _stateBuffer?.Dispose();
        _incomingStartBuffer?.Dispose();
        _incomingBuffer?.Dispose();
        _postBuffer?.Dispose();
        _noFactors?.Dispose();
    }

    private SynapseState[] States()
    {
        if (SynapseCount == 0)
        {
            return [];
        }
        var states = new SynapseState[SynapseCount];
        _stateBuffer!.View.SubView(0, SynapseCount).CopyToCPU(states);
        return states;
    }

    private static int[] NonEmpty(int[] values) => values.Length == 0 ? [0] : values;
}
