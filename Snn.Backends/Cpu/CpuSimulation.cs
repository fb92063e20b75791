using Snn.Backends.Checkpointing;
using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;
using Snn.Core.Validation;

namespace Snn.Backends.Cpu;

/// <summary>
/// A network compiled for the CPU. Each step k, every thread (one per partition of the neurons)
/// works on its own targets only: it applies injected currents, lets plastic synapses whose spikes
/// arrive now run their rule and transmit, updates its neurons (reading and clearing their ring
/// slot), runs the rules' postsynaptic events and records; it meets the others at a barrier, then
/// walks all of this step's spikes through its own rows of the synapse matrices (static weights go
/// straight into the delay rings, plastic spikes into arrival queues), advances the modulators and
/// runs periodic rule updates and weight snapshots.
/// </summary>
internal sealed class CpuSimulation : ISimulation
{
    private readonly Network _network;
    private readonly Partitioning _partitioning;
    private readonly NeuronGroup[] _groups;
    private readonly NeuronStateArrays _state;
    private readonly DelayRing _ring;
    private readonly SynapseMatrix _matrix;
    private readonly PreparedInjection[] _injections;
    private readonly int[][] _injectedByPart;
    private readonly int[][][] _spikes;
    private readonly int[][] _spikeCounts;
    private readonly bool[] _recorded;
    private readonly SpikeLog[] _logs;
    private readonly StateMonitorBuffer[] _stateMonitors;
    private readonly WeightMonitorBuffer[] _weightMonitors;
    private readonly PlasticProjection?[] _plasticByProjection;
    private readonly PlasticProjection[] _plastic;
    private readonly ModulatorState _modulators;
    private readonly PreparedPoissonDrive[] _drives;
    private readonly SimulationWorkers? _workers;
    private long _step;
    private bool _disposed;

    public CpuSimulation(Network network, CpuBackendOptions options)
    {
        _network = network;
        int neurons = network.NeuronCount;
        int threads = options.Threads ?? DefaultThreads(neurons);
        _partitioning = new Partitioning(neurons, threads);
        var factory = new GroupFactory(options.UseBlockUpdate);
        _groups = network.Populations.Select(p => p.Accept(factory)).ToArray();
        _state = new NeuronStateArrays(neurons);
        foreach (var population in network.Populations)
        {
            var initial = population.InitialStates();
            for (int i = 0; i < initial.Length; i++)
            {
                int g = population.Offset + i;
                _state.V[g] = initial[i].V;
                _state.U[g] = initial[i].U;
                _state.SynE[g] = initial[i].SynE;
                _state.SynI[g] = initial[i].SynI;
                _state.Refractory[g] = initial[i].RefractoryCountdown;
            }
        }
        _matrix = new SynapseMatrix(network, _partitioning);
        var plasticFactory = new PlasticFactory(_partitioning, _matrix.ShortTerm);
        _plasticByProjection = network.Projections.Select(p => p.Plasticity?.Accept(plasticFactory, p)).ToArray();
        _plastic = _plasticByProjection.OfType<PlasticProjection>().ToArray();
        _ring = new DelayRing(neurons, Math.Max(_matrix.MaxDelay, _plastic.Select(p => p.MaxDelay).DefaultIfEmpty(1).Max()));
        foreach (var plastic in _plastic)
        {
            plastic.Attach(_ring);
        }
        _modulators = new ModulatorState(network, _partitioning.Count);
        _drives = network.PoissonDrives.Select(d => new PreparedPoissonDrive(d, network)).ToArray();
        _injections = network.Injections.Select(i => new PreparedInjection(i, network, _partitioning)).ToArray();
        int parts = _partitioning.Count;
        _injectedByPart = new int[parts][];
        for (int p = 0; p < parts; p++)
        {
            var set = new SortedSet<int>();
            foreach (var injection in _injections)
            {
                foreach (int neuron in injection.NeuronsOf(p))
                {
                    set.Add(neuron);
                }
            }
            _injectedByPart[p] = [.. set];
        }
        _spikes = new int[2][][];
        _spikeCounts = new int[2][];
        for (int b = 0; b < 2; b++)
        {
            _spikes[b] = new int[parts][];
            _spikeCounts[b] = new int[parts];
            for (int p = 0; p < parts; p++)
            {
                _spikes[b][p] = new int[_partitioning.End(p) - _partitioning.Start(p)];
            }
        }
        _recorded = new bool[neurons];
        foreach (var monitor in network.Monitors)
        {
            if (monitor is SpikeMonitor or RateMonitor)
            {
                foreach (int neuron in monitor.Neurons)
                {
                    _recorded[monitor.Population.Offset + neuron] = true;
                }
            }
        }
        _logs = Enumerable.Range(0, parts).Select(_ => new SpikeLog()).ToArray();
        _stateMonitors = network.Monitors.OfType<StateMonitor>().Select(m => new StateMonitorBuffer(m, _partitioning)).ToArray();
        _weightMonitors = network.WeightMonitors.Select(m => new WeightMonitorBuffer(m, SynapseCountOf(m.Projection))).ToArray();
        if (parts > 1)
        {
            _workers = new SimulationWorkers(parts, RunPart);
        }
    }

