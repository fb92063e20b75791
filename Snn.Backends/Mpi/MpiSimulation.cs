using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text;
using Snn.Backends.Cpu;
using Snn.Backends.Engine;
using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;
using Snn.Core.Validation;

namespace Snn.Backends.Mpi;

/// <summary>
/// A network compiled for several MPI ranks (one process, one thread each), NEST's scheme. Neurons
/// are dealt to ranks in round-robin stripes (<see cref="MpiBackendOptions.StripeSize"/>); each
/// rank keeps only the synapses onto its own neurons, in the one-process engine's CSR layout, and
/// builds them from the same counter-based streams without communicating. Ranks then simulate
/// min-delay intervals (<see cref="IntervalSteps"/>, the smallest synaptic delay in steps)
/// independently: no spike emitted inside an interval can arrive before it ends. The step loop,
/// plasticity, modulators and recording are the engine core's (<see cref="EngineCore"/>); this
/// engine's delivery phase stages each step's spikes and, at the end of each interval, every rank
/// gathers the spikes of all ranks (<c>MPI_Allgather</c> of the lengths, then <c>MPI_Allgatherv</c>)
/// and, step by step, delivers them in ascending global neuron order through its own synapse rows
/// (static ones into the delay ring, plastic ones into the core's arrival queues), so every float sum
/// into a target is formed in the same order as in the one-process <c>CpuBackend</c>: the spike
/// trains and learned weights are identical for any number of ranks. A modulator driven by a
/// population's spikes needs every rank's spike count each step, so such a network exchanges every
/// step.
/// <para>
/// Every rank receives every spike, so spike monitors are filled on every rank without further
/// communication; state and weight monitors, <see cref="GetState"/>, <see cref="GetWeights(Projection)"/>
/// and checkpoints gather the ranks' parts and are collective, as are <see cref="Run"/> and
/// <see cref="SetModulator"/>: every rank must call them in the same order with the same arguments. A rank that fails inside <see cref="Run"/> reports it at the next exchange,
/// and every rank then throws <see cref="MpiRankFailedException"/> with its message.
/// </para>
/// <para>
/// Limits: neuron state and delay rings are indexed globally, so each rank holds O(N) of them while
/// synapses, the dominant memory, are split; each projection is generated whole on every rank and filtered (connectivity
/// drawn per target would allow generating only the rank's targets).
/// </para>
/// </summary>
public sealed partial class MpiSimulation : ICheckpointing, IModulation, IWeightWriting, IWeightRecording, ISpikeDiscarding, IEnginePhases
{
    private const int DefaultIntervalSteps = 10;
    private readonly MpiSession _session;
    private readonly Network _network;
    private readonly RankLayout _layout;
    private readonly (int Start, int End)[] _ranges;
    private readonly SynapseMatrix _matrix;
    private readonly InjectedCurrents _injections;
    private readonly EngineCore _core;
    private readonly bool _countsGlobalSpikes;
    private readonly int[] _send;
    private readonly int[] _lengths;
    private readonly int[] _displacements;
    private readonly int[] _cursors;
    private readonly int[] _merged;
    private int[] _receive = new int[1024];
    private long _intervalStart;
    private int _intervalLength;
    private int _staged;
    private long _runEnd;
    private bool _failed;
    private long _computeTicks;
    private long _communicationTicks;
    private long _exchanges;
    private long _spikesSent;
    private long _bytesReceived;

