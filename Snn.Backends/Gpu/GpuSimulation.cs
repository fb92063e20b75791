using ILGPU;
using ILGPU.Runtime;
using Snn.Backends.Engine;
using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Inputs;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;
using Snn.Core.Validation;

namespace Snn.Backends.Gpu;

/// <summary>
/// A network compiled for an ILGPU accelerator. All state stays on the device; the engine core's
/// step loop (<see cref="StepLoop"/>) runs its phases as kernel launches on one stream with no host
/// round trip (<c>GpuSimulation.Phases.cs</c>). The host side is the engine core's: the initial state
/// (<see cref="EngineCore.InitialState"/>), the recorded-spike mask (<see cref="EngineCore.RecordedMask"/>),
/// the spike log, the weight monitor buffers and the checkpoint layout (<c>GpuSimulation.Checkpoint.cs</c>).
/// Recorded spikes and state samples are copied back in batches; weight snapshots are copied when
/// taken. The step order is the CPU engine's, so the same seed gives the same spikes wherever the
/// float sums into a neuron do not depend on their order (see the README).
/// </summary>
internal sealed partial class GpuSimulation : IStepPhases, ICheckpointing, IModulation, IWeightWriting, IWeightRecording, ISpikeDiscarding
{
    private const long LogEntryBudget = 1L << 22;

    private readonly Network _network;
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly DeviceContext _device;
    private readonly DeviceGroup[] _groups;
    private readonly StaticSynapseTable _static;
    private readonly DevicePlasticProjection?[] _plasticByProjection;
    private readonly DevicePlasticProjection[] _plastic;
    private readonly DeviceInjection[] _injections;
    private readonly PoissonDrive[] _drives;
    private readonly DeviceStateMonitor[] _stateMonitors;
    private readonly WeightMonitorBuffer[] _weightMonitors;
    private readonly int _slots;
    private readonly int _logBatchSteps;
    private readonly int _recordedCount;
    private readonly int _injectedCount;
    private readonly List<IDisposable> _buffers = [];
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _v;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _u;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _synE;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _synI;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _refractory;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _ring;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _history;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _historyCounts;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _logNeurons;
    private readonly MemoryBuffer1D<long, Stride1D.Dense> _logSteps;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _logCount;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _weights;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _modulators;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _injected;
    private readonly MemoryBuffer1D<int, Stride1D.Dense>[] _injectionNeurons;
    private readonly StaticSynapses _staticView;
    private readonly ModulatorParameters[] _modulatorParameters;
    private readonly MemoryBuffer1D<ModulatorParameters, Stride1D.Dense> _modulatorParameterBuffer;
    private readonly LaunchShape _deliveryShape;
    private readonly Action<AcceleratorStream, Index1D, SpikeSink, StaticSynapses, DeviceRing, int, LaunchShape> _deliver;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<int>, ArrayView<float>> _zeroCurrent;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<int>, ArrayView<float>, float, InjectionNoise> _addCurrent;
    private readonly Action<AcceleratorStream, Index1D, DeviceRing, PoissonDriveStep> _drive;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<ModulatorParameters>, ArrayView<int>> _advanceModulators;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<int>, ArrayView<float>, ArrayView<float>, long> _sample;
    private readonly SpikeLog _log = new();
    private readonly DeviceShortTerm? _shortTerm;
    private long _step;
    private int _stepsSinceFlush;
    private bool _disposed;

