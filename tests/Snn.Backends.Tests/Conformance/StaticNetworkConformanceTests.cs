using Snn.Backends.Tests.Mpi;

namespace Snn.Backends.Tests.Conformance;

/// <summary>
/// The static scenario (CUBA-like recurrence, heterogeneous delays, replayed and Poisson inputs, a
/// Poisson drive, DC, step and noise currents, as far as the engine takes them) on every engine against
/// the one-thread CPU engine, run in two pieces on the engine under test: bit-identical spikes, state
/// samples and weights for the engines documented as bit-identical, equal firing within counting noise
/// for the event-driven engine.
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class StaticNetworkConformanceTests
{
    public static TheoryData<string> BitIdenticalEngines => ConformanceEngines.BitIdentical();

    public static TheoryData<string> BitIdenticalEnginesUnderMpirun => ConformanceEngines.BitIdentical(underMpirun: true);

    [Theory]
    [MemberData(nameof(BitIdenticalEngines))]
    [MpiMemberData(nameof(BitIdenticalEnginesUnderMpirun))]
    public void StaticNetworkGivesTheCpuEnginesSpikesAndStatesBitForBit(string name)
    {
        using var pair = new ScenarioPair(name, ConformanceNetworks.Static, seed: 42);
        double duration = pair.Engine.DurationMs;
        double first = Math.Round(duration * 0.37, 1);
        pair.Reference.Run(duration);
        pair.Simulation.Run(first);
        pair.Simulation.Run(duration - first);
        pair.AssertBusy(atLeast: 10);
        pair.AssertSameRun();
    }

    /// <summary>A run of no steps (0 ms, or less than half a step) leaves the simulation where it
    /// was: no step taken, no spike, and the run after it gives the CPU engine's spikes and states.</summary>
    [Theory]
    [MemberData(nameof(BitIdenticalEngines))]
    [MpiMemberData(nameof(BitIdenticalEnginesUnderMpirun))]
    public void ARunOfNoStepsLeavesTheSimulationWhereItWas(string name)
    {
        using var pair = new ScenarioPair(name, ConformanceNetworks.Static, seed: 43);
        double duration = pair.Engine.DurationMs;
        pair.Reference.Run(duration);
        pair.Simulation.Run(0);
        pair.Simulation.Run(0.4 * pair.OnEngine.Network.Dt);
        Assert.Equal(0, pair.Simulation.StepCount);
        Assert.All(pair.OnEngine.Spikes, monitor => Assert.Equal(0, pair.Simulation.GetSpikes(monitor).Count));
        pair.Simulation.Run(duration);
        pair.AssertBusy(atLeast: 10);
        pair.AssertSameRun();
    }

    /// <summary>
    /// The event-driven engine integrates exactly in continuous time with continuous delays, so its trains
    /// differ from the clock-driven ones spike by spike; each population's spike count must agree within
    /// four standard deviations of the difference of two independent Poisson counts, 4·√(a + b).
    /// </summary>
    [Fact]
    public void EventDrivenEngineFiresAsOftenAsTheCpuEngineOnTheStaticNetwork()
    {
        using var pair = new ScenarioPair("event-driven", ConformanceNetworks.Static, seed: 42);
        pair.Run(pair.Engine.DurationMs);
        pair.AssertBusy(atLeast: 200);
        for (int m = 0; m < pair.OnReference.Spikes.Length; m++)
        {
            int expected = pair.Reference.GetSpikes(pair.OnReference.Spikes[m]).Count;
            int actual = pair.Simulation.GetSpikes(pair.OnEngine.Spikes[m]).Count;
            Assert.True(Math.Abs(expected - actual) <= 4 * Math.Sqrt(expected + actual),
                $"population {pair.OnReference.Spikes[m].Population.Name}: CPU {expected} spikes, event-driven {actual}");
        }
    }
}