    internal MpiSimulation(MpiSession session, Network network, MpiBackendOptions options)
    {
        _session = session;
        _network = network;
        int neurons = network.NeuronCount;
        int stripe = options.StripeSize ?? RankLayout.DefaultStripe(neurons, session.Size);
        CheckSameNetworkOnEveryRank(stripe);
        _layout = new RankLayout(neurons, session.Size, stripe);
        _ranges = [.. _layout.RangesOf(session.Rank)];
        _lengths = new int[session.Size];
        _displacements = new int[session.Size];
        _cursors = new int[session.Size];
        _merged = new int[neurons];
        Exception? failure = null;
        SynapseMatrix? matrix = null;
        InjectedCurrents? injections = null;
        EngineCore? core = null;
        try
        {
            LocalNeuronCount = _ranges.Sum(r => r.End - r.Start);
            Func<int, bool> owns = neuron => _layout.OwnerOf(neuron) == session.Rank;
            matrix = new SynapseMatrix(network, new Partitioning(neurons, 1), owns, RankLocalTable);
            injections = new InjectedCurrents(network, new Partitioning(neurons, 1), owns);
        }
        catch (Exception e)
        {
            failure = e;
        }
        AgreeOnFailure(failure, "building its part of the network");
        _matrix = matrix!;
        _injections = injections!;
        int staticMaxDelay = GlobalMaximum(_matrix.MaxDelay);
        try
        {
            // Every rank's ring spans the longest delay of the whole network, as the one-process
            // engine's does, so checkpoints move between them and any number of ranks.
            core = new EngineCore(network, this, new EngineSetup([_ranges], options.UseBlockUpdate,
                new PlasticFactory(new Partitioning(neurons, 1), neuron => _layout.OwnerOf(neuron) == session.Rank, _matrix.ShortTerm),
                staticMaxDelay, m => new DistributedStateMonitor(m, _layout, session.Rank), RecordFired: false));
        }
        catch (Exception e)
        {
            failure = e;
        }
        AgreeOnFailure(failure, "building its engine core");
        _core = core!;
        _countsGlobalSpikes = network.Modulators.Any(m => m.Source is not null);
        IntervalSteps = _countsGlobalSpikes ? 1 : GlobalMinimumDelay();
        _send = new int[IntervalSteps + (long)LocalNeuronCount * IntervalSteps > Array.MaxLength
            ? throw new NotSupportedException($"{LocalNeuronCount} neurons per rank × {IntervalSteps} steps per interval exceed one send buffer; use more ranks.")
            : IntervalSteps + LocalNeuronCount * IntervalSteps];
    }

    /// <inheritdoc />
    public Network Network => _network;

    /// <inheritdoc />
    public long StepCount => _core.Step;

    /// <inheritdoc />
    public double TimeMs => _core.Step * _network.Dt;

    /// <summary>This process's rank.</summary>
    public int Rank => _session.Rank;

    /// <summary>Number of ranks.</summary>
    public int Ranks => _session.Size;

    /// <summary>Neurons this rank owns and updates.</summary>
    public int LocalNeuronCount { get; }

    /// <summary>Synapses this rank holds (those onto its own neurons).</summary>
    public long LocalSynapseCount => _matrix.Count + _core.Plastic.Sum(p => (long)Enumerable.Range(0, p.SynapseCount).Count(p.IsLocal));

    /// <summary>Steps simulated between two spike exchanges: the smallest synaptic delay of the network
    /// (steps), or 10 when it has no synapses; 1 when a modulator is driven by spikes.</summary>
    public int IntervalSteps { get; }

    /// <summary>This rank's time split so far.</summary>
    public MpiRunTiming Timing => new(Rank, _computeTicks / (double)Stopwatch.Frequency, _communicationTicks / (double)Stopwatch.Frequency,
        _exchanges, _spikesSent, _bytesReceived);

    /// <summary>Collective: every rank's <see cref="Timing"/>, indexed by rank.</summary>
    public MpiRunTiming[] GatherTimings()
    {
        var timing = Timing;
        ReadOnlySpan<double> mine = [timing.ComputeSeconds, timing.CommunicationSeconds, timing.Exchanges, timing.SpikesSent, timing.BytesReceived];
        var all = new double[mine.Length * Ranks];
        _session.Allgather(mine, all);
        var timings = new MpiRunTiming[Ranks];
        for (int r = 0; r < Ranks; r++)
        {
            int k = r * mine.Length;
            timings[r] = new MpiRunTiming(r, all[k], all[k + 1], (long)all[k + 2], (long)all[k + 3], (long)all[k + 4]);
        }
        return timings;
    }

    /// <summary>Collective: simulates <paramref name="durationMs"/> more milliseconds on every rank.</summary>
    public void Run(double durationMs)
    {
        ObjectDisposedException.ThrowIf(_failed, this);
        long steps = SimulationLimits.StepsOf(durationMs, _network.Dt);
        _runEnd = _core.Step + steps;
        BeginInterval(_core.Step);
        long start = Stopwatch.GetTimestamp();
        long communication = _communicationTicks;
        Exception? failure = null;
        try
        {
            _core.Run(steps);
        }
        catch (Exception e) when (e is not MpiRankFailedException)
        {
            failure = e;
        }
        _computeTicks += Stopwatch.GetTimestamp() - start - (_communicationTicks - communication);
        if (failure is not null && _intervalStart < _runEnd)
        {
            // The other ranks wait at this interval's exchange: tell them there.
            Exchange(_intervalLength, 0, failure);
        }
        AgreeOnFailure(failure, "delivering spikes");
    }