    public GpuSimulation(Network network, GpuBackendOptions options)
    {
        _network = network;
        int n = network.NeuronCount;
        _groups = network.Populations.Select(p => p.Accept(new DeviceGroupFactory())).ToArray();
        _static = new StaticSynapseTable(network);
        var plasticFactory = new DevicePlasticFactory();
        _plasticByProjection = network.Projections.Select(p => p.Plasticity?.Accept(plasticFactory, p)).ToArray();
        _plastic = _plasticByProjection.OfType<DevicePlasticProjection>().ToArray();
        _slots = Math.Max(_static.MaxDelay, _plastic.Select(p => p.MaxDelay).DefaultIfEmpty(1).Max()) + 1;
        _shortTerm = DeviceShortTerm.For(network, _static, _slots);
        _injections = network.Injections.Select(i => new DeviceInjection(i, network)).ToArray();
        _drives = [.. network.PoissonDrives];
        var recorded = EngineCore.RecordedMask(network).Select(r => r ? 1 : 0).ToArray();
        _recordedCount = recorded.Sum();
        _logBatchSteps = _recordedCount == 0 ? options.MonitorBatchSteps
            : (int)Math.Clamp(LogEntryBudget / _recordedCount, 1, options.MonitorBatchSteps);
        long logCapacity = Math.Max(1, (long)_logBatchSteps * _recordedCount);
        _stateMonitors = network.Monitors.OfType<StateMonitor>().Select(m => new DeviceStateMonitor(m, options.MonitorBatchSteps)).ToArray();
        _weightMonitors = network.WeightMonitors.Select(m => new WeightMonitorBuffer(m, SynapseCountOf(m.Projection))).ToArray();
        var injected = _injections.SelectMany(i => i.Neurons).Distinct().Order().ToArray();
        _injectedCount = injected.Length;

        var plan = new DeviceMemoryPlan();
        plan.Add("neuron state", (long)n * 6 * sizeof(float));
        plan.Add($"delay rings ({_slots} slots × 2 × {n} neurons)", (long)_slots * 2 * n * sizeof(float));
        plan.Add($"spike lists ({_slots} steps × {n} neurons)", (long)_slots * (n + 1) * sizeof(int));
        plan.Add($"static synapses ({_static.Count})", _static.DeviceBytes);
        plan.Add("short-term plasticity", _shortTerm?.DeviceBytes ?? 0);
        plan.Add($"spike monitor buffer ({_logBatchSteps} steps × {_recordedCount} neurons)", logCapacity * (sizeof(int) + sizeof(long)) + (long)n * sizeof(int));
        foreach (var group in _groups)
        {
            plan.Add($"population '{group.Population.Name}'", group.DeviceBytes);
        }
        foreach (var plastic in _plastic)
        {
            plan.Add($"plastic projection {plastic.Projection.Name} ({plastic.SynapseCount} synapses)", plastic.DeviceBytes);
        }
        foreach (var monitor in _stateMonitors)
        {
            plan.Add($"state monitor of '{monitor.Monitor.Population.Name}'", monitor.DeviceBytes);
        }
        plan.Add("current injections", (injected.LongLength + _injections.Sum(i => (long)i.Neurons.Length)) * sizeof(int));

        (_context, _accelerator) = AcceleratorFactory.Create(options);
        try
        {
            long available = Math.Min(options.DeviceMemoryLimitBytes ?? long.MaxValue, _accelerator.MemorySize);
            plan.Check(available, $"the {_accelerator.AcceleratorType} accelerator '{_accelerator.Name}'");
            Usage = new GpuDeviceUsage(_accelerator.AcceleratorType.ToString(), _accelerator.Name, _accelerator.MemorySize, plan.Total);
            _device = new DeviceContext(_accelerator);
            _v = Allocate<float>(n);
            _u = Allocate<float>(n);
            _synE = Allocate<float>(n);
            _synI = Allocate<float>(n);
            _refractory = Allocate<int>(n);
            var current = Allocate<float>(n);
            _ring = Allocate<float>((long)_slots * 2 * n);
            _history = Allocate<int>((long)_slots * n);
            _historyCounts = Allocate<int>(_slots);
            var populationCounts = Allocate<int>(network.Populations.Count);
            var recordedBuffer = Track(_accelerator.Allocate1D(recorded));
            _logNeurons = Allocate<int>(logCapacity);
            _logSteps = Allocate<long>(logCapacity);
            _logCount = Allocate<int>(1);
            current.MemSetToZero();
            _ring.MemSetToZero();
            _historyCounts.MemSetToZero();
            populationCounts.MemSetToZero();
            _logCount.MemSetToZero();
            _device.State = new NeuronArrays { V = _v.View, U = _u.View, SynE = _synE.View, SynI = _synI.View, Refractory = _refractory.View, Current = current.View };
            _device.Ring = new DeviceRing { Data = _ring.View, Slots = _slots, Neurons = n };
            _device.Sink = new SpikeSink
            {
                History = _history.View,
                Counts = _historyCounts.View,
                PopulationCounts = populationCounts.View,
                Recorded = recordedBuffer.View,
                LogNeurons = _logNeurons.View,
                LogSteps = _logSteps.View,
                LogCount = _logCount.View,
                Neurons = n,
            };
            var rowStart = Track(_accelerator.Allocate1D(_static.RowStart));
            var column = Track(_accelerator.Allocate1D(NonEmpty(_static.Column)));
            _weights = Track(_accelerator.Allocate1D(_static.Count == 0 ? [0f] : _static.Weight));
            var delay = Track(_accelerator.Allocate1D(_static.Count == 0 ? [(ushort)1] : _static.Delay));
            _staticView = new StaticSynapses { RowStart = rowStart.View, Column = column.View, Weight = _weights.View, Delay = delay.View };
            _modulatorParameters = network.Modulators.Select(m => new ModulatorParameters
            {
                Baseline = (float)m.Baseline,
                Decay = (float)Math.Exp(-network.Dt / m.TauMs),
                Gain = (float)m.GainPerSpike,
                Source = m.Source?.Index ?? -1,
            }).ToArray();
            _modulatorParameterBuffer = Track(_accelerator.Allocate1D(_modulatorParameters.Length == 0 ? [default(ModulatorParameters)] : _modulatorParameters));
            _modulators = Track(_accelerator.Allocate1D(_modulatorParameters.Length == 0 ? [0f] : _modulatorParameters.Select(m => m.Baseline).ToArray()));
            _device.Modulators = _modulators.View;
            _injected = Track(_accelerator.Allocate1D(NonEmpty(injected)));
            _injectionNeurons = _injections.Select(i => Track(_accelerator.Allocate1D(NonEmpty(i.Neurons)))).ToArray();
            foreach (var group in _groups)
            {
                group.Allocate(_device);
            }
            _shortTerm?.Allocate(_device);
            _device.ShortTerm = _shortTerm;
            foreach (var plastic in _plastic)
            {
                plastic.Allocate(_device);
            }
            foreach (var monitor in _stateMonitors)
            {
                monitor.Allocate(_accelerator);
            }
            var initial = EngineCore.InitialState(network);
            UploadState(initial.V, initial.U, initial.SynE, initial.SynI, initial.Refractory);
            int lanes = _device.Lanes;
            _deliveryShape = new LaunchShape { Lanes = lanes, Workers = Math.Clamp(_device.MaxThreads / lanes, 1, n) };
            var accelerator = _accelerator;
            _deliver = _device.Load("Static delivery", "the delivery kernel",
                () => accelerator.LoadAutoGroupedKernel<Index1D, SpikeSink, StaticSynapses, DeviceRing, int, LaunchShape>(DeliveryKernels.DeliverStatic));
            _zeroCurrent = _device.Load("Current injections", "the current reset",
                () => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<int>, ArrayView<float>>(InputKernels.ZeroCurrent));
            _addCurrent = _device.Load("Current injections", "the current injection (Math.Sqrt, Math.Log, Math.Cos)",
                () => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<int>, ArrayView<float>, float, InjectionNoise>(InputKernels.AddCurrent));
            _drive = _device.Load("Poisson drives", "PoissonDrive.Sample",
                () => accelerator.LoadAutoGroupedKernel<Index1D, DeviceRing, PoissonDriveStep>(InputKernels.Drive));
            _advanceModulators = _device.Load("Modulators", "the modulator kernel",
                () => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<float>, ArrayView<ModulatorParameters>, ArrayView<int>>(StepKernels.AdvanceModulators));
            _sample = _device.Load("State monitors", "the sampling kernel",
                () => accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<int>, ArrayView<float>, ArrayView<float>, long>(StepKernels.Sample));
            _accelerator.Synchronize();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public Network Network => _network;

    /// <summary>The device this simulation runs on and the memory its buffers take.</summary>
    public GpuDeviceUsage Usage { get; }

    public long StepCount => _step;

    public double TimeMs => _step * _network.Dt;

    public void Run(double durationMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long steps = SimulationLimits.StepsOf(durationMs, _network.Dt);
        foreach (var monitor in _weightMonitors)
        {
            monitor.PrepareUntil(_step + steps - 1);
        }
        StepLoop.Run(this, _step, steps, _slots);
        _step += steps;
        FlushSpikes();
        foreach (var monitor in _stateMonitors)
        {
            monitor.Flush();
        }
        _accelerator.Synchronize();
    }

    public void DiscardSpikes(double untilMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        MonitorRecords.Discard(_log, untilMs, _network.Dt);
    }

    public SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs = 0)
    {
        CheckMonitor(monitor);
        long since = MonitorRecords.SinceStep(sinceMs, _network.Dt);
        var (times, neurons) = _log.Select(monitor.Population, MonitorRecords.Mask(monitor), since);
        return MonitorRecords.Spikes(monitor, times, neurons, _network.Dt, since, TimeMs);
    }

    public RateRecord GetRate(RateMonitor monitor)
    {
        CheckMonitor(monitor);
        var (times, _) = _log.Select(monitor.Population, MonitorRecords.Mask(monitor), 0);
        return MonitorRecords.Rate(monitor, times, _step, _network.Dt);
    }

    public StateRecord GetState(StateMonitor monitor)
    {
        CheckMonitor(monitor);
        return _stateMonitors.First(m => m.Monitor == monitor).ToRecord(_network.Dt);
    }

    public WeightRecord GetWeights(WeightMonitor monitor) => WeightMonitorBuffer.Of(_weightMonitors, monitor).ToRecord(_network.Dt);

    public double GetModulator(Modulator modulator)
    {
        SimulationChecks.Modulator(_network, modulator);
        var values = new float[_modulatorParameters.Length];
        _modulators.View.SubView(0, values.Length).CopyToCPU(values);
        return values[modulator.Index];
    }

    public void SetModulator(Modulator modulator, double value)
    {
        SimulationChecks.Modulator(_network, modulator);
        Guard.Finite(value, nameof(value));
        _modulators.View.SubView(modulator.Index, 1).CopyFromCPU([(float)value]);
    }

    private int SynapseCountOf(Projection projection)
        => _plasticByProjection[projection.Index]?.SynapseCount ?? _static.PositionsOf(projection).Length;

    public float[] GetWeights(Projection projection)
    {
        CheckProjection(projection);
        if (_plasticByProjection[projection.Index] is { } plastic)
        {
            return plastic.GetWeights();
        }
        var positions = _static.PositionsOf(projection);
        var weights = new float[positions.Length];
        if (positions.Length == 0)
        {
            return weights;
        }
        var all = _weights.GetAsArray1D();
        for (int s = 0; s < positions.Length; s++)
        {
            weights[s] = all[positions[s]];
        }
        return weights;
    }

    public void SetWeights(Projection projection, ReadOnlySpan<float> weights)
    {
        CheckProjection(projection);
        int count = SynapseCountOf(projection);
        SimulationChecks.Weights(projection, weights, count);
        if (_plasticByProjection[projection.Index] is { } plastic)
        {
            plastic.SetWeights(weights);
            return;
        }
        if (count == 0)
        {
            return;
        }
        var all = _weights.GetAsArray1D();
        var positions = _static.PositionsOf(projection);
        for (int s = 0; s < weights.Length; s++)
        {
            all[positions[s]] = weights[s];
        }
        _weights.CopyFromCPU(all);
    }

    private MemoryBuffer1D<T, Stride1D.Dense> Allocate<T>(long length) where T : unmanaged
        => Track(_accelerator.Allocate1D<T>(Math.Max(1, length)));

    private TBuffer Track<TBuffer>(TBuffer buffer) where TBuffer : IDisposable
    {
        _buffers.Add(buffer);
        return buffer;
    }

    private static T[] NonEmpty<T>(T[] values) where T : unmanaged => values.Length == 0 ? [default] : values;

    private void CheckMonitor(NeuronMonitor monitor) => SimulationChecks.Monitor(_network, monitor, _disposed, this);

    private void CheckProjection(Projection projection) => SimulationChecks.Projection(_network, projection, _disposed, this);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var group in _groups ?? [])
        {
            group.Dispose();
        }
        foreach (var plastic in _plastic ?? [])
        {
            plastic.Dispose();
        }
        foreach (var monitor in _stateMonitors ?? [])
        {
            monitor.Dispose();
        }
        _shortTerm?.Dispose();
        foreach (var buffer in _buffers)
        {
            buffer.Dispose();
        }
        _accelerator?.Dispose();
        _context?.Dispose();
    }
}
