using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Conformance;

/// <summary>Compares a run of an engine under test with the CPU engine's run of the same scenario.</summary>
internal static class ConformanceAssert
{
    /// <summary>The one-thread CPU engine, the reference of every comparison.</summary>
    public static ISimulation Reference(ScenarioNetwork scenario) => SimulationHelpers.Compile(scenario.Network);

    /// <summary>Asserts that <paramref name="actual"/> recorded what <paramref name="expected"/> did: the same spikes
    /// and state samples bit for bit, and, where the scenario learns, the same weights, weight snapshots and
    /// modulator value (read only where the engine claims them).</summary>
    public static void SameRun(ISimulation expected, ScenarioNetwork onReference, ISimulation actual, ScenarioNetwork onEngine)
    {
        Assert.Equal(expected.StepCount, actual.StepCount);
        for (int m = 0; m < onReference.Spikes.Length; m++)
        {
            SimulationHelpers.AssertSameSpikes(expected.GetSpikes(onReference.Spikes[m]), actual.GetSpikes(onEngine.Spikes[m]));
        }
        for (int m = 0; m < onReference.States.Length; m++)
        {
            SimulationHelpers.AssertSameStates(expected.GetState(onReference.States[m]), actual.GetState(onEngine.States[m]));
        }
        var capabilities = actual.Capabilities();
        if (capabilities.HasFlag(SimulationCapabilities.WeightReading))
        {
            foreach (var projection in onReference.Network.Projections)
            {
                SimulationHelpers.AssertBitIdentical(expected.GetWeights(projection), actual.GetWeights(onEngine.Network.Projections[projection.Index]));
            }
        }
        if (onReference.Weights is not null && capabilities.HasFlag(SimulationCapabilities.WeightMonitors))
        {
            var snapshots = expected.GetWeights(onReference.Weights);
            var actualSnapshots = actual.GetWeights(onEngine.Weights!);
            Assert.Equal(snapshots.Times, actualSnapshots.Times);
            for (int s = 0; s < snapshots.Snapshots.Length; s++)
            {
                SimulationHelpers.AssertBitIdentical(snapshots.Snapshots[s], actualSnapshots.Snapshots[s]);
            }
        }
        if (onReference.Modulator is not null)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.GetModulator(onReference.Modulator)), BitConverter.DoubleToInt64Bits(actual.GetModulator(onEngine.Modulator!)));
        }
    }

    /// <summary>Asserts that the reference is busy enough for a comparison to mean something.</summary>
    public static void Busy(ISimulation reference, ScenarioNetwork scenario, int atLeast)
    {
        foreach (var monitor in scenario.Spikes)
        {
            int count = reference.GetSpikes(monitor).Count;
            Assert.True(count >= atLeast, $"population {monitor.Population.Name} fired only {count} spikes; the scenario tests nothing");
        }
    }
}