    public Network Network => _network;

    public long StepCount => _step;

    public double TimeMs => _step * _network.Dt;

    /// <summary>Number of threads (partitions) used.</summary>
    public int Threads => _partitioning.Count;

    /// <summary>Number of synapses.</summary>
    public long SynapseCount => _matrix.Count + _plastic.Sum(p => (long)p.SynapseCount);

    public void Run(double durationMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long steps = SimulationLimits.StepsOf(durationMs, _network.Dt);
        if (steps == 0)
        {
            return;
        }
        foreach (var monitor in _stateMonitors)
        {
            monitor.PrepareUntil(_step + steps - 1);
        }
        foreach (var monitor in _weightMonitors)
        {
            monitor.PrepareUntil(_step + steps - 1);
        }
        if (_workers is null)
        {
            RunPart(0, _step, steps, null);
        }
        else
        {
            _workers.Run(_step, steps);
        }
        _step += steps;
    }

    private void RunPart(int part, long first, long steps, SpinBarrier? barrier)
    {
        int start = _partitioning.Start(part);
        int end = _partitioning.End(part);
        int parts = _partitioning.Count;
        var log = _logs[part];
        int sense = 0;
        for (long step = first; step < first + steps; step++)
        {
            ApplyCurrents(part, step);
            int buffer = (int)(step & 1);
            var spikes = _spikes[buffer][part];
            int slot = _ring.SlotOf(step);
            foreach (var plastic in _plastic)
            {
                plastic.ProcessArrivals(part, step, slot, _modulators.Value(part, plastic.Projection.Plasticity!.Modulator));
            }
            foreach (var drive in _drives)
            {
                drive.AddTo(_ring, slot, step, start, end);
            }
            var buffers = new StepBuffers(_state, _ring, step, slot);
            int count = 0;
            foreach (var group in _groups)
            {
                int from = Math.Max(start, group.Offset);
                int to = Math.Min(end, group.End);
                if (from < to)
                {
                    count += group.Update(from, to, buffers, spikes.AsSpan(count));
                }
            }
            _spikeCounts[buffer][part] = count;
            var fired = spikes.AsSpan(0, count);
            foreach (var plastic in _plastic)
            {
                plastic.ProcessPostSpikes(fired, step, _modulators.Value(part, plastic.Projection.Plasticity!.Modulator));
            }
            _modulators.CountSpikes(buffer, part, fired);
            for (int k = 0; k < count; k++)
            {
                if (_recorded[spikes[k]])
                {
                    log.Add(step + 1, spikes[k]);
                }
            }
            foreach (var monitor in _stateMonitors)
            {
                monitor.Sample(part, step, _state);
            }
            barrier?.SignalAndWait(ref sense);
            for (int q = 0; q < parts; q++)
            {
                var sent = _spikes[buffer][q].AsSpan(0, _spikeCounts[buffer][q]);
                _matrix.Deliver(part, sent, _ring, slot, step);
                foreach (var plastic in _plastic)
                {
                    plastic.Deliver(part, sent, slot);
                }
            }
            _modulators.Advance(buffer, part);
            foreach (var plastic in _plastic)
            {
                plastic.Periodic(part, step, _modulators.Value(part, plastic.Projection.Plasticity!.Modulator));
            }
            SampleWeights(part, step);
        }
    }

