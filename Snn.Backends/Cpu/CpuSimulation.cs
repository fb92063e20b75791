using Snn.Backends.Engine;
using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;
using Snn.Core.Validation;

namespace Snn.Backends.Cpu;

/// <summary>
/// A network compiled for the CPU: the engine core's step loop (<see cref="EngineCore"/>) run by one
/// thread per partition of the neurons. Each thread works on its own targets only; this engine's
/// phases are the injected currents of a partition's neurons and the delivery: after the partitions
/// meet at a barrier, each walks all of this step's spikes, partition by partition, through its own
/// rows of the synapse matrix (static weights straight into the delay rings, plastic spikes into
/// arrival queues), so delivery needs no atomics and the spikes do not depend on the thread count.
/// </summary>
internal sealed class CpuSimulation : ICheckpointing, IModulation, IWeightWriting, IWeightRecording, ISpikeDiscarding, IEnginePhases
{
    private readonly Network _network;
    private readonly Partitioning _partitioning;
    private readonly SynapseMatrix _matrix;
    private readonly InjectedCurrents _injections;
    private readonly EngineCore _core;
    private bool _disposed;

    public CpuSimulation(Network network, CpuBackendOptions options)
    {
        _network = network;
        int neurons = network.NeuronCount;
        int threads = options.Threads ?? DefaultThreads(neurons);
        _partitioning = new Partitioning(neurons, threads);
        _matrix = new SynapseMatrix(network, _partitioning);
        _injections = new InjectedCurrents(network, _partitioning);
        int parts = _partitioning.Count;
        var ranges = Enumerable.Range(0, parts).Select(p => new[] { (_partitioning.Start(p), _partitioning.End(p)) }).ToArray();
        _core = new EngineCore(network, this, new EngineSetup(ranges, options.UseBlockUpdate, new PlasticFactory(_partitioning, shortTerm: _matrix.ShortTerm),
            _matrix.MaxDelay, m => new StateMonitorBuffer(m, _partitioning)));
    }

    public Network Network => _network;

    public long StepCount => _core.Step;

    public double TimeMs => _core.Step * _network.Dt;

    /// <summary>Number of threads (partitions) used.</summary>
    public int Threads => _partitioning.Count;

    /// <summary>Number of synapses.</summary>
    public long SynapseCount => _matrix.Count + _core.Plastic.Sum(p => (long)p.SynapseCount);

    public void Run(double durationMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _core.Run(SimulationLimits.StepsOf(durationMs, _network.Dt));
    }

    void IEnginePhases.ApplyCurrents(int part, long step) => _injections.Apply(_core.State.Current, part, step);

    void IEnginePhases.AfterPlasticArrivals(int part, long step, int slot)
    {
    }

    void IEnginePhases.Deliver(int part, long step, int slot, int buffer)
    {
        for (int q = 0; q < _partitioning.Count; q++)
        {
            var sent = _core.Fired(buffer, q);
            _matrix.Deliver(part, sent, _core.Ring, slot, step);
            _core.DeliverPlastic(part, sent, slot);
        }
    }

    int IEnginePhases.StaticSynapseCount(Projection projection) => _matrix.PositionsOf(projection).Length;

    void IEnginePhases.SampleStaticWeights(Projection projection, float[] row) => StaticWeights(projection).CopyTo(row, 0);

    public WeightRecord GetWeights(WeightMonitor monitor)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _core.WeightMonitorOf(monitor).ToRecord(_network.Dt);
    }

    public double GetModulator(Modulator modulator)
    {
        SimulationChecks.Modulator(_network, modulator);
        return _core.Modulators.Get(modulator);
    }

    public void SetModulator(Modulator modulator, double value)
    {
        SimulationChecks.Modulator(_network, modulator);
        Guard.Finite(value, nameof(value));
        _core.Modulators.Set(modulator, value);
    }

    public SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs = 0)
    {
        CheckMonitor(monitor);
        return _core.GetSpikes(monitor, sinceMs);
    }

    public void DiscardSpikes(double untilMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _core.DiscardSpikes(untilMs);
    }

    public RateRecord GetRate(RateMonitor monitor)
    {
        CheckMonitor(monitor);
        return _core.GetRate(monitor);
    }

    public StateRecord GetState(StateMonitor monitor)
    {
        CheckMonitor(monitor);
        return ((StateMonitorBuffer)_core.StateRecorderOf(monitor)).ToRecord(_network.Dt);
    }

    public float[] GetWeights(Projection projection)
    {
        CheckProjection(projection);
        return _core.PlasticOf(projection) is { } plastic ? plastic.GetWeights() : StaticWeights(projection);
    }

    private float[] StaticWeights(Projection projection)
    {
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
        SimulationChecks.Weights(projection, weights, _core.SynapseCountOf(projection));
        if (_core.PlasticOf(projection) is { } plastic)
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
        _core.SaveCheckpoint(stream, GetWeights, writer => _matrix.ShortTerm?.Snapshot(_core.Ring.Slots).Write(writer));
    }

    public void RestoreCheckpoint(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(stream);
        _core.RestoreCheckpoint(stream, (projection, weights) => SetWeights(projection, weights), (reader, step) =>
        {
            var shortTerm = _matrix.ShortTerm?.Read(reader, _core.Ring.Slots, step);
            return () => _matrix.ShortTerm?.Apply(shortTerm!);
        });
    }

    private void CheckMonitor(NeuronMonitor monitor) => SimulationChecks.Monitor(_network, monitor, _disposed, this);

    private void CheckProjection(Projection projection) => SimulationChecks.Projection(_network, projection, _disposed, this);

    private static int DefaultThreads(int neurons) => Math.Clamp(neurons / 4000, 1, Environment.ProcessorCount);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _core.Dispose();
        }
    }
}
