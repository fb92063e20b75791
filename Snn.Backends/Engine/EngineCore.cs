using Snn.Backends.Checkpointing;
using Snn.Backends.Cpu;
using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.Backends.Engine;

/// <summary>
/// The engine core of the clock-driven CPU-side engines (CPU, crossbar, MPI): it owns the neuron
/// state (set from the populations' initial states), the delay ring, the plastic projections, the
/// modulators, the recording (the recorded-spike mask, spike logs, state and weight monitors), the
/// step count and checkpoints, and runs each partition through THE step loop (<see cref="StepLoop"/>).
/// Each step k, on each partition, in named phases (<see cref="IStepPhases"/>):
/// <list type="number">
/// <item>inputs: the engine sets injected currents (<see cref="IEnginePhases.ApplyCurrents"/>);</item>
/// <item>plastic arrivals: spikes of plastic synapses that arrive now run the rule's
/// <c>OnPreArrival</c> and transmit the synapse's weight;</item>
/// <item>neuron update: Poisson drives are added to ring slot k, and every neuron group updates its
/// neurons from that slot (reading and clearing it), listing the neurons that fired;</item>
/// <item>post-spike events: <c>OnPostSpike</c>/<c>AfterPostSpike</c> for the targets that fired, the
/// modulators count their sources' spikes, recorded spikes are logged and states sampled;</item>
/// <item>delivery: the engine walks the step's spikes through its synapses into the ring
/// (<see cref="IEnginePhases.Deliver"/>), after the partitions meet at a barrier;</item>
/// <item>periodic updates: modulators advance, rules run <c>OnPeriod</c> when due, weights are
/// snapshotted.</item>
/// </list>
/// </summary>
internal sealed partial class EngineCore : IDisposable
{
    private readonly IEnginePhases _phases;
    private readonly (int Start, int End)[][] _ranges;
    private readonly (NeuronGroup Group, int Start, int End, bool HasCurrent)[][] _segments;
    private readonly NeuronGroup[] _groups;
    private readonly PlasticProjection?[] _plasticByProjection;
    private readonly PlasticProjection[] _plastic;
    private readonly PreparedPoissonDrive[] _drives;
    private readonly int[][][] _spikes;
    private readonly int[][] _spikeCounts;
    private readonly bool[] _recorded;
    private readonly bool _recordFired;
    private readonly SpikeLog[] _logs;
    private readonly IStateRecorder[] _stateRecorders;
    private readonly WeightMonitorBuffer[] _weightMonitors;
    private readonly SimulationWorkers? _workers;

    public EngineCore(Network network, IEnginePhases phases, EngineSetup setup)
    {
        Network = network;
        _phases = phases;
        _ranges = setup.Ranges;
        int neurons = network.NeuronCount;
        int parts = _ranges.Length;
        var factory = new GroupFactory(setup.UseBlockUpdate);
        _groups = network.Populations.Select(p => p.Accept(factory)).ToArray();
        var injected = InjectedNeurons(network);
        _segments = _ranges.Select(r => Segments(r, injected)).ToArray();
        State = InitialState(network);
        _plasticByProjection = network.Projections.Select(p => p.Plasticity?.Accept(setup.PlasticFactory, p)).ToArray();
        _plastic = _plasticByProjection.OfType<PlasticProjection>().ToArray();
        Ring = new DelayRing(neurons, Math.Max(setup.StaticMaxDelay, _plastic.Select(p => p.MaxDelay).DefaultIfEmpty(1).Max()));
        foreach (var plastic in _plastic)
        {
            plastic.Attach(Ring);
        }
        Modulators = new ModulatorState(network, parts);
        _drives = network.PoissonDrives.Select(d => new PreparedPoissonDrive(d, network)).ToArray();
        _spikes = new int[2][][];
        _spikeCounts = new int[2][];
        for (int b = 0; b < 2; b++)
        {
            _spikes[b] = new int[parts][];
            _spikeCounts[b] = new int[parts];
            for (int p = 0; p < parts; p++)
            {
                _spikes[b][p] = new int[_ranges[p].Sum(r => r.End - r.Start)];
            }
        }
        _recorded = RecordedMask(network);
        _recordFired = setup.RecordFired;
        _logs = Enumerable.Range(0, parts).Select(_ => new SpikeLog()).ToArray();
        _stateRecorders = network.Monitors.OfType<StateMonitor>().Select(setup.StateRecorder).ToArray();
        _weightMonitors = network.WeightMonitors.Select(m => new WeightMonitorBuffer(m, SynapseCountOf(m.Projection))).ToArray();
        if (parts > 1)
        {
            _workers = new SimulationWorkers(parts, RunPart);
        }
    }

