using ILGPU;
using ILGPU.Runtime;
using Snn.Backends.Checkpointing;
using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Inputs;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Randomness;
using Snn.Core.Simulation;
using Snn.Core.Validation;

namespace Snn.Backends.Gpu;

/// <summary>
/// A network compiled for an ILGPU accelerator. All state stays on the device; each step k is a
/// fixed sequence of kernel launches on one stream with no host round trip: injected currents,
/// plastic arrivals (synapses whose presynaptic spike reaches them now run the rule and transmit),
/// Poisson drives, one neuron kernel per population (spikes compacted into the step's list with an
/// atomic counter), postsynaptic rule events, static delivery into the delay rings (atomic adds),
/// the modulators, clearing the next step's spike list, periodic rule updates and state sampling. Recorded
/// spikes and state samples are copied back in batches; weight snapshots are copied when taken.
/// The step order is the CPU engine's, so the same seed gives the same spikes wherever the float
/// sums into a neuron do not depend on their order (see the README).
/// </summary>
internal sealed class GpuSimulation : ICheckpointing, IModulation, IWeightWriting, IWeightRecording, ISpikeDiscarding
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
    private readonly (WeightMonitor Monitor, List<float[]> Rows)[] _weightMonitors;
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
        var recorded = new int[n];
        foreach (var monitor in network.Monitors)
        {
            if (monitor is SpikeMonitor or RateMonitor)
            {
                foreach (int neuron in monitor.Neurons)
                {
                    recorded[monitor.Population.Offset + neuron] = 1;
                }
            }
        }
        _recordedCount = recorded.Sum();
        _logBatchSteps = _recordedCount == 0 ? options.MonitorBatchSteps
            : (int)Math.Clamp(LogEntryBudget / _recordedCount, 1, options.MonitorBatchSteps);
        long logCapacity = Math.Max(1, (long)_logBatchSteps * _recordedCount);
        _stateMonitors = network.Monitors.OfType<StateMonitor>().Select(m => new DeviceStateMonitor(m, options.MonitorBatchSteps)).ToArray();
        _weightMonitors = network.WeightMonitors.Select(m => (m, new List<float[]>())).ToArray();
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
            foreach (var plastic in _plastic)
            {
                plastic.Allocate(_device);
            }
            foreach (var monitor in _stateMonitors)
            {
                monitor.Allocate(_accelerator);
            }
            _shortTerm?.Allocate(_device);
            UploadInitialState();
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
        for (long k = 0; k < steps; k++)
        {
            Step(_step);
            _step++;
            if (++_stepsSinceFlush >= _logBatchSteps)
            {
                FlushSpikes();
            }
        }
        FlushSpikes();
        foreach (var monitor in _stateMonitors)
        {
            monitor.Flush();
        }
        _accelerator.Synchronize();
    }

    private void Step(long step)
    {
        var stream = _device.Stream;
        int slot = (int)(step % _slots);
        if (_injections.Length > 0)
        {
            if (_injectedCount > 0)
            {
                _zeroCurrent(stream, _injectedCount, _injected.View, _device.State.Current);
            }
            for (int j = 0; j < _injections.Length; j++)
            {
                var injection = _injections[j];
                if (injection.Neurons.Length > 0 && injection.IsActive(step))
                {
                    _addCurrent(stream, injection.Neurons.Length, _injectionNeurons[j].View, _device.State.Current, injection.MeanAt(step), injection.Noise(step));
                }
            }
        }
        foreach (var plastic in _plastic)
        {
            plastic.LaunchArrivals(_device, step);
        }
        foreach (var drive in _drives)
        {
            LaunchDrive(drive, step, slot);
        }
        foreach (var group in _groups)
        {
            group.Launch(_device, step, slot);
        }
        foreach (var plastic in _plastic)
        {
            plastic.LaunchPostSpikes(_device, step, slot);
        }
        _shortTerm?.Emit(_device, slot, step);
        if (_static.Count > 0 && _shortTerm is not null)
        {
            _shortTerm.Deliver(_device, _staticView, slot, _deliveryShape);
        }
        else if (_static.Count > 0)
        {
            _deliver(stream, _deliveryShape.Workers * _deliveryShape.Lanes, _device.Sink, _staticView, _device.Ring, slot, _deliveryShape);
        }
        if (_modulatorParameters.Length > 0)
        {
            _advanceModulators(stream, _modulatorParameters.Length, _modulators.View, _modulatorParameterBuffer.View, _device.Sink.PopulationCounts);
        }
        _device.Sink.PopulationCounts.MemSetToZero(stream);
        _device.Sink.Counts.SubView((step + 1) % _slots, 1).MemSetToZero(stream);
        foreach (var plastic in _plastic)
        {
            plastic.LaunchPeriodic(_device, step);
        }
        foreach (var monitor in _stateMonitors)
        {
            monitor.Sample(_device, _sample, step);
        }
        foreach (var (monitor, rows) in _weightMonitors)
        {
            if ((step + 1) % monitor.IntervalSteps == 0)
            {
                rows.Add(GetWeights(monitor.Projection));
            }
        }
    }

    private void LaunchDrive(PoissonDrive drive, long step, int slot)
    {
        double lambda = drive.RateHz * _network.Dt / 1000.0;
        if (lambda == 0)
        {
            return;
        }
        var parameters = new PoissonDriveStep
        {
            Column = drive.Target.Offset + (drive.Receptor == Receptor.Inhibitory ? _network.NeuronCount : 0),
            Slot = slot,
            Lambda = lambda,
            EmptyProbability = Math.Exp(-drive.RateHz * _network.Dt / 1000.0),
            Weight = (float)drive.Weight,
            Seed = _network.Seed,
            Stream = RngStreams.PoissonDrive(drive.Index),
            Step = step,
        };
        _drive(_device.Stream, drive.Target.Size, _device.Ring, parameters);
    }

    /// <summary>Copies the recorded spikes since the last copy to the host, in time order, ties by neuron.</summary>
    private void FlushSpikes()
    {
        _stepsSinceFlush = 0;
        if (_recordedCount == 0)
        {
            return;
        }
        var count = new int[1];
        _logCount.CopyToCPU(count);
        if (count[0] == 0)
        {
            return;
        }
        var neurons = new int[count[0]];
        var steps = new long[count[0]];
        _logNeurons.View.SubView(0, neurons.Length).CopyToCPU(neurons);
        _logSteps.View.SubView(0, steps.Length).CopyToCPU(steps);
        _logCount.MemSetToZero();
        var order = new int[neurons.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) => steps[a] != steps[b] ? steps[a].CompareTo(steps[b]) : neurons[a].CompareTo(neurons[b]));
        foreach (int i in order)
        {
            _log.Add(steps[i], neurons[i]);
        }
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

    public WeightRecord GetWeights(WeightMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        int index = Array.FindIndex(_weightMonitors, m => m.Monitor == monitor);
        if (index < 0)
        {
            throw new ArgumentException("The weight monitor belongs to another network.", nameof(monitor));
        }
        var rows = _weightMonitors[index].Rows;
        var times = new double[rows.Count];
        for (int s = 0; s < times.Length; s++)
        {
            times[s] = (s + 1) * monitor.IntervalSteps * _network.Dt;
        }
        return new WeightRecord(times, [.. rows.Select(r => (float[])r.Clone())]);
    }
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

    public void SaveCheckpoint(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(stream);
        _accelerator.Synchronize();
        var writer = new CheckpointWriter();
        EngineCheckpoint.Write(writer, Fingerprint(), _step, _v.GetAsArray1D(), _u.GetAsArray1D(), _synE.GetAsArray1D(), _synI.GetAsArray1D(),
            _refractory.GetAsArray1D(), _ring.GetAsArray1D(), _network.Projections.Select(GetWeights), _log.Times, _log.Neurons);
        foreach (var monitor in _stateMonitors)
        {
            writer.WriteRows(monitor.Rows);
        }
        foreach (var (_, rows) in _weightMonitors)
        {
            writer.WriteRows(rows);
        }
        var history = _history.GetAsArray1D();
        var counts = _historyCounts.GetAsArray1D();
        int n = _network.NeuronCount;
        int[] SpikesOfStep(long fired)
        {
            int slot = (int)(fired % _slots);
            return history.AsSpan(slot * n, counts[slot]).ToArray();
        }
        foreach (var plastic in _plastic)
        {
            plastic.Save(writer, _step, SpikesOfStep);
        }
        writer.Write<float>(_modulatorParameters.Length == 0 ? [] : _modulators.GetAsArray1D());
        _shortTerm?.Snapshot().Write(writer);
        writer.WriteTo(stream);
    }

    public void RestoreCheckpoint(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new CheckpointReader(stream);
        var shared = EngineCheckpoint.Read(reader, Fingerprint(), _network, _ring.Length, SynapseCountOf);
        long step = shared.Step;
        var rows = _stateMonitors.Select(m => reader.ReadRows(m.Monitor.Neurons.Count, "state samples")).ToArray();
        var weightRows = _weightMonitors.Select(m => reader.ReadRows(SynapseCountOf(m.Monitor.Projection), "weight snapshots")).ToArray();
        var plasticStates = _plastic.Select(p => p.Read(reader)).ToArray();
        var modulators = EngineCheckpoint.ReadFinite(reader, _modulatorParameters.Length, "modulator values");
        var shortTerm = _shortTerm?.Read(reader, step);
        reader.ExpectEnd();
        _accelerator.Synchronize();
        _step = step;
        _v.CopyFromCPU(shared.V);
        _u.CopyFromCPU(shared.U);
        _synE.CopyFromCPU(shared.SynE);
        _synI.CopyFromCPU(shared.SynI);
        _refractory.CopyFromCPU(shared.Refractory);
        _ring.CopyFromCPU(shared.Ring);
        if (modulators.Length > 0)
        {
            _modulators.CopyFromCPU(modulators);
        }
        if (shortTerm is not null)
        {
            _shortTerm!.Apply(shortTerm);
        }
        foreach (var projection in _network.Projections)
        {
            SetWeights(projection, shared.Weights[projection.Index]);
        }
        var pending = new HashSet<(long Step, int Neuron)>();
        for (int j = 0; j < _plastic.Length; j++)
        {
            pending.UnionWith(_plastic[j].Apply(plasticStates[j], step));
        }
        RebuildHistory(pending);
        var (times, neurons) = (shared.SpikeTimes, shared.SpikeNeurons);
        _log.Clear();
        for (int i = 0; i < times.Length; i++)
        {
            _log.Add(times[i], neurons[i]);
        }
        for (int m = 0; m < _stateMonitors.Length; m++)
        {
            _stateMonitors[m].Rows.Clear();
            _stateMonitors[m].Rows.AddRange(rows[m]);
        }
        for (int m = 0; m < _weightMonitors.Length; m++)
        {
            _weightMonitors[m].Rows.Clear();
            _weightMonitors[m].Rows.AddRange(weightRows[m]);
        }
        foreach (var group in _groups)
        {
            group.MoveTo(step);
        }
        _accelerator.Synchronize();
    }

    /// <summary>Refills the device spike lists of the last steps with the presynaptic spikes that
    /// plastic synapses still wait for.</summary>
    private void RebuildHistory(IEnumerable<(long Step, int Neuron)> spikes)
    {
        int n = _network.NeuronCount;
        var history = new int[(long)_slots * n];
        var counts = new int[_slots];
        foreach (var (fired, neuron) in spikes.OrderBy(s => s.Step).ThenBy(s => s.Neuron))
        {
            int slot = (int)(fired % _slots);
            history[(long)slot * n + counts[slot]++] = neuron;
        }
        _history.CopyFromCPU(history);
        _historyCounts.CopyFromCPU(counts);
    }

    /// <summary>What a checkpoint must match, computed as the CPU engine does (the network's
    /// fingerprint and the ring size), so the two engines read each other's checkpoints.</summary>
    private ulong Fingerprint() => NetworkFingerprint.Compute(_network) ^ (ulong)_slots * 0x9E3779B97F4A7C15UL;

    private void UploadInitialState()
    {
        int n = _network.NeuronCount;
        var v = new float[n];
        var u = new float[n];
        var synE = new float[n];
        var synI = new float[n];
        var refractory = new int[n];
        foreach (var population in _network.Populations)
        {
            var initial = population.InitialStates();
            for (int i = 0; i < initial.Length; i++)
            {
                int g = population.Offset + i;
                v[g] = initial[i].V;
                u[g] = initial[i].U;
                synE[g] = initial[i].SynE;
                synI[g] = initial[i].SynI;
                refractory[g] = initial[i].RefractoryCountdown;
            }
        }
        _v.CopyFromCPU(v);
        _u.CopyFromCPU(u);
        _synE.CopyFromCPU(synE);
        _synI.CopyFromCPU(synI);
        _refractory.CopyFromCPU(refractory);
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
