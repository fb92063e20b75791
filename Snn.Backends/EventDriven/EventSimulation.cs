using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;
using Snn.Core.Validation;

namespace Snn.Backends.EventDriven;

/// <summary>
/// A network compiled for an event-driven engine: spikes are events with continuous times (ms) in
/// one priority queue, ordered by time, then kind (input changes, firings, arrivals), then global
/// neuron index, then scheduling order, so equal-time events are always processed in the same
/// order. Neurons are advanced only when an event reaches them; every synapse has its own
/// continuous delay (<see cref="ContinuousSynapseTable"/>). <see cref="ISimulation.Run"/> processes
/// every event up to and including the end of the run; the run length is still a whole number of
/// the network's steps, and <see cref="GetSpikes"/> reports each spike in the step that contains it
/// (time ⌈t/dt⌉·dt). <see cref="GetExactSpikes"/> gives the exact times. Checkpoints, plasticity,
/// modulators and weight monitors are not supported.
/// </summary>
public abstract class EventSimulation : IWeightWriting
{
    private readonly PriorityQueue<ScheduledEvent, EventKey> _queue = new();
    private readonly EventPopulation[] _populations;
    private readonly int[] _populationOfNeuron;
    private readonly bool[] _recorded;
    private readonly List<double> _spikeTimes = [];
    private readonly List<int> _spikeNeurons = [];
    private readonly StateMonitor[] _stateMonitors;
    private readonly List<float[]>[] _stateRows;
    private long _sequence;
    private long _step;
    private bool _disposed;