    private void SampleWeights(int part, long step)
    {
        foreach (var monitor in _weightMonitors)
        {
            var row = monitor.RowAfter(step);
            if (row is null)
            {
                continue;
            }
            var plastic = _plasticByProjection[monitor.Monitor.Projection.Index];
            if (plastic is not null)
            {
                plastic.SampleWeights(part, row);
            }
            else if (part == 0)
            {
                GetWeights(monitor.Monitor.Projection).CopyTo(row, 0);
            }
        }
    }

    private int SynapseCountOf(Projection projection)
        => _plasticByProjection[projection.Index]?.SynapseCount ?? _matrix.PositionsOf(projection).Length;

    public WeightRecord GetWeights(WeightMonitor monitor)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(monitor);
        var buffer = _weightMonitors.FirstOrDefault(m => m.Monitor == monitor)
            ?? throw new ArgumentException("The weight monitor belongs to another network.", nameof(monitor));
        return buffer.ToRecord(_network.Dt);
    }

    public double GetModulator(Modulator modulator)
    {
        SimulationChecks.Modulator(_network, modulator);
        return _modulators.Get(modulator);
    }

    public void SetModulator(Modulator modulator, double value)
    {
        SimulationChecks.Modulator(_network, modulator);
        Guard.Finite(value, nameof(value));
        _modulators.Set(modulator, value);
    }

    private void ApplyCurrents(int part, long step)
    {
        if (_injections.Length == 0)
        {
            return;
        }
        foreach (int neuron in _injectedByPart[part])
        {
            _state.Current[neuron] = 0;
        }
        foreach (var injection in _injections)
        {
            injection.AddTo(_state.Current, part, step);
        }
    }

    public SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs = 0)
    {
        CheckMonitor(monitor);
        long since = MonitorRecords.SinceStep(sinceMs, _network.Dt);
        var (times, neurons) = MergedSpikes(monitor.Population, MonitorRecords.Mask(monitor), since);
        return MonitorRecords.Spikes(monitor, times, neurons, _network.Dt, since, TimeMs);
    }

    public void DiscardSpikes(double untilMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var log in _logs)
        {
            MonitorRecords.Discard(log, untilMs, _network.Dt);
        }
    }

    public RateRecord GetRate(RateMonitor monitor)
    {
        CheckMonitor(monitor);
        var (times, _) = MergedSpikes(monitor.Population, MonitorRecords.Mask(monitor), 0);
        return MonitorRecords.Rate(monitor, times, _step, _network.Dt);
    }

    public StateRecord GetState(StateMonitor monitor)
    {
        CheckMonitor(monitor);
        return _stateMonitors.First(m => m.Monitor == monitor).ToRecord(_network.Dt);
    }

    /// <summary>The recorded spikes of <paramref name="population"/> later than <paramref name="since"/>
    /// (steps), in time order, ties by neuron.</summary>
    private (long[] Times, int[] Neurons) MergedSpikes(Population population, bool[] wanted, long since)
        => MergedSpikes(population.Offset, wanted, since);

    /// <summary>The recorded spikes of the neurons <paramref name="offset"/> + i with <paramref name="wanted"/>[i]
    /// later than <paramref name="since"/> (steps), in time order, ties by neuron, with indices relative to
    /// <paramref name="offset"/>.</summary>
    private (long[] Times, int[] Neurons) MergedSpikes(int offset, bool[] wanted, long since)
    {
        var times = new List<long>();
        var neurons = new List<int>();
        var cursors = new int[_logs.Length];
        for (int p = 0; p < _logs.Length; p++)
        {
            cursors[p] = _logs[p].FirstAfter(since);
        }
        while (true)
        {
            int best = -1;
            long bestTime = long.MaxValue;
            for (int p = 0; p < _logs.Length; p++)
            {
                if (cursors[p] < _logs[p].Count && _logs[p].Times[cursors[p]] < bestTime)
                {
                    best = p;
                    bestTime = _logs[p].Times[cursors[p]];
                }
            }
            if (best < 0)
            {
                break;
            }
            var log = _logs[best];
            int c = cursors[best];
            while (c < log.Count && log.Times[c] == bestTime)
            {
                int local = log.Neurons[c] - offset;
                if (local >= 0 && local < wanted.Length && wanted[local])
                {
                    times.Add(bestTime);
                    neurons.Add(local);
                }
                c++;
            }
            cursors[best] = c;
        }
        return ([.. times], [.. neurons]);
    }

    public float[] GetWeights(Projection projection)
    {
        CheckProjection(projection);
        if (_plasticByProjection[projection.Index] is { } plastic)
        {
            return plastic.GetWeights();
        }
        var positions = _matrix.PositionsOf(projection);
        var weights = new float[positions.Length];
        for (int s = 0; s < positions.Length; s++)
        {
            weights[s] = _matrix.Weight[positions[s]];
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
        var positions = _matrix.PositionsOf(projection);
        for (int s = 0; s < weights.Length; s++)
        {
            _matrix.Weight[positions[s]] = weights[s];
        }
    }

    public void SaveCheckpoint(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(stream);
        var writer = new CheckpointWriter();
        var (times, neurons) = MergedSpikesGlobal();
        EngineCheckpoint.Write(writer, Fingerprint(), _step, _state.V, _state.U, _state.SynE, _state.SynI, _state.Refractory, _ring.Data,
            _network.Projections.Select(GetWeights), times, neurons);
        foreach (var monitor in _stateMonitors)
        {
            writer.WriteRows(monitor.Rows);
        }
        foreach (var monitor in _weightMonitors)
        {
            writer.WriteRows(monitor.Rows);
        }
        foreach (var plastic in _plastic)
        {
            plastic.Save(writer, _step);
        }
        writer.Write<float>(_modulators.Snapshot());
        _matrix.ShortTerm?.Snapshot(_ring.Slots).Write(writer);
        writer.WriteTo(stream);
    }

    public void RestoreCheckpoint(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new CheckpointReader(stream);
        var shared = EngineCheckpoint.Read(reader, Fingerprint(), _network, _ring.Data.LongLength, SynapseCountOf);
        var rows = _stateMonitors.Select(m => reader.ReadRows(m.Monitor.Neurons.Count, "state samples")).ToArray();
        var weightRows = _weightMonitors.Select(m => reader.ReadRows(SynapseCountOf(m.Monitor.Projection), "weight snapshots")).ToArray();
        var plasticStates = _plastic.Select(p => p.Read(reader)).ToArray();
        var modulators = EngineCheckpoint.ReadFinite(reader, _modulators.Count, "modulator values");
        var shortTerm = _matrix.ShortTerm?.Read(reader, _ring.Slots, shared.Step);
        reader.ExpectEnd();
        // Everything above only reads and validates; nothing below can fail, so a bad checkpoint
        // leaves the simulation as it was.
        _modulators.Restore(modulators);
        if (shortTerm is not null)
        {
            _matrix.ShortTerm!.Apply(shortTerm);
        }
        for (int j = 0; j < _plastic.Length; j++)
        {
            _plastic[j].Apply(plasticStates[j]);
        }
        _step = shared.Step;
        shared.V.CopyTo(_state.V, 0);
        shared.U.CopyTo(_state.U, 0);
        shared.SynE.CopyTo(_state.SynE, 0);
        shared.SynI.CopyTo(_state.SynI, 0);
        shared.Refractory.CopyTo(_state.Refractory, 0);
        shared.Ring.CopyTo(_ring.Data, 0);
        foreach (var projection in _network.Projections)
        {
            SetWeights(projection, shared.Weights[projection.Index]);
        }
        foreach (var log in _logs)
        {
            log.Clear();
        }
        var (times, neurons) = (shared.SpikeTimes, shared.SpikeNeurons);
        for (int s = 0; s < times.Length; s++)
        {
            _logs[_partitioning.PartOf(neurons[s])].Add(times[s], neurons[s]);
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
            group.MoveTo(shared.Step);
        }
    }

    /// <summary>Every recorded spike with its global neuron index, in time order, ties by neuron.</summary>
    private (long[] Times, int[] Neurons) MergedSpikesGlobal() => MergedSpikes(0, _recorded, 0);

    /// <summary>What a checkpoint must match: the network's fingerprint and the ring size.</summary>
    private ulong Fingerprint() => NetworkFingerprint.Compute(_network) ^ (ulong)_ring.Slots * 0x9E3779B97F4A7C15UL;

    private void CheckMonitor(NeuronMonitor monitor) => SimulationChecks.Monitor(_network, monitor, _disposed, this);

    private void CheckProjection(Projection projection) => SimulationChecks.Projection(_network, projection, _disposed, this);

    private static int DefaultThreads(int neurons) => Math.Clamp(neurons / 4000, 1, Environment.ProcessorCount);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _workers?.Dispose();
        }
    }
}
