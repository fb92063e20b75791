using ILGPU.Runtime;
using Snn.Backends.Checkpointing;
using Snn.Backends.Engine;

namespace Snn.Backends.Gpu;

internal sealed partial class GpuSimulation
{
    /// <summary>Writes the checkpoint layout of the engine core (<see cref="EngineCheckpoint"/>, then
    /// <see cref="CheckpointTail"/>, then the short-term plasticity state), so the CPU engine reads it.</summary>
    public void SaveCheckpoint(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(stream);
        _accelerator.Synchronize();
        var writer = new CheckpointWriter();
        EngineCheckpoint.Write(writer, Fingerprint(), _step, _v.GetAsArray1D(), _u.GetAsArray1D(), _synE.GetAsArray1D(), _synI.GetAsArray1D(),
            _refractory.GetAsArray1D(), _ring.GetAsArray1D(), _network.Projections.Select(GetWeights), _log.Times, _log.Neurons);
        var history = _history.GetAsArray1D();
        var counts = _historyCounts.GetAsArray1D();
        int n = _network.NeuronCount;
        int[] SpikesOfStep(long fired)
        {
            int slot = (int)(fired % _slots);
            return history.AsSpan(slot * n, counts[slot]).ToArray();
        }
        CheckpointTail.Write(writer, _stateMonitors.Select(m => m.Rows), _weightMonitors, w =>
        {
            foreach (var plastic in _plastic)
            {
                plastic.Save(w, _step, SpikesOfStep);
            }
        }, _modulatorParameters.Length == 0 ? [] : _modulators.GetAsArray1D());
        _shortTerm?.Snapshot().Write(writer);
        writer.WriteTo(stream);
    }

    /// <summary>Reads and validates a checkpoint of <see cref="SaveCheckpoint"/>'s layout (written by this
    /// engine or the CPU engine), then restores it; a bad checkpoint leaves the state as it was.</summary>
    public void RestoreCheckpoint(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new CheckpointReader(stream);
        var shared = EngineCheckpoint.Read(reader, Fingerprint(), _network, _ring.Length, SynapseCountOf);
        long step = shared.Step;
        var tail = CheckpointTail.Read(reader, _stateMonitors.Select(m => m.Monitor), _weightMonitors,
            _plastic.Select(p => (p.Projection, p.SynapseCount)), _modulatorParameters.Length);
        var shortTerm = _shortTerm?.Read(reader, step);
        reader.ExpectEnd();
        var pending = new HashSet<(long Step, int Neuron)>();
        for (int j = 0; j < _plastic.Length; j++)
        {
            pending.UnionWith(_plastic[j].PendingSpikes(tail.Plastic[j], step));
        }
        // Everything above only reads and validates; nothing below can fail, so a bad checkpoint
        // leaves the simulation as it was.
        _accelerator.Synchronize();
        _step = step;
        UploadState(shared.V, shared.U, shared.SynE, shared.SynI, shared.Refractory);
        _ring.CopyFromCPU(shared.Ring);
        if (tail.Modulators.Length > 0)
        {
            _modulators.CopyFromCPU(tail.Modulators);
        }
        if (shortTerm is not null)
        {
            _shortTerm!.Apply(shortTerm);
        }
        foreach (var projection in _network.Projections)
        {
            SetWeights(projection, shared.Weights[projection.Index]);
        }
        for (int j = 0; j < _plastic.Length; j++)
        {
            _plastic[j].Apply(tail.Plastic[j]);
        }
        RebuildHistory(pending);
        var (times, neurons) = (shared.SpikeTimes, shared.SpikeNeurons);
        _log.Clear();
        for (int i = 0; i < times.Length; i++)
        {
            _log.Add(times[i], neurons[i]);
        }
        tail.RestoreRows(_stateMonitors.Select(m => m.Rows), _weightMonitors);
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

    /// <summary>Copies a neuron state (one value per global neuron) to the device.</summary>
    private void UploadState(float[] v, float[] u, float[] synE, float[] synI, int[] refractory)
    {
        _v.CopyFromCPU(v);
        _u.CopyFromCPU(u);
        _synE.CopyFromCPU(synE);
        _synI.CopyFromCPU(synI);
        _refractory.CopyFromCPU(refractory);
    }

    /// <summary>What a checkpoint must match, computed as the engine core does, so the engines read each
    /// other's checkpoints.</summary>
    private ulong Fingerprint() => EngineCore.Fingerprint(_network, _slots);
}