    private protected EventSimulation(Network network, Func<Population, EventPopulation> createPopulation)
    {
        Network = network;
        var tables = network.Projections.Select(ContinuousSynapseTable.Instantiate).ToArray();
        int neurons = network.NeuronCount;
        var outDegree = new int[neurons + 1];
        InDegree = new int[neurons];
        long total = 0;
        foreach (var projection in network.Projections)
        {
            var table = tables[projection.Index];
            total += table.Count;
            for (int s = 0; s < table.Count; s++)
            {
                outDegree[projection.Source.Offset + table.Sources[s] + 1]++;
                InDegree[projection.Target.Offset + table.Targets[s]]++;
            }
        }
        RowStart = new int[neurons + 1];
        for (int i = 0; i < neurons; i++)
        {
            RowStart[i + 1] = checked(RowStart[i] + outDegree[i + 1]);
        }
        int count = (int)total;
        SynapseTarget = new int[count];
        SynapseWeight = new double[count];
        SynapseDelayMs = new double[count];
        SynapseInhibitory = new bool[count];
        SynapseProjection = new int[count];
        ProjectionPositions = new int[network.Projections.Count][];
        var fill = RowStart[..^1].ToArray();
        foreach (var projection in network.Projections)
        {
            var table = tables[projection.Index];
            var positions = new int[table.Count];
            for (int s = 0; s < table.Count; s++)
            {
                int at = fill[projection.Source.Offset + table.Sources[s]]++;
                positions[s] = at;
                SynapseTarget[at] = projection.Target.Offset + table.Targets[s];
                SynapseWeight[at] = table.Weights[s];
                SynapseDelayMs[at] = table.DelaysMs[s];
                SynapseInhibitory[at] = projection.Receptor == Receptor.Inhibitory;
                SynapseProjection[at] = projection.Index;
            }
            ProjectionPositions[projection.Index] = positions;
        }
        _populations = network.Populations.Select(createPopulation).ToArray();
        _populationOfNeuron = new int[neurons];
        foreach (var population in network.Populations)
        {
            Array.Fill(_populationOfNeuron, population.Index, population.Offset, population.Size);
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
        _stateMonitors = network.Monitors.OfType<StateMonitor>().ToArray();
        _stateRows = _stateMonitors.Select(_ => new List<float[]>()).ToArray();
    }

    /// <summary>Starts the populations (called once the derived engine is fully built).</summary>
    private protected void Start()
    {
        foreach (var population in _populations)
        {
            population.Start(this);
        }
    }

    /// <inheritdoc />
    public Network Network { get; }

    /// <inheritdoc />
    public long StepCount => _step;

    /// <inheritdoc />
    public double TimeMs => _step * Network.Dt;

    /// <summary>Number of events processed so far.</summary>
    public long EventCount { get; private set; }

    /// <summary>First synapse of each global neuron's row, and one past the last (CSR by source).</summary>
    private protected int[] RowStart { get; }

    /// <summary>Global target neuron of each synapse.</summary>
    private protected int[] SynapseTarget { get; }

    /// <summary>Weight of each synapse (unit of the target model).</summary>
    private protected double[] SynapseWeight { get; }

    /// <summary>Delay of each synapse (ms).</summary>
    private protected double[] SynapseDelayMs { get; }

    /// <summary>Whether each synapse feeds the inhibitory receptor.</summary>
    private protected bool[] SynapseInhibitory { get; }

    /// <summary>Projection of each synapse.</summary>
    private protected int[] SynapseProjection { get; }

    /// <summary>Number of synapses onto each global neuron.</summary>
    private protected int[] InDegree { get; }

    /// <summary>For each projection, the position of its k-th synapse (generation order) in the synapse arrays.</summary>
    private protected int[][] ProjectionPositions { get; }

    /// <summary>The engine population of <paramref name="population"/>.</summary>
    private protected EventPopulation PopulationOf(Population population) => _populations[population.Index];

    /// <summary>Whether synapse <paramref name="synapse"/> feeds the inhibitory receptor.</summary>
    internal bool IsInhibitorySynapse(int synapse) => SynapseInhibitory[synapse];

    /// <summary>Queues an event.</summary>
    internal void Schedule(double time, EventKind kind, int neuron, int synapse = -1, double value = 0, long version = 0)
        => _queue.Enqueue(new ScheduledEvent(kind, neuron, synapse, value, version), new EventKey(time, kind, neuron, _sequence++));

    /// <summary>Neuron <paramref name="neuron"/> (global) spikes at <paramref name="time"/> (ms): records it and transmits it.</summary>
    internal void Emit(int neuron, double time)
    {
        if (_recorded[neuron])
        {
            _spikeTimes.Add(time);
            _spikeNeurons.Add(neuron);
        }
        OnSpike(neuron, time);
        Transmit(neuron, time);
    }

    /// <summary>Called for every spike before it is transmitted (for per-spike accounting).</summary>
    private protected virtual void OnSpike(int neuron, double time)
    {
    }

    /// <summary>Sends a spike of <paramref name="source"/> at <paramref name="time"/> (ms) down its
    /// synapses: by default one arrival per synapse after its delay, carrying its weight.</summary>
    private protected virtual void Transmit(int source, double time)
    {
        for (int s = RowStart[source]; s < RowStart[source + 1]; s++)
        {
            Schedule(time + SynapseDelayMs[s], EventKind.Arrival, SynapseTarget[s], s, SynapseWeight[s]);
        }
    }

    /// <inheritdoc />
    public void Run(double durationMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        double dt = Network.Dt;
        long steps = SimulationLimits.StepsOf(durationMs, dt);
        if (steps == 0)
        {
            return;
        }
        long last = _step + steps;
        var samples = new SortedSet<long>();
        foreach (var monitor in _stateMonitors)
        {
            long interval = monitor.IntervalSteps;
            for (long s = (_step / interval + 1) * interval; s <= last; s += interval)
            {
                samples.Add(s);
            }
        }
        foreach (long sample in samples)
        {
            double time = sample * dt;
            ProcessUntil(time);
            for (int m = 0; m < _stateMonitors.Length; m++)
            {
                var monitor = _stateMonitors[m];
                if (sample % monitor.IntervalSteps == 0)
                {
                    _stateRows[m].Add(SampleRow(monitor, time));
                }
            }
        }
        ProcessUntil(last * dt);
        _step = last;
    }

    private float[] SampleRow(StateMonitor monitor, double time)
    {
        var population = _populations[monitor.Population.Index];
        var row = new float[monitor.Neurons.Count];
        for (int k = 0; k < row.Length; k++)
        {
            row[k] = population.Sample(monitor.Neurons[k], time, monitor.Variable);
        }
        return row;
    }

    private void ProcessUntil(double time)
    {
        while (_queue.TryPeek(out var e, out var key) && key.Time <= time)
        {
            _queue.Dequeue();
            EventCount++;
            _populations[_populationOfNeuron[e.Neuron]].Handle(this, e, key.Time);
        }
    }

    /// <summary>The spikes of <paramref name="monitor"/> later than <paramref name="sinceMs"/> with their exact times.</summary>
    /// <param name="monitor">A spike monitor of this network.</param>
    /// <param name="sinceMs">Only spikes after this time (ms), ≥ 0.</param>
    public ExactSpikeRecord GetExactSpikes(SpikeMonitor monitor, double sinceMs = 0)
    {
        CheckMonitor(monitor);
        Guard.NonNegative(sinceMs, nameof(sinceMs));
        var (times, neurons) = Spikes(monitor, sinceMs);
        return new ExactSpikeRecord(times, neurons);
    }

    private (double[] Times, int[] Neurons) Spikes(NeuronMonitor monitor, double sinceMs)
    {
        var population = monitor.Population;
        var wanted = new bool[population.Size];
        foreach (int neuron in monitor.Neurons)
        {
            wanted[neuron] = true;
        }
        var times = new List<double>();
        var neurons = new List<int>();
        for (int i = 0; i < _spikeTimes.Count; i++)
        {
            int local = _spikeNeurons[i] - population.Offset;
            if (_spikeTimes[i] > sinceMs && local >= 0 && local < population.Size && wanted[local])
            {
                times.Add(_spikeTimes[i]);
                neurons.Add(local);
            }
        }
        return ([.. times], [.. neurons]);
    }

    private long StepOf(double time) => Math.Max(1, (long)Math.Ceiling(time / Network.Dt - 1e-9));

    /// <inheritdoc />
    public SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs = 0)
    {
        CheckMonitor(monitor);
        Guard.NonNegative(sinceMs, nameof(sinceMs));
        var (times, neurons) = Spikes(monitor, sinceMs);
        var steps = new long[times.Length];
        for (int i = 0; i < steps.Length; i++)
        {
            steps[i] = StepOf(times[i]);
        }
        return new SpikeRecord(steps, neurons, Network.Dt, monitor.Neurons.Count, monitor.Population.Size, Math.Max(0, TimeMs - sinceMs));
    }

