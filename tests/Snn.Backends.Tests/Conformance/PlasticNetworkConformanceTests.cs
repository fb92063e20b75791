using Snn.Backends.Tests.Mpi;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Conformance;

/// <summary>
/// The learning scenarios on every engine that runs plasticity in them, against the one-thread CPU
/// engine, bit for bit: spikes, state samples, learned weights, weight snapshots and the modulator.
/// Pair STDP on the excitatory recurrence; reward-modulated STDP under a modulator driven by spikes and
/// set from outside halfway. (The GPU engine's learning is compared on networks whose float sums cannot
/// depend on the order of its atomic adds, in <see cref="Gpu.GpuEquivalenceTests"/>.)
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class PlasticNetworkConformanceTests
{
    public static TheoryData<string> PlasticEngines => ConformanceEngines.Plastic();

    public static TheoryData<string> PlasticEnginesUnderMpirun => ConformanceEngines.Plastic(underMpirun: true);

    [Theory]
    [MemberData(nameof(PlasticEngines))]
    [MpiMemberData(nameof(PlasticEnginesUnderMpirun))]
    public void PairStdpLearnsTheCpuEnginesWeights(string name)
    {
        using var pair = new ScenarioPair(name, ConformanceNetworks.Plastic, seed: 11);
        var initial = pair.Reference.GetWeights(pair.OnReference.Plastic!);
        pair.Run(pair.Engine.DurationMs);
        pair.AssertBusy(atLeast: 100);
        AssertLearned(initial, pair.Reference.GetWeights(pair.OnReference.Plastic!));
        pair.AssertSameRun();
    }

    [Theory]
    [MemberData(nameof(PlasticEngines))]
    [MpiMemberData(nameof(PlasticEnginesUnderMpirun))]
    public void ModulatedStdpLearnsTheCpuEnginesWeightsWithTheModulatorSetMidRun(string name)
    {
        using var pair = new ScenarioPair(name, ConformanceNetworks.Modulated, seed: 5);
        var initial = pair.Reference.GetWeights(pair.OnReference.Plastic!);
        pair.Run(pair.Engine.DurationMs / 2);
        pair.Reference.SetModulator(pair.OnReference.Modulator!, 0.8);
        pair.Simulation.SetModulator(pair.OnEngine.Modulator!, 0.8);
        pair.Run(pair.Engine.DurationMs / 2);
        pair.AssertBusy(atLeast: 100);
        AssertLearned(initial, pair.Reference.GetWeights(pair.OnReference.Plastic!));
        Assert.NotEqual(0.5, pair.Reference.GetModulator(pair.OnReference.Modulator!));
        pair.AssertSameRun();
    }

    /// <summary>The rule changed most weights, so equal weights are a comparison of learning.</summary>
    private static void AssertLearned(float[] initial, float[] learned)
    {
        int changed = initial.Zip(learned).Count(pair => pair.First != pair.Second);
        Assert.True(changed > initial.Length / 2, $"only {changed} of {initial.Length} plastic weights changed");
    }
}
