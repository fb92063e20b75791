using Snn.Backends.Tests.Mpi;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Conformance;

/// <summary>Freeing recorded spikes on every engine that claims it: after <c>DiscardSpikes(t)</c> the
/// spike record holds exactly the spikes after t, as the CPU engine's full record read since t, and
/// the run is not disturbed.</summary>
[Collection(MultithreadedCollection.Name)]
public class SpikeDiscardingConformanceTests
{
    public static TheoryData<string> DiscardingEngines => ConformanceEngines.Claiming(SimulationCapabilities.SpikeDiscarding);

    public static TheoryData<string> DiscardingEnginesUnderMpirun => ConformanceEngines.Claiming(SimulationCapabilities.SpikeDiscarding, underMpirun: true);

    [Theory]
    [MemberData(nameof(DiscardingEngines))]
    [MpiMemberData(nameof(DiscardingEnginesUnderMpirun))]
    public void DiscardedSpikesAreGoneAndLaterOnesKept(string name)
    {
        using var pair = new ScenarioPair(name, ConformanceNetworks.Static, seed: 17);
        double duration = pair.Engine.DurationMs;
        double half = Math.Round(duration / 2, 1);
        double discardUntil = Math.Round(duration / 3, 1);
        pair.Reference.Run(duration);
        pair.Simulation.Run(half);
        pair.Simulation.DiscardSpikes(discardUntil);
        pair.Simulation.Run(duration - half);
        pair.AssertBusy(atLeast: 10);
        for (int m = 0; m < pair.OnReference.Spikes.Length; m++)
        {
            var all = pair.Reference.GetSpikes(pair.OnReference.Spikes[m]);
            var kept = pair.Reference.GetSpikes(pair.OnReference.Spikes[m], sinceMs: discardUntil);
            Assert.True(kept.Count < all.Count, "nothing was recorded before the discarded time");
            if (pair.Engine.Agreement != Agreement.Statistical)
            {
                SimulationHelpers.AssertSameSpikes(kept, pair.Simulation.GetSpikes(pair.OnEngine.Spikes[m]));
            }
        }
    }
}