    public Network Network { get; }

    public NeuronStateArrays State { get; }

    public DelayRing Ring { get; }

    public ModulatorState Modulators { get; }

    /// <summary>The plastic projections, in projection order.</summary>
    public IReadOnlyList<PlasticProjection> Plastic => _plastic;

    /// <summary>Steps simulated so far.</summary>
    public long Step { get; set; }

    public int Parts => _ranges.Length;

    /// <summary>Whether each global neuron is watched by a spike or rate monitor.</summary>
    public bool[] Recorded => _recorded;

    public IReadOnlyList<IStateRecorder> StateRecorders => _stateRecorders;

    public IReadOnlyList<WeightMonitorBuffer> WeightMonitors => _weightMonitors;

    /// <summary>The dispatcher of <paramref name="projection"/>, or null when it is static.</summary>
    public PlasticProjection? PlasticOf(Projection projection) => _plasticByProjection[projection.Index];

    /// <summary>Synapses of the whole <paramref name="projection"/>.</summary>
    public int SynapseCountOf(Projection projection)
        => _plasticByProjection[projection.Index]?.SynapseCount ?? _phases.StaticSynapseCount(projection);

    /// <summary>The neurons partition <paramref name="part"/> fired in the step of <paramref name="buffer"/>
    /// (ascending).</summary>
    public ReadOnlySpan<int> Fired(int buffer, int part) => _spikes[buffer][part].AsSpan(0, _spikeCounts[buffer][part]);

    /// <summary>The neuron state of every population's initial states.</summary>
    public static NeuronStateArrays InitialState(Network network)
    {
        var state = new NeuronStateArrays(network.NeuronCount);
        foreach (var population in network.Populations)
        {
            var initial = population.InitialStates();
            for (int i = 0; i < initial.Length; i++)
            {
                int g = population.Offset + i;
                state.V[g] = initial[i].V;
                state.U[g] = initial[i].U;
                state.SynE[g] = initial[i].SynE;
                state.SynI[g] = initial[i].SynI;
                state.Refractory[g] = initial[i].RefractoryCountdown;
            }
        }
        return state;
    }

    /// <summary>Whether each global neuron is watched by a spike or rate monitor.</summary>
    public static bool[] RecordedMask(Network network)
    {
        var recorded = new bool[network.NeuronCount];
        foreach (var monitor in network.Monitors)
        {
            if (monitor is SpikeMonitor or RateMonitor)
            {
                foreach (int neuron in monitor.Neurons)
                {
                    recorded[monitor.Population.Offset + neuron] = true;
                }
            }
        }
        return recorded;
    }

    /// <summary>Simulates <paramref name="steps"/> more steps on every partition.</summary>
    public void Run(long steps)
    {
        if (steps == 0)
        {
            return;
        }
        foreach (var monitor in _stateRecorders)
        {
            monitor.PrepareUntil(Step + steps - 1);
        }
        foreach (var monitor in _weightMonitors)
        {
            monitor.PrepareUntil(Step + steps - 1);
        }
        if (_workers is null)
        {
            RunPart(0, Step, steps, null);
        }
        else
        {
            _workers.Run(Step, steps);
        }
        Step += steps;
    }

    /// <summary>Partition <paramref name="part"/>'s share of steps [<paramref name="first"/>,
    /// <paramref name="first"/> + <paramref name="steps"/>), through the one step loop.</summary>
    private void RunPart(int part, long first, long steps, SpinBarrier? barrier)
        => StepLoop.Run(new PartPhases(this, part, barrier), first, steps, Ring.Slots);

    private void ProcessPlasticArrivals(int part, long step, int slot)
    {
        foreach (var plastic in _plastic)
        {
            plastic.ProcessArrivals(part, step, slot, ModulatorOf(part, plastic));
        }
    }

    private int UpdateNeurons(int part, long step, int slot, int[] spikes)
    {
        var ranges = _ranges[part];
        foreach (var drive in _drives)
        {
            foreach (var (start, end) in ranges)
            {
                drive.AddTo(Ring, slot, step, start, end);
            }
        }
        var buffers = new StepBuffers(State, Ring, step, slot);
        int count = 0;
        foreach (var (group, start, end, hasCurrent) in _segments[part])
        {
            count += group.Update(start, end, hasCurrent, buffers, spikes.AsSpan(count));
        }
        return count;
    }