    private void BeginInterval(long first)
    {
        _intervalStart = first;
        _intervalLength = (int)Math.Min(IntervalSteps, _runEnd - first);
        _staged = 0;
    }

    void IEnginePhases.ApplyCurrents(int part, long step) => _injections.Apply(_core.State.Current, 0, step);

    void IEnginePhases.AfterPlasticArrivals(int part, long step, int slot)
    {
    }

    /// <summary>Stages this rank's spikes of <paramref name="step"/> in the send buffer (the spike count of
    /// each step of the interval, then the spikes); at the interval's last step, exchanges them and delivers
    /// every rank's spikes of the interval.</summary>
    void IEnginePhases.Deliver(int part, long step, int slot, int buffer)
    {
        var fired = _core.Fired(buffer, 0);
        int j = (int)(step - _intervalStart);
        _send[j] = fired.Length;
        fired.CopyTo(_send.AsSpan(_intervalLength + _staged));
        _staged += fired.Length;
        if (j + 1 < _intervalLength)
        {
            return;
        }
        long first = _intervalStart;
        int length = _intervalLength;
        long before = Stopwatch.GetTimestamp();
        Exchange(length, _staged, null);
        _communicationTicks += Stopwatch.GetTimestamp() - before;
        BeginInterval(first + length);
        DeliverInterval(first, length);
    }

    int IEnginePhases.StaticSynapseCount(Projection projection) => _matrix.PositionsOf(projection).Length;

    void IEnginePhases.SampleStaticWeights(Projection projection, float[] row)
    {
        var positions = _matrix.PositionsOf(projection);
        for (int s = 0; s < positions.Length; s++)
        {
            if (positions[s] >= 0)
            {
                row[s] = _matrix.Weight[positions[s]];
            }
        }
    }

    /// <summary>Gathers every rank's send buffer of this interval; a rank that failed sends length −1
    /// and then every rank throws.</summary>
    private void Exchange(int length, int sent, Exception? failure)
    {
        int mine = failure is null ? length + sent : -1;
        _session.Allgather<int>([mine], _lengths);
        if (Array.IndexOf(_lengths, -1) >= 0)
        {
            _failed = true;
            ThrowRankFailure(failure, "simulating", _lengths.Select(l => l < 0).ToArray());
        }
        long total = 0;
        for (int r = 0; r < _lengths.Length; r++)
        {
            _displacements[r] = (int)total;
            total += _lengths[r];
        }
        if (total > _receive.Length)
        {
            _receive = new int[Math.Max(total, 2L * _receive.Length) > Array.MaxLength ? total : Math.Max(total, 2L * _receive.Length)];
        }
        _session.Allgatherv<int>(_send.AsSpan(0, mine), _receive, _lengths, _displacements);
        _exchanges++;
        _spikesSent += sent;
        _bytesReceived += total * sizeof(int);
    }

    /// <summary>Delivers the gathered spikes step by step, each step's in ascending global order,
    /// through this rank's synapse rows and plastic projections, logs the recorded ones and, for
    /// spike-driven modulators (intervals of one step), counts them.</summary>
    private void DeliverInterval(long first, int length)
    {
        for (int r = 0; r < _cursors.Length; r++)
        {
            _cursors[r] = _displacements[r] + length;
        }
        for (int j = 0; j < length; j++)
        {
            long step = first + j;
            int count = 0;
            for (int r = 0; r < _cursors.Length; r++)
            {
                int n = _receive[_displacements[r] + j];
                _receive.AsSpan(_cursors[r], n).CopyTo(_merged.AsSpan(count));
                _cursors[r] += n;
                count += n;
            }
            var spikes = _merged.AsSpan(0, count);
            if (_cursors.Length > 1)
            {
                spikes.Sort();
            }
            int slot = _core.Ring.SlotOf(step);
            _matrix.Deliver(0, spikes, _core.Ring, slot, step);
            _core.DeliverPlastic(0, spikes, slot);
            _core.Record(0, step, spikes);
            if (_countsGlobalSpikes)
            {
                _core.Modulators.CountSpikes((int)(step & 1), 0, spikes);
            }
        }
    }

