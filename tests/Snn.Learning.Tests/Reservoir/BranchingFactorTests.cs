using Snn.Learning.Reservoir;

namespace Snn.Learning.Tests.Reservoir;

public class BranchingFactorTests
{
    [Fact]
    public void BranchingFactorAveragesDescendantsOverAncestorsPerNeuronThenOverNeurons()
    {
        // 0 → 1, 1 → 2, 0 → 2. Spikes: 0@0, 1@2, 2@3, 2@4.
        // 0@0: targets {1,2} in [1,5): 1@2, 2@3, 2@4 = 3; no sources → /1      σ = 3
        // 1@2: target {2} in [3,7): 2@3, 2@4 = 2; source 0 in [−2,2): 0@0 = 1   σ = 2
        // 2@3, 2@4: no targets                                                    σ = 0
        // per neuron 3, 2, 0 → mean 5/3
        var measure = new BranchingFactor(3, [0, 1, 0], [1, 2, 2]);
        measure.Add([0, 2, 3, 4], [0, 1, 2, 2], length: 10);
        Assert.Equal(5.0 / 3.0, measure.Value, 12);
        Assert.Equal(4, measure.SpikeCount);
    }

    [Fact]
    public void OnlyTargetSpikesInTheNextFourStepsAndSourceSpikesInThePreviousFourCount()
    {
        // 0 → 1 and 1 → 0. 1 fires at 0 and 5, 0 fires at 4, 1 again at 9.
        // 0@4: target 1 in [5,9): 1@5 = 1; source 1 in [0,4): 1@0 = 1           σ = 1
        // 1@0: target 0 in [1,5): 0@4 = 1; nothing before                        σ = 1
        // 1@5: target 0 in [6,10): none = 0                                       σ = 0
        // 1@9: target 0 in [10,14): none; source 0 in [5,9): none                σ = 0
        // per neuron: 0 → 1, 1 → 1/3 → mean 2/3
        var measure = new BranchingFactor(2, [0, 1], [1, 0]);
        measure.Add([0, 4, 5, 9], [1, 0, 1, 1], length: 12);
        Assert.Equal(2.0 / 3.0, measure.Value, 12);
    }

    [Fact]
    public void SilentLiquidHasBranchingFactorZeroAndBadSpikesAreRejected()
    {
        var measure = new BranchingFactor(2, [0], [1]);
        Assert.Equal(0, measure.Value);
        Assert.Equal("steps", Assert.ThrowsAny<ArgumentException>(() => measure.Add([10], [0], length: 10)).ParamName);
        Assert.Equal("neurons", Assert.ThrowsAny<ArgumentException>(() => measure.Add([1], [2], length: 10)).ParamName);
    }
}
