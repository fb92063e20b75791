using Snn.Backends.Tests.Mpi;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Conformance;

/// <summary>
/// Checkpoint round trips on every engine that claims checkpoints: saved at a time when spikes are
/// still travelling, restored into a fresh simulation of the same engine and continued, the run equals
/// the uninterrupted one bit for bit; restored into the CPU engine (the checkpoint layout is shared), it
/// continues as the CPU engine's uninterrupted run. Engines that learn save the modulated scenario
/// (plastic state, queued plastic arrivals, modulator); the GPU engine saves the static one (its learning
/// is checked on networks of its own in <see cref="Gpu.GpuCheckpointTests"/>). The MPI engine saves and
/// restores on the same number of ranks here; checkpoints moving between rank counts are in
/// <see cref="DistributedEquivalenceTests"/>.
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class CheckpointConformanceTests
{
    public static TheoryData<string> CheckpointingEngines => ConformanceEngines.Claiming(SimulationCapabilities.Checkpoints);

    public static TheoryData<string> CheckpointingEnginesUnderMpirun => ConformanceEngines.Claiming(SimulationCapabilities.Checkpoints, underMpirun: true);

    private static ScenarioNetwork Build(ConformanceEngine engine) => engine.Plasticity ? ConformanceNetworks.Modulated(engine.Settings, seed: 9) : ConformanceNetworks.Static(engine.Settings, seed: 9);

    [Theory]
    [MemberData(nameof(CheckpointingEngines))]
    [MpiMemberData(nameof(CheckpointingEnginesUnderMpirun))]
    public void RestoredRunContinuesAsTheUninterruptedRunOnTheEngineAndOnTheCpuEngine(string name)
    {
        var engine = ConformanceEngines.Named(name);
        double saveAt = Math.Round(engine.DurationMs * 0.45, 1);
        var built = Build(engine);
        using var whole = engine.Compile(built.Network);
        whole.Run(saveAt);
        using var saved = new MemoryStream();
        whole.SaveCheckpoint(saved);
        whole.Run(engine.DurationMs - saveAt);
        ConformanceAssert.Busy(whole, built, atLeast: 10);

        using var resumed = engine.Compile(built.Network);
        saved.Position = 0;
        resumed.RestoreCheckpoint(saved);
        Assert.Equal(whole.StepCount - SimulationHelpers.Steps(engine.DurationMs - saveAt, built.Network.Dt), resumed.StepCount);
        resumed.Run(engine.DurationMs - saveAt);
        ConformanceAssert.SameRun(whole, built, resumed, built);

        var onReference = Build(engine);
        using var reference = ConformanceAssert.Reference(onReference);
        reference.Run(engine.DurationMs);
        using var onCpu = ConformanceAssert.Reference(onReference);
        saved.Position = 0;
        onCpu.RestoreCheckpoint(saved);
        onCpu.Run(engine.DurationMs - saveAt);
        ConformanceAssert.SameRun(reference, onReference, onCpu, onReference);
    }
}
