namespace Snn.Core.Simulation;

/// <summary>A simulation that can write its complete state and continue from it bit-identically.</summary>
public interface ICheckpointing : ISimulation
{
    /// <summary>Writes the complete state (neurons, pending spikes, weights, monitors, step).</summary>
    void SaveCheckpoint(Stream stream);

    /// <summary>Restores a state written by <see cref="SaveCheckpoint"/> from a simulation of the same
    /// network; throws <see cref="InvalidDataException"/> naming the byte offset of corrupt data.</summary>
    void RestoreCheckpoint(Stream stream);
}
