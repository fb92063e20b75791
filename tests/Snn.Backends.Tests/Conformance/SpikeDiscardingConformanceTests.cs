using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Conformance;

/// <summary>Freeing recorded spikes on every engine that claims it: after <c>DiscardSpikes(t)</c> the
/// spike and rate records hold exactly the spikes after t, as the CPU engine's full record read since t,
/// and the run is not disturbed.</summary>
[Collection(MultithreadedCollection.Name)]
public class SpikeDiscardingConformanceTests
{
    public static TheoryData<string> DiscardingEngines => ConformanceEngines.Claiming(SimulationCapabilities.SpikeDiscarding);

    [Theory]
    [MemberData(nameof(DiscardingEngines))]
    public void DiscardedSpikesAreGoneAndLaterOnesKept(string name)
    {
        var engine = ConformanceEngines.Named(name);
        var onReference = ConformanceNetworks.Static(engine, seed: 17);
        var onEngine = ConformanceNetworks.Static(engine, seed: 17);
        using var reference = ConformanceAssert.Reference(onReference);
        using var simulation = engine.Compile(onEngine.Network);
        reference.Run(engine.DurationMs);
        double half = Math.Round(engine.DurationMs / 2, 1);
        double discardUntil = Math.Round(engine.DurationMs / 3, 1);
        simulation.Run(half);
        simulation.DiscardSpikes(discardUntil);
        simulation.Run(engine.DurationMs - half);
        ConformanceAssert.Busy(reference, onReference, atLeast: 10);
        for (int m = 0; m < onReference.Spikes.Length; m++)
        {
            var all = reference.GetSpikes(onReference.Spikes[m]);
            var kept = reference.GetSpikes(onReference.Spikes[m], sinceMs: discardUntil);
            Assert.True(kept.Count < all.Count, "nothing was recorded before the discarded time");
            if (engine.Agreement != Agreement.Statistical)
            {
                SimulationHelpers.AssertSameSpikes(kept, simulation.GetSpikes(onEngine.Spikes[m]));
            }
        }
    }
}
