using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text;
using Snn.Backends.Cpu;
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
/// independently: no spike emitted inside an interval can arrive before it ends. After each
/// interval every rank gathers the spikes of all ranks (<c>MPI_Allgather</c> of the lengths, then
/// <c>MPI_Allgatherv</c>) and, step by step, delivers them in ascending global neuron order through
/// its own synapse rows, so every float sum into a target is formed in the same order as in the
/// one-process <c>CpuBackend</c>: the spike trains are identical for any number of ranks.
/// <para>
/// Every rank receives every spike, so spike monitors are filled on every rank without further
/// communication; state monitors, <see cref="GetState"/> and <see cref="GetWeights(Projection)"/>
/// gather the ranks' parts and are collective, as is <see cref="Run"/>: every rank must call them
/// in the same order. A rank that fails inside <see cref="Run"/> reports it at the next exchange,
/// and every rank then throws <see cref="MpiRankFailedException"/> with its message.
/// </para>
/// <para>
/// Limits: plasticity, modulators, weight monitors and checkpoints are refused; neuron state and
/// delay rings are indexed globally, so each rank holds O(N) of them while synapses, the dominant
/// memory, are split; each projection is generated whole on every rank and filtered (connectivity
/// drawn per target would allow generating only the rank's targets).
/// </para>
/// </summary>
public sealed class MpiSimulation : ISimulation
{
    private const int DefaultIntervalSteps = 10;
    private readonly MpiSession _session;
    private readonly Network _network;
    private readonly RankLayout _layout;
    private readonly (int Start, int End)[] _ranges;
    private readonly (NeuronGroup Group, int Start, int End)[] _segments = [];
    private readonly NeuronStateArrays _state;
    private readonly DelayRing _ring;
    private readonly SynapseMatrix _matrix;
    private readonly OwnedInjection[] _injections = [];
    private readonly int[] _injected = [];
    private readonly PreparedPoissonDrive[] _drives = [];
    private readonly bool[] _recorded;
    private readonly SpikeLog _log = new();
    private readonly DistributedStateMonitor[] _stateMonitors = [];
    private readonly int[] _send;
    private readonly int[] _lengths;
    private readonly int[] _displacements;
    private readonly int[] _cursors;
    private readonly int[] _merged;
    private int[] _receive = new int[1024];
    private long _step;
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
        _state = new NeuronStateArrays(neurons);
        _recorded = new bool[neurons];
        _lengths = new int[session.Size];
        _displacements = new int[session.Size];
        _cursors = new int[session.Size];
        _merged = new int[neurons];
        Exception? failure = null;
        SynapseMatrix? matrix = null;
        try
        {
            var factory = new GroupFactory(options.UseBlockUpdate);
            var groups = network.Populations.Select(p => p.Accept(factory)).ToArray();
            _segments = Segments(groups, _ranges);
            LocalNeuronCount = _ranges.Sum(r => r.End - r.Start);
            SetInitialState(network);
            matrix = new SynapseMatrix(network, new Partitioning(neurons, 1), neuron => _layout.OwnerOf(neuron) == session.Rank, RankLocalTable);
            _injections = network.Injections.Select(i => new OwnedInjection(i, network, n => _layout.OwnerOf(n) == session.Rank)).ToArray();
            _injected = _injections.SelectMany(i => i.Neurons.ToArray()).Distinct().Order().ToArray();
            _drives = network.PoissonDrives.Select(d => new PreparedPoissonDrive(d, network)).ToArray();
            _stateMonitors = network.Monitors.OfType<StateMonitor>().Select(m => new DistributedStateMonitor(m, _layout, session.Rank)).ToArray();
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
        }
        catch (Exception e)
        {
            failure = e;
        }
        AgreeOnFailure(failure, "building its part of the network");
        _matrix = matrix!;
        IntervalSteps = GlobalMinimumDelay();
        _ring = new DelayRing(neurons, _matrix.MaxDelay);
        _send = new int[IntervalSteps + (long)LocalNeuronCount * IntervalSteps > Array.MaxLength
            ? throw new NotSupportedException($"{LocalNeuronCount} neurons per rank × {IntervalSteps} steps per interval exceed one send buffer; use more ranks.")
            : IntervalSteps + LocalNeuronCount * IntervalSteps];
    }

    /// <inheritdoc />
    public Network Network => _network;

    /// <inheritdoc />
    public long StepCount => _step;

    /// <inheritdoc />
    public double TimeMs => _step * _network.Dt;

    /// <summary>This process's rank.</summary>
    public int Rank => _session.Rank;

    /// <summary>Number of ranks.</summary>
    public int Ranks => _session.Size;

    /// <summary>Neurons this rank owns and updates.</summary>
    public int LocalNeuronCount { get; }

    /// <summary>Synapses this rank holds (those onto its own neurons).</summary>
    public long LocalSynapseCount => _matrix.Count;

    /// <summary>Steps simulated between two spike exchanges: the smallest synaptic delay of the network
    /// (steps), or 10 when it has no synapses.</summary>
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
        long end = _step + SimulationLimits.StepsOf(durationMs, _network.Dt);
        Exception? failure = null;
        while (_step < end)
        {
            int length = (int)Math.Min(IntervalSteps, end - _step);
            long start = Stopwatch.GetTimestamp();
            int sent = 0;
            if (failure is null)
            {
                try
                {
                    sent = SimulateInterval(_step, length);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            }
            long simulated = Stopwatch.GetTimestamp();
            Exchange(length, sent, failure);
            long exchanged = Stopwatch.GetTimestamp();
            try
            {
                DeliverInterval(_step, length);
            }
            catch (Exception e)
            {
                failure = e;
            }
            _computeTicks += simulated - start + Stopwatch.GetTimestamp() - exchanged;
            _communicationTicks += exchanged - simulated;
            _step += length;
        }
        AgreeOnFailure(failure, "delivering spikes");
    }

    /// <summary>Runs the neurons of this rank for <paramref name="length"/> steps from <paramref name="first"/>,
    /// writing the send buffer: the spike count of each step, then the spikes.</summary>
    /// <returns>The number of spikes written.</returns>
    private int SimulateInterval(long first, int length)
    {
        int total = 0;
        for (int j = 0; j < length; j++)
        {
            long step = first + j;
            ApplyCurrents(step);
            int slot = _ring.SlotOf(step);
            foreach (var drive in _drives)
            {
                foreach (var (start, end) in _ranges)
                {
                    drive.AddTo(_ring, slot, step, start, end);
                }
            }
            var buffers = new StepBuffers(_state, _ring, step, slot);
            int count = 0;
            foreach (var (group, start, end) in _segments)
            {
                count += group.Update(start, end, buffers, _send.AsSpan(length + total + count));
            }
            _send[j] = count;
            total += count;
            foreach (var monitor in _stateMonitors)
            {
                monitor.Sample(step, _state);
            }
        }
        return total;
    }

    private void ApplyCurrents(long step)
    {
        if (_injections.Length == 0)
        {
            return;
        }
        foreach (int neuron in _injected)
        {
            _state.Current[neuron] = 0;
        }
        foreach (var injection in _injections)
        {
            injection.AddTo(_state.Current, step);
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
    /// through this rank's synapse rows, and logs the recorded ones.</summary>
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
            _matrix.Deliver(0, spikes, _ring, _ring.SlotOf(step), step);
            foreach (int neuron in spikes)
            {
                if (_recorded[neuron])
                {
                    _log.Add(step + 1, neuron);
                }
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

    private int GlobalMinimumDelay()
    {
        var all = new int[_session.Size];
        _session.Allgather<int>([_matrix.MinDelay], all);
        int minimum = all.Min();
        return minimum == int.MaxValue ? DefaultIntervalSteps : minimum;
    }

    private void SetInitialState(Network network)
    {
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
    }

    private static (NeuronGroup, int, int)[] Segments(NeuronGroup[] groups, (int Start, int End)[] ranges)
    {
        var segments = new List<(NeuronGroup, int, int)>();
        foreach (var (start, end) in ranges)
        {
            foreach (var group in groups)
            {
                int from = Math.Max(start, group.Offset);
                int to = Math.Min(end, group.End);
                if (from < to)
                {
                    segments.Add((group, from, to));
                }
            }
        }
        return [.. segments];
    }

    /// <inheritdoc />
    public SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs = 0)
    {
        CheckMonitor(monitor);
        long since = MonitorRecords.SinceStep(sinceMs, _network.Dt);
        var (times, neurons) = _log.Select(monitor.Population, MonitorRecords.Mask(monitor), since);
        return MonitorRecords.Spikes(monitor, times, neurons, _network.Dt, since, TimeMs);
    }

    /// <inheritdoc />
    public RateRecord GetRate(RateMonitor monitor)
    {
        CheckMonitor(monitor);
        var (times, _) = _log.Select(monitor.Population, MonitorRecords.Mask(monitor), 0);
        return MonitorRecords.Rate(monitor, times, _step, _network.Dt);
    }

    /// <summary>Collective: the samples of <paramref name="monitor"/> from every rank.</summary>
    public StateRecord GetState(StateMonitor monitor)
    {
        CheckMonitor(monitor);
        return _stateMonitors.First(m => m.Monitor == monitor).ToRecord(_session, _network.Dt);
    }
    /// <summary>Collective: the weights of a static projection gathered from every rank, in the order
    /// of <see cref="Projection.Instantiate"/>.</summary>
    public float[] GetWeights(Projection projection)
    {
        CheckProjection(projection);
        var positions = _matrix.PositionsOf(projection);
        var indices = new List<int>();
        for (int s = 0; s < positions.Length; s++)
        {
            if (positions[s] >= 0)
            {
                indices.Add(s);
            }
        }
        var values = indices.Select(s => _matrix.Weight[positions[s]]).ToArray();
        var counts = new int[Ranks];
        _session.Allgather<int>([values.Length], counts);
        var displacements = new int[Ranks];
        for (int r = 1; r < Ranks; r++)
        {
            displacements[r] = displacements[r - 1] + counts[r - 1];
        }
        var allIndices = new int[positions.Length];
        var allValues = new float[positions.Length];
        _session.Allgatherv<int>(indices.ToArray(), allIndices, counts, displacements);
        _session.Allgatherv<float>(values, allValues, counts, displacements);
        var weights = new float[positions.Length];
        for (int k = 0; k < allIndices.Length; k++)
        {
            weights[allIndices[k]] = allValues[k];
        }
        return weights;
    }

    /// <summary>Replaces the weights of a static projection; every rank must pass the same array and
    /// keeps the weights of the synapses onto its own neurons.</summary>
    public void SetWeights(Projection projection, ReadOnlySpan<float> weights)
    {
        CheckProjection(projection);
        var positions = _matrix.PositionsOf(projection);
        SimulationChecks.Weights(projection, weights, positions.Length);
        for (int s = 0; s < weights.Length; s++)
        {
            if (positions[s] >= 0)
            {
                _matrix.Weight[positions[s]] = weights[s];
            }
        }
    }

    /// <inheritdoc />
    public WeightRecord GetWeights(WeightMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        throw new ArgumentException("The weight monitor belongs to another network (the MPI engine compiles no weight monitors).", nameof(monitor));
    }

    /// <inheritdoc />
    public double GetModulator(Modulator modulator) => throw ForeignModulator(modulator);

    /// <inheritdoc />
    public void SetModulator(Modulator modulator, double value) => throw ForeignModulator(modulator);

    private static ArgumentException ForeignModulator(Modulator modulator)
    {
        ArgumentNullException.ThrowIfNull(modulator);
        return new ArgumentException($"Modulator '{modulator.Name}' belongs to another network (the MPI engine compiles none).", nameof(modulator));
    }

    /// <inheritdoc />
    public void SaveCheckpoint(Stream stream) => throw new NotSupportedException(
        "Checkpoints of a distributed (MPI) simulation are not supported yet; run the network on CpuBackend to checkpoint it.");

    /// <inheritdoc />
    public void RestoreCheckpoint(Stream stream) => throw new NotSupportedException(
        "Checkpoints of a distributed (MPI) simulation are not supported yet; run the network on CpuBackend to checkpoint it.");

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
