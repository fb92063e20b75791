using Snn.Backends.Cpu;
using Snn.Core.Randomness;
using Snn.Experiments.Nalsm;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Tests.Nalsm;

public class AstrocyteSweepTests
{
    private static readonly LiquidOptions Small = LiquidOptions.Liquid1000;

    private static readonly NalsmOptions Options = new()
    {
        Liquid = Small, InitializationSamples = 30, InitializationMs = 20, PresentationMs = 60, BranchingMarginMs = 5, ChunkSamples = 4, Workers = 1,
    };

    private static float[][] Inputs(int count)
    {
        var rng = new CounterRng(5, 1, 0);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 784).Select(_ => (float)(0.05 * rng.NextDouble())).ToArray()).ToArray();
    }

    private static CpuBackend Backend => new(new CpuBackendOptions { Threads = 1 });

    [Fact]
    public void ZeroGainIsTheFixedAstrocyteBaselineOfTheSameLiquid()
    {
        var inputs = Inputs(10);
        var point = Assert.Single(AstrocyteSweep.Run(Options, [0.0], Backend, inputs, 6));

        var baseline = new LiquidSimulator(LiquidTopology.Build(Small), Options with { Mode = ReservoirMode.Stdp, BranchingSamples = 6 }, Backend);
        baseline.Initialize(inputs);
        var responses = baseline.Present(inputs.Take(6).ToArray(), 0);

        Assert.Equal(responses.Branching.Value, point.BranchingFactor, 12);
        Assert.Equal(responses.MeanRateHz, point.MeanRateHz, 12);
        Assert.Equal(baseline.Weights[0].Average(), point.MeanExcitatoryWeight, 6);
    }

    [Fact]
    public void AStrongAstrocytePushesAnUnderfiringLiquidTowardItsInput()
    {
        // ~20 input spikes per ms against a weakly coupled liquid of 1000 neurons (|w| = 1 at the
        // start) at under 20 Hz (20 spikes per ms): A = w_A·(liquid − input) + … turns negative, so
        // depression becomes potentiation.
        var weak = Options with { Liquid = Small with { InitialWeight = 1 } };
        var points = AstrocyteSweep.Run(weak, [0.0, 1.0], Backend, Inputs(10), 6);

        Assert.Equal([0.0, 1.0], points.Select(p => p.AstrocyteWeight));
        Assert.True(points[0].MeanRateHz < 20, $"baseline rate {points[0].MeanRateHz} Hz");
        Assert.True(points[1].MeanRateHz > points[0].MeanRateHz * 1.1, $"rate {points[1].MeanRateHz} vs {points[0].MeanRateHz} Hz");
        Assert.True(points[1].BranchingFactor > points[0].BranchingFactor, $"branching {points[1].BranchingFactor} vs {points[0].BranchingFactor}");
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Assert.Equal("astrocyteWeights", Assert.ThrowsAny<ArgumentException>(() => AstrocyteSweep.Run(Options, [], Backend, Inputs(3), 1)).ParamName);
        Assert.Equal("measured", Assert.ThrowsAny<ArgumentException>(() => AstrocyteSweep.Run(Options, [0.1], Backend, Inputs(3), 4)).ParamName);
        Assert.Equal("AstrocyteWeight", Assert.ThrowsAny<ArgumentException>(() => AstrocyteSweep.Run(Options, [double.NaN], Backend, Inputs(3), 1)).ParamName);
        Assert.Equal("BranchingMarginMs", Assert.ThrowsAny<ArgumentException>(() => AstrocyteSweep.Run(Options with { BranchingMarginMs = 26 }, [0.1], Backend, Inputs(3), 1)).ParamName);
    }
}
