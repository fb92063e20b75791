using Snn.Bench.GpuCheck;
using Snn.Core.Monitors;

namespace Snn.Bench.Tests.GpuCheck;

public class SpikeAgreementTests
{
    private static SpikeRecord Record(int size, params (long Step, int Neuron)[] spikes)
        => new([.. spikes.Select(s => s.Step)], [.. spikes.Select(s => s.Neuron)], dt: 0.1, recordedNeurons: size, populationSize: size, durationMs: 100);

    [Fact]
    public void SameSpikesInAnotherOrderAreIdentical()
    {
        var agreement = SpikeAgreement.Compare(["a"], [Record(4, (3, 1), (3, 0), (9, 2))], [Record(4, (3, 0), (3, 1), (9, 2))]);

        Assert.True(agreement.Identical);
        Assert.Null(agreement.FirstDivergentStep);
        Assert.Equal(0, agreement.RateRelativeDifference);
        Assert.Equal(3, agreement.ReferenceSpikes);
    }

    [Fact]
    public void AnExtraSpikeIsTheFirstDivergenceAndChangesTheRate()
    {
        var agreement = SpikeAgreement.Compare(["a"], [Record(4, (3, 1), (9, 2), (12, 0), (20, 3))], [Record(4, (3, 1), (7, 3), (9, 2), (12, 0), (20, 3))]);

        Assert.False(agreement.Identical);
        Assert.Equal(7, agreement.FirstDivergentStep);
        Assert.Equal(0.7, agreement.FirstDivergentMs!.Value, 12);
        Assert.Equal(0.25, agreement.RateRelativeDifference, 12);
        Assert.Equal(0.25, agreement.WorstPopulationDifference, 12);
    }

    [Fact]
    public void AMovedSpikeDivergesAtTheEarlierStepWithEqualRates()
    {
        var agreement = SpikeAgreement.Compare(["a"], [Record(4, (2, 0), (8, 1))], [Record(4, (2, 0), (5, 1))]);

        Assert.Equal(5, agreement.FirstDivergentStep);
        Assert.Equal(0, agreement.RateRelativeDifference);
    }

    [Fact]
    public void TheSameNeuronIndexInAnotherPopulationIsAnotherNeuron()
    {
        var agreement = SpikeAgreement.Compare(["a", "b"], [Record(3, (4, 0)), Record(2)], [Record(3), Record(2, (4, 0))]);

        Assert.Equal(4, agreement.FirstDivergentStep);
        Assert.Equal(0, agreement.RateRelativeDifference);
        Assert.Equal(-1, agreement.PopulationRateDifferences[0].RelativeDifference);
        Assert.True(double.IsPositiveInfinity(agreement.PopulationRateDifferences[1].RelativeDifference));
    }

    [Fact]
    public void PopulationsOfDifferentSizesCannotBeCompared()
        => Assert.Throws<ArgumentException>(() => SpikeAgreement.Compare(["a"], [Record(4)], [Record(5)]));
}