    private void ProcessPostSpikes(int part, long step, int buffer, ReadOnlySpan<int> fired)
    {
        foreach (var plastic in _plastic)
        {
            plastic.ProcessPostSpikes(fired, step, ModulatorOf(part, plastic));
        }
        Modulators.CountSpikes(buffer, part, fired);
    }

    /// <summary>Hands <paramref name="spikes"/> (one step's, ascending within each partition) to every plastic
    /// projection's partition <paramref name="part"/>, to arrive at ring slot <paramref name="slot"/> plus each delay.</summary>
    public void DeliverPlastic(int part, ReadOnlySpan<int> spikes, int slot)
    {
        foreach (var plastic in _plastic)
        {
            plastic.Deliver(part, spikes, slot);
        }
    }

    /// <summary>Logs the recorded neurons among <paramref name="spikes"/>, fired in <paramref name="step"/>, in
    /// partition <paramref name="part"/>'s log.</summary>
    public void Record(int part, long step, ReadOnlySpan<int> spikes) => Record(_logs[part], step, spikes);

    private void Record(SpikeLog log, long step, ReadOnlySpan<int> spikes)
    {
        foreach (int neuron in spikes)
        {
            if (_recorded[neuron])
            {
                log.Add(step + 1, neuron);
            }
        }
    }

    private float ModulatorOf(int part, PlasticProjection plastic) => Modulators.Value(part, plastic.Projection.Plasticity!.Modulator);

    private void SampleWeights(int part, long step)
    {
        foreach (var monitor in _weightMonitors)
        {
            var row = monitor.RowAfter(step);
            if (row is null)
            {
                continue;
            }
            var projection = monitor.Monitor.Projection;
            if (_plasticByProjection[projection.Index] is { } plastic)
            {
                plastic.SampleWeights(part, row);
            }
            else if (part == 0)
            {
                _phases.SampleStaticWeights(projection, row);
            }
        }
    }

    /// <summary>Splits <paramref name="ranges"/> at population bounds; a segment has current when a current
    /// injection reaches one of its neurons (elsewhere the current stays 0 pA and is never read).</summary>
    private (NeuronGroup, int, int, bool)[] Segments((int Start, int End)[] ranges, bool[] injected)
    {
        var segments = new List<(NeuronGroup, int, int, bool)>();
        foreach (var (start, end) in ranges)
        {
            foreach (var group in _groups)
            {
                int from = Math.Max(start, group.Offset);
                int to = Math.Min(end, group.End);
                if (from < to)
                {
                    segments.Add((group, from, to, Array.IndexOf(injected, true, from, to - from) >= 0));
                }
            }
        }
        return [.. segments];
    }

    /// <summary>Marks the global neurons that some current injection of <paramref name="network"/> reaches.</summary>
    private static bool[] InjectedNeurons(Network network)
    {
        var injected = new bool[network.NeuronCount];
        foreach (var injection in network.Injections)
        {
            foreach (int neuron in injection.Neurons)
            {
                injected[injection.Target.Offset + neuron] = true;
            }
        }
        return injected;
    }

