using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Cpu;

/// <summary>Checkpoints saved by path: they restore like stream checkpoints, and a save that fails
/// leaves the previous checkpoint file intact.</summary>
public sealed class CheckpointFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("snn-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ACheckpointSavedByPathRestoresAndAFailedSaveKeepsThePreviousFile()
    {
        string path = Path.Combine(_folder, "run.ckpt");
        var cuba = SimulationHelpers.Cuba(400, seed: 2);
        var simulation = SimulationHelpers.Compile(cuba.Network);
        simulation.Run(20);
        simulation.SaveCheckpoint(path);
        var saved = File.ReadAllBytes(path);
        simulation.Run(20);
        var expected = simulation.GetSpikes(cuba.ExcitatorySpikes);

        simulation.Dispose();
        Assert.Throws<ObjectDisposedException>(() => simulation.SaveCheckpoint(path));
        Assert.Equal(saved, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder));

        using var restored = SimulationHelpers.Compile(cuba.Network);
        restored.RestoreCheckpoint(path);
        restored.Run(20);
        SimulationHelpers.AssertSameSpikes(expected, restored.GetSpikes(cuba.ExcitatorySpikes));
    }
}
