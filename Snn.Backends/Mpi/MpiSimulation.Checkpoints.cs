using Snn.Backends.Checkpointing;
using Snn.Backends.Engine;
using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Mpi;

/// <summary>
/// Checkpoints of the distributed engine. A checkpoint is the whole network's, in the one-process
/// engine's layout, whatever the number of ranks: the ranks' parts (neuron state, delay-ring entries
/// and synapses of their own neurons, plastic state, state and weight monitor rows) are gathered, so
/// a checkpoint saved on K ranks restores on any number of ranks and on <c>CpuBackend</c>, and the
/// other way round.
/// </summary>
public sealed partial class MpiSimulation
{
    /// <summary>Collective: writes the whole network's checkpoint, the same bytes on every rank, to each
    /// rank's <paramref name="stream"/> (every rank may write the same file through
    /// <see cref="CheckpointFiles.SaveCheckpoint(ISimulation, string)"/>: each writes a temporary file of its
    /// own and renames it).</summary>
    public void SaveCheckpoint(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_failed, this);
        ArgumentNullException.ThrowIfNull(stream);
        Func<int, bool> owned = neuron => _layout.OwnerOf(neuron) == Rank;
        var state = _core.State;
        var ring = _core.Ring;
        var v = RankGather.Owned(_session, state.V, owned);
        var u = RankGather.Owned(_session, state.U, owned);
        var synE = RankGather.Owned(_session, state.SynE, owned);
        var synI = RankGather.Owned(_session, state.SynI, owned);
        var refractory = RankGather.Owned(_session, state.Refractory, owned);
        var ringData = RankGather.Owned(_session, ring.Data, i => owned(i % ring.Stride % ring.Neurons));
        var weights = _network.Projections.Select(GetWeights).ToArray();
        var stateRows = _core.StateRecorders.Select(m => ((DistributedStateMonitor)m).ToRecord(_session, _network.Dt).Values).ToArray();
        var weightRows = _core.WeightMonitors.Select(GatherRows).ToArray();
        var plastic = _core.Plastic.Select(p => GatherPlastic(p, owned)).ToArray();
        var (times, neurons) = _core.MergedSpikes(0, _core.Recorded, 0);
        var writer = new CheckpointWriter();
        EngineCheckpoint.Write(writer, _core.Fingerprint(), _core.Step, v, u, synE, synI, refractory, ringData, weights, times, neurons);
        foreach (var rows in stateRows)
        {
            writer.WriteRows(rows);
        }
        foreach (var rows in weightRows)
        {
            writer.WriteRows(rows);
        }
        foreach (var projection in plastic)
        {
            projection.Write(writer);
        }
        writer.Write<float>(_core.Modulators.Snapshot());
        _matrix.ShortTerm?.Snapshot(ring.Slots).Write(writer);
        writer.WriteTo(stream);
    }

    /// <summary>Collective: restores a checkpoint written by any engine of the CPU family (this one on any
    /// number of ranks, or <c>CpuBackend</c>) for this network. Rank 0 reads its <paramref name="stream"/> and
    /// hands the bytes to every rank (the other ranks' streams are not read); each rank validates them all and
    /// keeps its own part. A bad checkpoint is refused on every rank alike and leaves the simulation as it was.</summary>
    public void RestoreCheckpoint(Stream stream)
    {
        ObjectDisposedException.ThrowIf(_failed, this);
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = [];
        Exception? failure = null;
        if (Rank == 0)
        {
            try
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException)
            {
                failure = e;
            }
        }
        long[] length = [failure is null ? bytes.Length : -1];
        _session.Broadcast<long>(length, 0);
        if (length[0] < 0)
        {
            throw failure ?? new IOException("Rank 0 could not read the checkpoint stream; see its error.");
        }
        if (Rank != 0)
        {
            bytes = new byte[length[0]];
        }
        _session.Broadcast<byte>(bytes, 0);
        _core.RestoreCheckpoint(new MemoryStream(bytes), (projection, weights) => SetWeights(projection, weights), (reader, step) =>
        {
            var shortTerm = _matrix.ShortTerm?.Read(reader, _core.Ring.Slots, step);
            return () => _matrix.ShortTerm?.Apply(shortTerm!);
        });
        foreach (var monitor in _core.StateRecorders)
        {
            ((DistributedStateMonitor)monitor).KeepOwnColumns();
        }
    }

    /// <summary>Collective: the snapshots of <paramref name="monitor"/> with every rank's synapses.</summary>
    private List<float[]> GatherRows(WeightMonitorBuffer monitor)
    {
        var projection = monitor.Monitor.Projection;
        int count = _core.SynapseCountOf(projection);
        Func<int, bool> isLocal = _core.PlasticOf(projection) is { } plastic ? plastic.IsLocal : StaticIsLocal(projection);
        var rows = monitor.Rows;
        var flat = new float[(long)rows.Count * count];
        for (int r = 0; r < rows.Count; r++)
        {
            rows[r].CopyTo(flat, (long)r * count);
        }
        var whole = RankGather.Owned(_session, flat, k => isLocal(k % count));
        return [.. Enumerable.Range(0, rows.Count).Select(r => whole.AsSpan(r * count, count).ToArray())];
    }

    /// <summary>Collective: <paramref name="plastic"/>'s state with every rank's synapses, the post states of every
    /// rank's targets and every rank's spikes still travelling to its synapses (a target's in its rank's order,
    /// which is the order they arrive in).</summary>
    private PlasticCheckpoint GatherPlastic(PlasticProjection plastic, Func<int, bool> owned)
    {
        var scratch = new CheckpointWriter();
        plastic.Save(scratch, _core.Step);
        using var bytes = new MemoryStream();
        scratch.WriteTo(bytes);
        bytes.Position = 0;
        var local = PlasticCheckpoint.Read(new CheckpointReader(bytes), plastic.Projection, plastic.SynapseCount);
        int targetOffset = plastic.Projection.Target.Offset;
        return new PlasticCheckpoint(
            RankGather.Owned(_session, local.Synapses, plastic.IsLocal),
            RankGather.Owned(_session, local.Post, target => owned(targetOffset + target)),
            RankGather.Concatenate(_session, local.PendingSynapses),
            RankGather.Concatenate(_session, local.PendingSteps));
    }
}