    /// <summary>Collective: throws on every rank when any rank passes a failure.</summary>
    private void AgreeOnFailure(Exception? failure, string phase)
    {
        var flags = new int[_session.Size];
        _session.Allgather<int>([failure is null ? 0 : 1], flags);
        if (Array.IndexOf(flags, 1) >= 0)
        {
            _failed = true;
            var failed = flags.Select(f => f != 0).ToArray();
            if (failure is not null && failed.All(f => f))
            {
                GatherMessages(failure, failed);
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
            ThrowRankFailure(failure, phase, failed);
        }
    }

    private void ThrowRankFailure(Exception? failure, string phase, bool[] failed)
    {
        var messages = GatherMessages(failure, failed);
        var ranks = Enumerable.Range(0, failed.Length).Where(r => failed[r]).ToArray();
        var text = new StringBuilder($"Rank(s) {string.Join(", ", ranks)} of {failed.Length} failed while {phase}:");
        foreach (int r in ranks)
        {
            text.Append($" [rank {r}] {messages[r]}");
        }
        throw new MpiRankFailedException(ranks, text.ToString(), failure);
    }

    /// <summary>Collective: every failed rank's "Type: message", indexed by rank.</summary>
    private string[] GatherMessages(Exception? failure, bool[] failed)
    {
        byte[] mine = failure is null ? [] : Encoding.UTF8.GetBytes($"{failure.GetType().Name}: {failure.Message}");
        var lengths = new int[failed.Length];
        _session.Allgather<int>([mine.Length], lengths);
        var displacements = new int[lengths.Length];
        for (int r = 1; r < lengths.Length; r++)
        {
            displacements[r] = displacements[r - 1] + lengths[r - 1];
        }
        var all = new byte[displacements[^1] + lengths[^1]];
        _session.Allgatherv<byte>(mine, all, lengths, displacements);
        return Enumerable.Range(0, lengths.Length).Select(r => Encoding.UTF8.GetString(all, displacements[r], lengths[r])).ToArray();
    }

    private void CheckSameNetworkOnEveryRank(int stripe)
    {
        var all = new ulong[2 * _session.Size];
        _session.Allgather<ulong>([NetworkFingerprint.Compute(_network), (ulong)stripe], all);
        for (int r = 1; r < _session.Size; r++)
        {
            if (all[2 * r] != all[0] || all[2 * r + 1] != all[1])
            {
                var described = Enumerable.Range(0, _session.Size).Select(k => $"rank {k}: fingerprint {all[2 * k]:x16}, stripe {all[2 * k + 1]}");
                throw new InvalidOperationException(
                    $"The ranks compiled different networks or settings ({string.Join("; ", described)}); every rank must build the same network with the same seed and options.");
            }
        }
    }

    private int GlobalMaximum(int value)
    {
        var all = new int[_session.Size];
        _session.Allgather<int>([value], all);
        return all.Max();
    }

    private int GlobalMinimumDelay()
    {
        var all = new int[_session.Size];
        _session.Allgather<int>([_core.Plastic.Select(p => p.MinDelay).Append(_matrix.MinDelay).Min()], all);
        int minimum = all.Min();
        return minimum == int.MaxValue ? DefaultIntervalSteps : minimum;
    }

    /// <inheritdoc />
    public SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs = 0)
    {
        CheckMonitor(monitor);
        return _core.GetSpikes(monitor, sinceMs);
    }

    /// <inheritdoc />
    public void DiscardSpikes(double untilMs)
    {
        ObjectDisposedException.ThrowIf(_failed, this);
        _core.DiscardSpikes(untilMs);
    }

    /// <inheritdoc />
    public RateRecord GetRate(RateMonitor monitor)
    {
        CheckMonitor(monitor);
        return _core.GetRate(monitor);
    }

    /// <summary>Collective: the samples of <paramref name="monitor"/> from every rank.</summary>
    public StateRecord GetState(StateMonitor monitor)
    {
        CheckMonitor(monitor);
        return ((DistributedStateMonitor)_core.StateRecorderOf(monitor)).ToRecord(_session, _network.Dt);
    }

