extern alias driver;

using System.Diagnostics;
using System.Globalization;
using Snn.Backends.Cpu;
using Snn.Core.Simulation;
using driver::Snn.MpiDriver;

namespace Snn.Backends.Tests.Mpi;

/// <summary>
/// What only the MPI engine has, against the one-process CPU engine: the driver (tests/Snn.MpiDriver)
/// builds the same network on every rank under <c>mpirun --oversubscribe</c>, and its spikes, sampled
/// states, rates, gathered weights and weight snapshots must be bit-identical to <see cref="CpuBackend"/>'s
/// with ten steps between spike exchanges, with any stripe of neurons per rank, with short-term
/// plasticity, and across checkpoints that move between one process, one rank and two ranks. Both probes
/// have random weights, so summing a target's inputs in another order would change the spikes. A failing
/// or dying rank must end the whole job with a message, never hang. The scenarios every engine runs
/// (static network, pair and modulated STDP, checkpoints on the same ranks, weight access, spike
/// discarding) run on one, two and three ranks in the conformance suite (<see cref="Conformance.ConformanceEngines"/>).
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class DistributedEquivalenceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private static DriverResult Reference(string network, int size, ulong seed, double ms)
    {
        var built = TestNetworks.Build(network, size, seed);
        using var simulation = new CpuBackend(new CpuBackendOptions { Threads = 1 }).Compile(built.Network);
        var clock = Stopwatch.StartNew();
        simulation.Run(ms);
        return DriverResult.Collect(simulation, built, clock.Elapsed.TotalSeconds);
    }

    private static DriverResult Distributed(int ranks, string network, int size, ulong seed, double ms, int? stripe = null)
    {
        string[] arguments = ["run", network, size.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture), ms.ToString(CultureInfo.InvariantCulture)];
        var outcome = MpiLauncher.Launch(ranks, arguments, Deadline, stripe is null ? null : [stripe.Value.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(outcome.ExitCode == 0 && outcome.Result is not null, $"mpirun -np {ranks} exited with {outcome.ExitCode}:\n{outcome.Output}");
        Assert.Equal(ranks, outcome.Result.Ranks);
        return outcome.Result;
    }

    private static void AssertSameRecords(DriverResult expected, DriverResult actual)
    {
        Assert.Equal(expected.SpikeSteps.Length, actual.SpikeSteps.Length);
        for (int m = 0; m < expected.SpikeSteps.Length; m++)
        {
            Assert.Equal(expected.SpikeSteps[m], actual.SpikeSteps[m]);
            Assert.Equal(expected.SpikeNeurons[m], actual.SpikeNeurons[m]);
        }
        Assert.Equal(expected.StateBits, actual.StateBits);
        Assert.Equal(expected.RateCounts, actual.RateCounts);
        Assert.Equal(expected.WeightBits, actual.WeightBits);
        Assert.Equal(expected.WeightSnapshotBits, actual.WeightSnapshotBits);
        Assert.Equal(expected.ModulatorBits, actual.ModulatorBits);
    }

    [MpiFact]
    public void HeterogeneousDelaysGiveIdenticalSpikesOnOneTwoAndThreeRanksWithAnyStripe()
    {
        var reference = Reference("delays", 1000, 7, 150);
        Assert.True(reference.SpikeSteps[0].Length > 200, $"the probe network is nearly silent ({reference.SpikeSteps[0].Length} spikes)");
        var one = Distributed(1, "delays", 1000, 7, 150);
        Assert.Equal(10, one.IntervalSteps);
        AssertSameRecords(reference, one);
        var two = Distributed(2, "delays", 1000, 7, 150);
        Assert.Equal(10, two.IntervalSteps);
        AssertSameRecords(reference, two);
        AssertSameRecords(reference, Distributed(3, "delays", 1000, 7, 150, stripe: 1));
    }

    [MpiFact]
    public void ShortTermPlasticityGivesIdenticalSpikesOnOneAndTwoRanks()
    {
        var reference = Reference("short-term", 600, 7, 150);
        Assert.True(reference.SpikeSteps[0].Length > 200, $"the probe network is nearly silent ({reference.SpikeSteps[0].Length} spikes)");
        var plain = Reference("delays", 600, 7, 150);
        Assert.NotEqual(plain.SpikeSteps[0], reference.SpikeSteps[0]);
        AssertSameRecords(reference, Distributed(1, "short-term", 600, 7, 150));
        AssertSameRecords(reference, Distributed(2, "short-term", 600, 7, 150));
    }

    /// <summary>Runs the driver's <c>save</c> or <c>restore</c> command on <paramref name="ranks"/> ranks with the checkpoint file <paramref name="checkpoint"/>.</summary>
    private static DriverResult Checkpointed(int ranks, string command, string network, int size, ulong seed, double ms, string checkpoint)
    {
        string[] arguments = [command, network, size.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture), ms.ToString(CultureInfo.InvariantCulture), checkpoint];
        var outcome = MpiLauncher.Launch(ranks, arguments, Deadline);
        Assert.True(outcome.ExitCode == 0 && outcome.Result is not null, $"mpirun -np {ranks} {command} exited with {outcome.ExitCode}:\n{outcome.Output}");
        Assert.Equal(ranks, outcome.Result.Ranks);
        return outcome.Result;
    }

    /// <summary>The one-process engine: saves <paramref name="checkpoint"/> at the driver's checkpoint time when
    /// <paramref name="save"/>, else restores it there, and runs to <paramref name="ms"/>.</summary>
    private static DriverResult CheckpointedOnCpu(bool save, string network, int size, ulong seed, double ms, string checkpoint)
    {
        var built = TestNetworks.Build(network, size, seed);
        using var simulation = new CpuBackend(new CpuBackendOptions { Threads = 1 }).Compile(built.Network);
        double saveAt = TestNetworks.CheckpointTime(ms);
        if (save)
        {
            simulation.Run(saveAt);
            simulation.SaveCheckpoint(checkpoint);
        }
        else
        {
            simulation.RestoreCheckpoint(checkpoint);
        }
        simulation.Run(ms - saveAt);
        return DriverResult.Collect(simulation, built, 0);
    }

    [MpiFact]
    public void PlasticCheckpointSavedOnTwoRanksContinuesIdenticallyOnOneAndTwoRanksAndOnOneProcess()
    {
        var reference = Reference("plastic", 600, 11, 200);
        Assert.True(reference.SpikeSteps[0].Length > 300, $"the probe network is nearly silent ({reference.SpikeSteps[0].Length} spikes)");
        string checkpoint = Path.Combine(Path.GetTempPath(), $"snn-mpi-{Guid.NewGuid():N}.ckpt");
        try
        {
            AssertSameRecords(reference, Checkpointed(2, "save", "plastic", 600, 11, 200, checkpoint));
            AssertSameRecords(reference, Checkpointed(1, "restore", "plastic", 600, 11, 200, checkpoint));
            AssertSameRecords(reference, Checkpointed(2, "restore", "plastic", 600, 11, 200, checkpoint));
            AssertSameRecords(reference, CheckpointedOnCpu(save: false, "plastic", 600, 11, 200, checkpoint));
        }
        finally
        {
            File.Delete(checkpoint);
        }
    }

    [MpiFact]
    public void ShortTermCheckpointsMoveBetweenOneProcessAndOneOrTwoRanks()
    {
        var reference = Reference("short-term", 600, 7, 150);
        string fromCpu = Path.Combine(Path.GetTempPath(), $"snn-mpi-{Guid.NewGuid():N}.ckpt");
        string fromRanks = Path.Combine(Path.GetTempPath(), $"snn-mpi-{Guid.NewGuid():N}.ckpt");
        try
        {
            AssertSameRecords(reference, CheckpointedOnCpu(save: true, "short-term", 600, 7, 150, fromCpu));
            AssertSameRecords(reference, Checkpointed(2, "restore", "short-term", 600, 7, 150, fromCpu));
            AssertSameRecords(reference, Checkpointed(2, "save", "short-term", 600, 7, 150, fromRanks));
            AssertSameRecords(reference, Checkpointed(1, "restore", "short-term", 600, 7, 150, fromRanks));
            AssertSameRecords(reference, CheckpointedOnCpu(save: false, "short-term", 600, 7, 150, fromRanks));
            Assert.Equal(File.ReadAllBytes(fromCpu), File.ReadAllBytes(fromRanks));
        }
        finally
        {
            File.Delete(fromCpu);
            File.Delete(fromRanks);
        }
    }

    [MpiFact]
    public void ARankThatThrowsFailsEveryRankWithItsMessage()
    {
        var outcome = MpiLauncher.Launch(2, ["run", "faulty", "1000", "1", "20"], Deadline);
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("failed while simulating", outcome.Output);
        Assert.Contains("injected fault in neuron 5 at step 50", outcome.Output);
        Assert.Null(outcome.Result);
    }

    [MpiFact]
    public void ARankThatDiesEndsTheJobInsteadOfHanging()
    {
        var outcome = MpiLauncher.Launch(2, ["die", "1000", "1"], Deadline);
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("rank 1 exits without finalising MPI", outcome.Output);
    }
}
