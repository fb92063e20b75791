using Snn.Backends.Checkpointing;
using Snn.Core;
using Snn.Core.Monitors;

namespace Snn.Backends.Engine;

/// <summary>
/// What follows <see cref="EngineCheckpoint"/>'s shared part in the checkpoint of every clock-driven
/// engine, in this order: the rows of each state monitor, the rows of each weight monitor, each plastic
/// projection's state (<see cref="PlasticCheckpoint"/>) and the modulator values; the engine's own state
/// (short-term plasticity) comes last. The engines that keep their state in host arrays and the GPU
/// engine write and read it here, so each reads the other's checkpoints.
/// </summary>
/// <param name="StateRows">Per state monitor, its samples.</param>
/// <param name="WeightRows">Per weight monitor, its snapshots.</param>
/// <param name="Plastic">Per plastic projection (projection order), its state.</param>
/// <param name="Modulators">The value of each modulator.</param>
internal sealed record CheckpointTail(List<float[]>[] StateRows, List<float[]>[] WeightRows, PlasticCheckpoint[] Plastic, float[] Modulators)
{
    /// <summary>Writes the monitors' rows, then each plastic projection's state through
    /// <paramref name="writePlastic"/>, then <paramref name="modulators"/>.</summary>
    public static void Write(CheckpointWriter writer, IEnumerable<List<float[]>> stateRows, IEnumerable<WeightMonitorBuffer> weightMonitors,
        Action<CheckpointWriter> writePlastic, float[] modulators)
    {
        foreach (var rows in stateRows)
        {
            writer.WriteRows(rows);
        }
        foreach (var monitor in weightMonitors)
        {
            writer.WriteRows(monitor.Rows);
        }
        writePlastic(writer);
        writer.Write<float>(modulators);
    }

    /// <summary>Reads and validates what <see cref="Write"/> wrote, changing nothing: the rows of
    /// <paramref name="stateMonitors"/> and <paramref name="weightMonitors"/>, the states of the plastic
    /// projections of <paramref name="plastic"/> and <paramref name="modulators"/> values.</summary>
    public static CheckpointTail Read(CheckpointReader reader, IEnumerable<StateMonitor> stateMonitors, IEnumerable<WeightMonitorBuffer> weightMonitors,
        IEnumerable<(Projection Projection, int SynapseCount)> plastic, int modulators)
    {
        var stateRows = stateMonitors.Select(m => reader.ReadRows(m.Neurons.Count, "state samples")).ToArray();
        var weightRows = weightMonitors.Select(m => reader.ReadRows(m.SynapseCount, "weight snapshots")).ToArray();
        var plasticStates = plastic.Select(p => PlasticCheckpoint.Read(reader, p.Projection, p.SynapseCount)).ToArray();
        var values = EngineCheckpoint.ReadFinite(reader, modulators, "modulator values");
        return new CheckpointTail(stateRows, weightRows, plasticStates, values);
    }

    /// <summary>Replaces the rows of the state monitors (<paramref name="stateRows"/>, in monitor order) and of
    /// <paramref name="weightMonitors"/> with those read.</summary>
    public void RestoreRows(IEnumerable<List<float[]>> stateRows, IEnumerable<WeightMonitorBuffer> weightMonitors)
    {
        int m = 0;
        foreach (var rows in stateRows)
        {
            rows.Clear();
            rows.AddRange(StateRows[m++]);
        }
        m = 0;
        foreach (var monitor in weightMonitors)
        {
            monitor.Rows.Clear();
            monitor.Rows.AddRange(WeightRows[m++]);
        }
    }
}
