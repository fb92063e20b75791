using Snn.Backends.Tests.Mpi;
using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Conformance;

/// <summary>
/// Weight access on every engine that claims it: a fresh simulation reads every projection's weights in
/// generation order, bit-identical to <see cref="Projection.Instantiate"/>; an engine that can replace
/// weights gives back what was written and, where it is bit-identical to the CPU engine, then runs as the
/// CPU engine does with the same weights.
/// </summary>
[Collection(MultithreadedCollection.Name)]
public class WeightAccessConformanceTests
{
    public static TheoryData<string> ReadingEngines => ConformanceEngines.Claiming(SimulationCapabilities.WeightReading);

    public static TheoryData<string> WritingEngines => ConformanceEngines.Claiming(SimulationCapabilities.WeightWriting);

    public static TheoryData<string> ReadingEnginesUnderMpirun => ConformanceEngines.Claiming(SimulationCapabilities.WeightReading, underMpirun: true);

    public static TheoryData<string> WritingEnginesUnderMpirun => ConformanceEngines.Claiming(SimulationCapabilities.WeightWriting, underMpirun: true);

    [Theory]
    [MemberData(nameof(ReadingEngines))]
    [MpiMemberData(nameof(ReadingEnginesUnderMpirun))]
    public void WeightsAreReadInGenerationOrder(string name)
    {
        var engine = ConformanceEngines.Named(name);
        var built = ConformanceNetworks.Static(engine.Settings, seed: 3);
        using var simulation = engine.Compile(built.Network);
        foreach (var projection in built.Network.Projections)
        {
            SimulationHelpers.AssertBitIdentical(projection.Instantiate().Weights, simulation.GetWeights(projection));
        }
    }

    [Theory]
    [MemberData(nameof(WritingEngines))]
    [MpiMemberData(nameof(WritingEnginesUnderMpirun))]
    public void WrittenWeightsAreReadBackAndRunAsOnTheCpuEngine(string name)
    {
        using var pair = new ScenarioPair(name, ConformanceNetworks.Static, seed: 3);
        foreach (var (run, built) in new[] { (pair.Reference, pair.OnReference), (pair.Simulation, pair.OnEngine) })
        {
            foreach (var projection in built.Network.Projections)
            {
                var weights = Rewritten(run.GetWeights(projection));
                run.SetWeights(projection, weights);
                SimulationHelpers.AssertBitIdentical(weights, run.GetWeights(projection));
            }
        }
        pair.Run(pair.Engine.DurationMs);
        var first = pair.OnReference.Network.Projections[0];
        Assert.NotEqual(first.Instantiate().Weights, pair.Reference.GetWeights(first));
        if (pair.Engine.Agreement != Agreement.Statistical)
        {
            pair.AssertBusy(atLeast: 10);
            pair.AssertSameRun();
        }
    }

    /// <summary>Every third weight set to zero, the others doubled (whole pA stay whole).</summary>
    private static float[] Rewritten(float[] weights) => weights.Select((w, s) => s % 3 == 0 ? 0f : 2 * w).ToArray();
}