    /// <inheritdoc />
    public RateRecord GetRate(RateMonitor monitor)
    {
        CheckMonitor(monitor);
        var (times, _) = Spikes(monitor, 0);
        var counts = new int[_step];
        foreach (double time in times)
        {
            long step = StepOf(time);
            if (step <= _step)
            {
                counts[step - 1]++;
            }
        }
        return new RateRecord(counts, Network.Dt, monitor.Population.Size);
    }

    /// <inheritdoc />
    public StateRecord GetState(StateMonitor monitor)
    {
        CheckMonitor(monitor);
        int m = Array.IndexOf(_stateMonitors, monitor);
        var rows = _stateRows[m];
        var times = new double[rows.Count];
        for (int s = 0; s < times.Length; s++)
        {
            times[s] = (s + 1) * monitor.IntervalSteps * Network.Dt;
        }
        return new StateRecord(monitor.Variable, [.. monitor.Neurons], times, [.. rows]);
    }

    /// <inheritdoc />
    public float[] GetWeights(Projection projection)
    {
        CheckProjection(projection);
        var positions = ProjectionPositions[projection.Index];
        var weights = new float[positions.Length];
        for (int s = 0; s < weights.Length; s++)
        {
            weights[s] = (float)SynapseWeight[positions[s]];
        }
        return weights;
    }

    /// <inheritdoc />
    public void SetWeights(Projection projection, ReadOnlySpan<float> weights)
    {
        CheckProjection(projection);
        var positions = ProjectionPositions[projection.Index];
        if (weights.Length != positions.Length)
        {
            throw new ArgumentException($"weights has {weights.Length} values; projection {projection.Name} has {positions.Length} synapses.", nameof(weights));
        }
        for (int s = 0; s < weights.Length; s++)
        {
            ValidateWeight(projection, s, weights[s]);
        }
        for (int s = 0; s < weights.Length; s++)
        {
            SynapseWeight[positions[s]] = weights[s];
            OnWeightChanged(positions[s]);
        }
    }

    /// <summary>Throws when <paramref name="weight"/> is not valid for <paramref name="projection"/>.</summary>
    private protected virtual void ValidateWeight(Projection projection, int synapse, float weight)
    {
        if (!float.IsFinite(weight))
        {
            throw new ArgumentOutOfRangeException("weights", weight, $"weights[{synapse}] = {weight} must be finite.");
        }
    }

    /// <summary>Called after the weight at <paramref name="position"/> changed.</summary>
    private protected virtual void OnWeightChanged(int position)
    {
    }

    private protected void CheckMonitor(NeuronMonitor monitor)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(monitor);
        if (!Network.Monitors.Contains(monitor))
        {
            throw new ArgumentException("The monitor belongs to another network.", nameof(monitor));
        }
    }

    private protected void CheckProjection(Projection projection)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(projection);
        if (!Network.Projections.Contains(projection))
        {
            throw new ArgumentException($"Projection {projection.Name} belongs to another network.", nameof(projection));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        GC.SuppressFinalize(this);
    }
}