    /// <summary>Collective: the weights of <paramref name="projection"/> gathered from every rank, in the order
    /// of <see cref="Projection.Instantiate"/>.</summary>
    public float[] GetWeights(Projection projection)
    {
        CheckProjection(projection);
        if (_core.PlasticOf(projection) is { } plastic)
        {
            return RankGather.Owned(_session, plastic.GetWeights(), plastic.IsLocal);
        }
        var positions = _matrix.PositionsOf(projection);
        var weights = new float[positions.Length];
        for (int s = 0; s < positions.Length; s++)
        {
            if (positions[s] >= 0)
            {
                weights[s] = _matrix.Weight[positions[s]];
            }
        }
        return RankGather.Owned(_session, weights, s => positions[s] >= 0);
    }

    /// <summary>Replaces the weights of <paramref name="projection"/>; every rank must pass the same array and
    /// keeps the weights of the synapses onto its own neurons.</summary>
    public void SetWeights(Projection projection, ReadOnlySpan<float> weights)
    {
        CheckProjection(projection);
        SimulationChecks.Weights(projection, weights, _core.SynapseCountOf(projection));
        if (_core.PlasticOf(projection) is { } plastic)
        {
            plastic.SetWeights(weights);
            return;
        }
        var positions = _matrix.PositionsOf(projection);
        for (int s = 0; s < weights.Length; s++)
        {
            if (positions[s] >= 0)
            {
                _matrix.Weight[positions[s]] = weights[s];
            }
        }
    }

    /// <summary>Collective: the weight snapshots of <paramref name="monitor"/>, gathered from every rank.</summary>
    public WeightRecord GetWeights(WeightMonitor monitor)
    {
        var buffer = _core.WeightMonitorOf(monitor);
        var projection = monitor.Projection;
        Func<int, bool> isLocal = _core.PlasticOf(projection) is { } plastic ? plastic.IsLocal : StaticIsLocal(projection);
        var local = buffer.ToRecord(_network.Dt);
        return new WeightRecord(local.Times, [.. local.Snapshots.Select(row => RankGather.Owned(_session, row, isLocal))]);
    }

    private Func<int, bool> StaticIsLocal(Projection projection)
    {
        var positions = _matrix.PositionsOf(projection);
        return s => positions[s] >= 0;
    }

    /// <summary>The current value of <paramref name="modulator"/> (the same on every rank).</summary>
    public double GetModulator(Modulator modulator)
    {
        SimulationChecks.Modulator(_network, modulator);
        return _core.Modulators.Get(modulator);
    }

    /// <summary>Sets a modulator's value; every rank must set the same value at the same step.</summary>
    public void SetModulator(Modulator modulator, double value)
    {
        SimulationChecks.Modulator(_network, modulator);
        Guard.Finite(value, nameof(value));
        _core.Modulators.Set(modulator, value);
    }

    private void CheckMonitor(NeuronMonitor monitor) => SimulationChecks.Monitor(_network, monitor);

    private void CheckProjection(Projection projection) => SimulationChecks.Projection(_network, projection);

    /// <summary>Releases nothing shared: the <see cref="MpiSession"/> stays open for the caller to dispose.</summary>
    public void Dispose()
    {
    }

    /// <summary>The synapses onto this rank's neurons, generated for its own target ranges only when
    /// the projection's rule draws per target (so construction needs neither communication nor the
    /// whole projection); null for the other rules, which are generated whole and filtered.</summary>
    private SynapseTable? RankLocalTable(Projection projection)
    {
        if (!projection.Connectivity.GeneratesPerTarget)
        {
            return null;
        }
        var parts = new List<SynapseTable>();
        int offset = projection.Target.Offset;
        foreach (var (start, end) in _ranges)
        {
            int first = Math.Max(start, offset) - offset;
            int last = Math.Min(end, offset + projection.Target.Size) - offset;
            if (first < last)
            {
                parts.Add(projection.InstantiateTargets(first, last));
            }
        }
        return new SynapseTable(
            [.. parts.SelectMany(t => t.Sources)],
            [.. parts.SelectMany(t => t.Targets)],
            [.. parts.SelectMany(t => t.Weights)],
            [.. parts.SelectMany(t => t.DelaySteps)]);
    }
}
