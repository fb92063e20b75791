using Snn.Core.IO;

namespace Snn.Core.Simulation;

/// <summary>Saves and restores checkpoints by file path. A save goes through a temporary file in the
/// same folder that is renamed at the end (<see cref="AtomicFile"/>), so a failed save (a full disk,
/// an engine error) leaves the previous checkpoint at the path intact.</summary>
public static class CheckpointFiles
{
    /// <summary>Writes the complete state of <paramref name="simulation"/> to the file <paramref name="path"/>.</summary>
    public static void SaveCheckpoint(this ISimulation simulation, string path)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        AtomicFile.Write(path, simulation.SaveCheckpoint);
    }

    /// <summary>Restores <paramref name="simulation"/> from the checkpoint file <paramref name="path"/>;
    /// a corrupt file leaves the simulation unchanged.</summary>
    public static void RestoreCheckpoint(this ISimulation simulation, string path)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        simulation.RestoreCheckpoint(stream);
    }
}
