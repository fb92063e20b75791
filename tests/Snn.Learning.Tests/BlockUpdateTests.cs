using Snn.Core.Models;
using Snn.Tests.Shared;
using P = Snn.Tests.Shared.NetworkEquivalence.Probe;
using R = Snn.Tests.Shared.BlockEquivalence.Ranges;

namespace Snn.Learning.Tests;

/// <summary>The Learning models' block updates give the bits of their scalar steps, neuron by
/// neuron and in a recurrent network on one, two and three threads.</summary>
public class BlockUpdateTests
{
    public static TheoryData<int> Lengths => new(BlockEquivalence.Lengths);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void NalsmNeuronBlockMatchesStepThroughWindowsAndRefractoryHolds(int n)
    {
        var seen = BlockEquivalence.Check(new NalsmNeuron { WindowSteps = 25 }, 1, n, 120,
            new R((-5, 25), (0, 15), (-10, 0)) { SynE = (0, 5), Current = (0, 3) }, firstStep: 7);
        Assert.True(n < 8 || (seen.Spikes > 0 && seen.RefractorySteps > 0), "no spike or no refractory neuron");
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AdaptiveThresholdLifBlockMatchesStep(int n)
    {
        var seen = BlockEquivalence.Check(new AdaptiveThresholdLif { Membrane = new LifCurrent { IE = 380 }, ThresholdIncrement = 0.5, TargetRateHz = 20 }, 0.1, n, 300,
            new R((-70, -54), (0, 300), (-300, 0)) { U = (-1, 2), SynE = (0, 200), SynI = (-200, 0), Current = (0, 100) });
        Assert.True(n < 8 || (seen.Spikes > 0 && seen.RefractorySteps > 0), "no spike or no refractory neuron");
    }

    [Fact]
    public void NalsmNetworkIsIdenticalOnEveryPathAndThreadCount()
        => Assert.True(NetworkEquivalence.Check(new NalsmNeuron { WindowSteps = 50 }, new P(1, 3, -6, (0, 20), 200, 8), durationMs: 300) > 100);

    [Fact]
    public void AdaptiveThresholdNetworkIsIdenticalOnEveryPathAndThreadCount()
        => Assert.True(NetworkEquivalence.Check(new AdaptiveThresholdLif(), new P(0.1, 60, -150, (-70, -56), 4000, 120)) > 100);
}