    public SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs)
    {
        long since = MonitorRecords.SinceStep(sinceMs, Network.Dt);
        var (times, neurons) = MergedSpikes(monitor.Population.Offset, MonitorRecords.Mask(monitor), since);
        return MonitorRecords.Spikes(monitor, times, neurons, Network.Dt, since, Step * Network.Dt);
    }

    public RateRecord GetRate(RateMonitor monitor)
    {
        var (times, _) = MergedSpikes(monitor.Population.Offset, MonitorRecords.Mask(monitor), 0);
        return MonitorRecords.Rate(monitor, times, Step, Network.Dt);
    }

    public void DiscardSpikes(double untilMs)
    {
        foreach (var log in _logs)
        {
            MonitorRecords.Discard(log, untilMs, Network.Dt);
        }
    }

    /// <summary>The recorder of <paramref name="monitor"/>.</summary>
    public IStateRecorder StateRecorderOf(StateMonitor monitor) => _stateRecorders.First(m => m.Monitor == monitor);

    /// <summary>The buffer of <paramref name="monitor"/>; throws <see cref="ArgumentException"/> when it belongs to another network.</summary>
    public WeightMonitorBuffer WeightMonitorOf(WeightMonitor monitor) => WeightMonitorBuffer.Of(_weightMonitors, monitor);

    /// <summary>The recorded spikes of the neurons <paramref name="offset"/> + i with <paramref name="wanted"/>[i]
    /// later than <paramref name="since"/> (steps), in time order, ties by neuron, with indices relative to
    /// <paramref name="offset"/>.</summary>
    public (long[] Times, int[] Neurons) MergedSpikes(int offset, bool[] wanted, long since)
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

    /// <summary>What a checkpoint must match: the network's fingerprint and the ring size.</summary>
    public ulong Fingerprint() => Fingerprint(Network, Ring.Slots);

    /// <summary>What a checkpoint of <paramref name="network"/> on a delay ring of <paramref name="slots"/> slots
    /// must match; every engine that writes this layout computes it here.</summary>
    public static ulong Fingerprint(Network network, int slots) => NetworkFingerprint.Compute(network) ^ (ulong)slots * 0x9E3779B97F4A7C15UL;

    /// <summary>Writes the engine's state in the checkpoint layout of <see cref="EngineCheckpoint"/>, then state
    /// monitor rows, weight monitor rows, plastic states, modulator values and last whatever
    /// <paramref name="writeEngineState"/> adds (the CPU engine's short-term plasticity state).
    /// <paramref name="weightsOf"/> gives a projection's weights in generation order.</summary>
    public void SaveCheckpoint(Stream stream, Func<Projection, float[]> weightsOf, Action<CheckpointWriter>? writeEngineState = null)
    {
        var writer = new CheckpointWriter();
        var (times, neurons) = MergedSpikes(0, _recorded, 0);
        EngineCheckpoint.Write(writer, Fingerprint(), Step, State.V, State.U, State.SynE, State.SynI, State.Refractory, Ring.Data,
            Network.Projections.Select(weightsOf), times, neurons);
        CheckpointTail.Write(writer, _stateRecorders.Select(m => m.Rows), _weightMonitors, w =>
        {
            foreach (var plastic in _plastic)
            {
                plastic.Save(w, Step);
            }
        }, Modulators.Snapshot());
        writeEngineState?.Invoke(writer);
        writer.WriteTo(stream);
    }

    /// <summary>Reads and validates a checkpoint written by <see cref="SaveCheckpoint"/>, then restores it; a bad
    /// checkpoint leaves the state as it was. <paramref name="setWeights"/> replaces a projection's weights;
    /// <paramref name="readEngineState"/> reads and validates what the engine's writer added (given the
    /// checkpoint's step) and returns the action that applies it.</summary>
    public void RestoreCheckpoint(Stream stream, Action<Projection, float[]> setWeights, Func<CheckpointReader, long, Action>? readEngineState = null)
    {
        var reader = new CheckpointReader(stream);
        var shared = EngineCheckpoint.Read(reader, Fingerprint(), Network, Ring.Data.LongLength, SynapseCountOf);
        var tail = CheckpointTail.Read(reader, _stateRecorders.Select(m => m.Monitor), _weightMonitors,
            _plastic.Select(p => (p.Projection, p.SynapseCount)), Modulators.Count);
        var applyEngineState = readEngineState?.Invoke(reader, shared.Step);
        reader.ExpectEnd();
        // Everything above only reads and validates; nothing below can fail, so a bad checkpoint
        // leaves the simulation as it was.
        Modulators.Restore(tail.Modulators);
        applyEngineState?.Invoke();
        for (int j = 0; j < _plastic.Length; j++)
        {
            _plastic[j].Apply(tail.Plastic[j]);
        }
        Step = shared.Step;
        shared.V.CopyTo(State.V, 0);
        shared.U.CopyTo(State.U, 0);
        shared.SynE.CopyTo(State.SynE, 0);
        shared.SynI.CopyTo(State.SynI, 0);
        shared.Refractory.CopyTo(State.Refractory, 0);
        shared.Ring.CopyTo(Ring.Data, 0);
        foreach (var projection in Network.Projections)
        {
            setWeights(projection, shared.Weights[projection.Index]);
        }
        foreach (var log in _logs)
        {
            log.Clear();
        }
        var (times, neurons) = (shared.SpikeTimes, shared.SpikeNeurons);
        for (int s = 0; s < times.Length; s++)
        {
            _logs[PartOf(neurons[s])].Add(times[s], neurons[s]);
        }
        tail.RestoreRows(_stateRecorders.Select(m => m.Rows), _weightMonitors);
        foreach (var group in _groups)
        {
            group.MoveTo(shared.Step);
        }
    }

    /// <summary>The partition that updates <paramref name="neuron"/> (0 when none does here).</summary>
    private int PartOf(int neuron)
    {
        for (int p = 0; p < _ranges.Length; p++)
        {
            foreach (var (start, end) in _ranges[p])
            {
                if (neuron >= start && neuron < end)
                {
                    return p;
                }
            }
        }
        return 0;
    }

    public void Dispose() => _workers?.Dispose();
}
