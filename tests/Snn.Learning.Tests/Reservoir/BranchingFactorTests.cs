using Snn.Learning.Reservoir;

namespace Snn.Learning.Tests.Reservoir;

public class BranchingFactorTests
{
    [Fact]
    public void BranchingFactorAveragesDescendantsOverAncestorsPerNeuronThenOverNeurons()
    {
        // 0 → 1, 1 → 2, 0 → 2. Spikes: 0@4, 1@6, 2@7, 2@8 (all with both windows inside [0, 18)).
        // 0@4: targets {1,2} in [5,9): 1@6, 2@7, 2@8 = 3; no sources → /1      σ = 3
        // 1@6: target {2} in [7,11): 2@7, 2@8 = 2; source 0 in [2,6): 0@4 = 1   σ = 2
        // 2@7, 2@8: no targets                                                   σ = 0
        // per neuron 3, 2, 0 → mean 5/3
        var measure = new BranchingFactor(3, [0, 1, 0], [1, 2, 2]);
        measure.Add([4, 6, 7, 8], [0, 1, 2, 2], length: 18);
        Assert.Equal(5.0 / 3.0, measure.Value, 12);
        Assert.Equal(4, measure.SpikeCount);
    }

    [Fact]
    public void OnlyTargetSpikesInTheNextFourStepsAndSourceSpikesInThePreviousFourCount()
    {
        // 0 → 1 and 1 → 0. 1 fires at 4 and 9, 0 fires at 8, 1 again at 13.
        // 0@8: target 1 in [9,13): 1@9 = 1; source 1 in [4,8): 1@4 = 1          σ = 1
        // 1@4: target 0 in [5,9): 0@8 = 1; nothing before                        σ = 1
        // 1@9: target 0 in [10,14): none = 0                                      σ = 0
        // 1@13: target 0 in [14,18): none; source 0 in [9,13): none              σ = 0
        // per neuron: 0 → 1, 1 → 1/3 → mean 2/3
        var measure = new BranchingFactor(2, [0, 1], [1, 0]);
        measure.Add([4, 8, 9, 13], [1, 0, 1, 1], length: 20);
        Assert.Equal(2.0 / 3.0, measure.Value, 12);
    }

    [Fact]
    public void SpikesInTheMarginsAndSpikesWhoseWindowsLeaveTheSpanAreNotMeasured()
    {
        // 0 → 1, margin 3, length 20: spikes count in [3, 17), measured spikes need t ∈ [7, 13).
        // 0@7: target 1 in [8,12): 1@9 = 1; σ = 1. 1@9 has no targets: σ = 0.
        // 0@2 is in the margin: it neither is measured nor counts as a source of 1@5.
        // 1@5 (before 7) and 0@14 (its window reaches 18 ≥ 17) are not measured, and 1@18 lies in the
        // margin, so 0@14 would have seen nothing anyway.
        var measure = new BranchingFactor(2, [0], [1], marginSteps: 3);
        measure.Add([2, 5, 7, 9, 14, 18], [0, 1, 0, 1, 0, 1], length: 20);
        Assert.Equal(2, measure.SpikeCount);
        Assert.Equal((1.0 + 0.0) / 2, measure.Value, 12);
    }

    [Fact]
    public void PresentationsAreAveragedAfterTheirNeurons()
    {
        // 0 → 1. Presentation A: 0@4 → 1@5, 1@6 (σ = 2), 1's spikes σ = 0 → mean over neurons 1.
        // Presentation B: only 1 fires, at 4 and 8 (σ = 0) → 0. Mean over presentations 0.5,
        // where pooling the spikes of both per neuron would give (2 + 0)/2 = 1.
        var measure = new BranchingFactor(2, [0], [1]);
        measure.Add([4, 5, 6], [0, 1, 1], length: 14);
        var other = new BranchingFactor(2, [0], [1]);
        other.Add([4, 8], [1, 1], length: 14);
        measure.Merge(other);
        Assert.Equal(2, measure.SampleCount);
        Assert.Equal(0.5, measure.Value, 12);
    }

    [Fact]
    public void MergingStoredTotalsEqualsMergingTheMeasureBitForBit()
    {
        var first = new BranchingFactor(2, [0], [1]);
        first.Add([4, 5, 6], [0, 1, 1], length: 14);
        var second = new BranchingFactor(2, [0], [1]);
        second.Add([4, 5, 9], [0, 1, 0], length: 14);
        var merged = new BranchingFactor(2, [0], [1]);
        merged.Merge(first);
        merged.Merge(second);
        var fromTotals = new BranchingFactor(2, [0], [1]);
        var stored = new[] { first.Totals, second.Totals };

        fromTotals.Merge(stored[0]);
        fromTotals.Merge(stored[1]);

        Assert.Equal(BitConverter.DoubleToInt64Bits(merged.Value), BitConverter.DoubleToInt64Bits(fromTotals.Value));
        Assert.Equal(merged.SampleCount, fromTotals.SampleCount);
        Assert.Equal(merged.SpikeCount, fromTotals.SpikeCount);
        Assert.Equal("totals", Assert.ThrowsAny<ArgumentException>(() => fromTotals.Merge(new BranchingTotals(1, -1, 0))).ParamName);
    }

    [Fact]
    public void SilentLiquidHasBranchingFactorZeroAndBadSpikesAreRejected()
    {
        var measure = new BranchingFactor(2, [0], [1]);
        measure.Add([], [], length: 10);
        Assert.Equal(0, measure.Value);
        Assert.Equal(0, measure.SampleCount);
        Assert.Equal("steps", Assert.ThrowsAny<ArgumentException>(() => measure.Add([10], [0], length: 10)).ParamName);
        Assert.Equal("neurons", Assert.ThrowsAny<ArgumentException>(() => measure.Add([1], [2], length: 10)).ParamName);
        Assert.Equal("marginSteps", Assert.ThrowsAny<ArgumentException>(() => new BranchingFactor(2, [0], [1], marginSteps: -1)).ParamName);
        Assert.Equal("other", Assert.ThrowsAny<ArgumentException>(() => measure.Merge(new BranchingFactor(2, [0], [1], marginSteps: 2))).ParamName);
    }
}
