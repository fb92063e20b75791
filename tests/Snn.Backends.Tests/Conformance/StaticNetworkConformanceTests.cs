using Snn.Core.Simulation;

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

    [Theory]
    [MemberData(nameof(BitIdenticalEngines))]
    public void StaticNetworkGivesTheCpuEnginesSpikesAndStatesBitForBit(string name)
    {
        var engine = ConformanceEngines.Named(name);
        var onReference = ConformanceNetworks.Static(engine, seed: 42);
        var onEngine = ConformanceNetworks.Static(engine, seed: 42);
        using var reference = ConformanceAssert.Reference(onReference);
        using var simulation = engine.Compile(onEngine.Network);
        reference.Run(engine.DurationMs);
        double first = Math.Round(engine.DurationMs * 0.37, 1);
        simulation.Run(first);
        simulation.Run(engine.DurationMs - first);
        ConformanceAssert.Busy(reference, onReference, atLeast: 10);
        ConformanceAssert.SameRun(reference, onReference, simulation, onEngine);
    }

    /// <summary>
    /// The event-driven engine integrates exactly in continuous time with continuous delays, so its trains
    /// differ from the clock-driven ones spike by spike; each population's spike count must agree within
    /// four standard deviations of the difference of two independent Poisson counts, 4·√(a + b).
    /// </summary>
    [Fact]
    public void EventDrivenEngineFiresAsOftenAsTheCpuEngineOnTheStaticNetwork()
    {
        var engine = ConformanceEngines.Named("event-driven");
        var onReference = ConformanceNetworks.Static(engine, seed: 42);
        var onEngine = ConformanceNetworks.Static(engine, seed: 42);
        using var reference = ConformanceAssert.Reference(onReference);
        using var simulation = engine.Compile(onEngine.Network);
        reference.Run(engine.DurationMs);
        simulation.Run(engine.DurationMs);
        ConformanceAssert.Busy(reference, onReference, atLeast: 200);
        for (int m = 0; m < onReference.Spikes.Length; m++)
        {
            int expected = reference.GetSpikes(onReference.Spikes[m]).Count;
            int actual = simulation.GetSpikes(onEngine.Spikes[m]).Count;
            Assert.True(Math.Abs(expected - actual) <= 4 * Math.Sqrt(expected + actual),
                $"population {onReference.Spikes[m].Population.Name}: CPU {expected} spikes, event-driven {actual}");
        }
    }
}
