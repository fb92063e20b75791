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

    [Theory]
    [MemberData(nameof(ReadingEngines))]
    public void WeightsAreReadInGenerationOrder(string name)
    {
        var engine = ConformanceEngines.Named(name);
        var built = ConformanceNetworks.Static(engine, seed: 3);
        using var simulation = engine.Compile(built.Network);
        foreach (var projection in built.Network.Projections)
        {
            SimulationHelpers.AssertBitIdentical(projection.Instantiate().Weights, simulation.GetWeights(projection));
        }
    }

    [Theory]
    [MemberData(nameof(WritingEngines))]
    public void WrittenWeightsAreReadBackAndRunAsOnTheCpuEngine(string name)
    {
        var engine = ConformanceEngines.Named(name);
        var onReference = ConformanceNetworks.Static(engine, seed: 3);
        var onEngine = ConformanceNetworks.Static(engine, seed: 3);
        using var reference = ConformanceAssert.Reference(onReference);
        using var simulation = engine.Compile(onEngine.Network);
        foreach (var (run, built) in new[] { (reference, onReference), (simulation, onEngine) })
        {
            foreach (var projection in built.Network.Projections)
            {
                var weights = Rewritten(run.GetWeights(projection));
                run.SetWeights(projection, weights);
                SimulationHelpers.AssertBitIdentical(weights, run.GetWeights(projection));
            }
            run.Run(engine.DurationMs);
        }
        Assert.NotEqual(onReference.Network.Projections[0].Instantiate().Weights, reference.GetWeights(onReference.Network.Projections[0]));
        if (engine.Agreement != Agreement.Statistical)
        {
            ConformanceAssert.Busy(reference, onReference, atLeast: 10);
            ConformanceAssert.SameRun(reference, onReference, simulation, onEngine);
        }
    }

    /// <summary>Every third weight set to zero, the others doubled (whole pA stay whole).</summary>
    private static float[] Rewritten(float[] weights) => weights.Select((w, s) => s % 3 == 0 ? 0f : 2 * w).ToArray();
}
