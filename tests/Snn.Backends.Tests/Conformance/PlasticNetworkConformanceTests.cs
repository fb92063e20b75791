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

    [Theory]
    [MemberData(nameof(PlasticEngines))]
    public void PairStdpLearnsTheCpuEnginesWeights(string name)
    {
        var engine = ConformanceEngines.Named(name);
        var onReference = ConformanceNetworks.Plastic(engine, seed: 11);
        var onEngine = ConformanceNetworks.Plastic(engine, seed: 11);
        using var reference = ConformanceAssert.Reference(onReference);
        using var simulation = engine.Compile(onEngine.Network);
        var initial = reference.GetWeights(onReference.Plastic!);
        reference.Run(engine.DurationMs);
        simulation.Run(engine.DurationMs);
        ConformanceAssert.Busy(reference, onReference, atLeast: 100);
        AssertLearned(initial, reference.GetWeights(onReference.Plastic!));
        ConformanceAssert.SameRun(reference, onReference, simulation, onEngine);
    }

    [Theory]
    [MemberData(nameof(PlasticEngines))]
    public void ModulatedStdpLearnsTheCpuEnginesWeightsWithTheModulatorSetMidRun(string name)
    {
        var engine = ConformanceEngines.Named(name);
        var onReference = ConformanceNetworks.Modulated(engine, seed: 5);
        var onEngine = ConformanceNetworks.Modulated(engine, seed: 5);
        using var reference = ConformanceAssert.Reference(onReference);
        using var simulation = engine.Compile(onEngine.Network);
        var initial = reference.GetWeights(onReference.Plastic!);
        double half = engine.DurationMs / 2;
        reference.Run(half);
        simulation.Run(half);
        reference.SetModulator(onReference.Modulator!, 0.8);
        simulation.SetModulator(onEngine.Modulator!, 0.8);
        reference.Run(half);
        simulation.Run(half);
        ConformanceAssert.Busy(reference, onReference, atLeast: 100);
        AssertLearned(initial, reference.GetWeights(onReference.Plastic!));
        Assert.NotEqual(0.5, reference.GetModulator(onReference.Modulator!));
        ConformanceAssert.SameRun(reference, onReference, simulation, onEngine);
    }

    /// <summary>The rule changed most weights, so equal weights are a comparison of learning.</summary>
    private static void AssertLearned(float[] initial, float[] learned)
    {
        int changed = initial.Zip(learned).Count(pair => pair.First != pair.Second);
        Assert.True(changed > initial.Length / 2, $"only {changed} of {initial.Length} plastic weights changed");
    }
}
