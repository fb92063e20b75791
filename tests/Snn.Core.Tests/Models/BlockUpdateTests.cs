using Snn.Core.Models;
using Snn.Tests.Shared;
using R = Snn.Tests.Shared.BlockEquivalence.Ranges;

namespace Snn.Core.Tests.Models;

/// <summary>Each built-in Core model's vectorised block update gives the bits of its scalar step,
/// for block lengths with and without remainder lanes, through spikes, resets and refractory
/// countdowns.</summary>
public class BlockUpdateTests
{
    public static TheoryData<int> Lengths => new(BlockEquivalence.Lengths);

    private static void AssertEdgesExercised((int Spikes, int RefractorySteps) seen, int n, bool refractory = true)
    {
        if (n >= 8)
        {
            Assert.True(seen.Spikes > 0, "no neuron fired");
            Assert.True(!refractory || seen.RefractorySteps > 0, "no neuron was refractory");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void LifCurrentBlockMatchesStep(int n)
    {
        var seen = BlockEquivalence.Check(new LifCurrent { IE = 300 }, 0.1, n, 200,
            new R((-75, -54), (0, 300), (-300, 0)) { SynE = (0, 200), SynI = (-200, 0), Current = (-50, 200) });
        AssertEdgesExercised(seen, n);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void LifCurrentBlockWithoutCurrentMatchesStepAtZeroCurrent(int n)
    {
        var seen = BlockEquivalence.Check(new LifCurrent { IE = 300 }, 0.1, n, 200,
            new R((-75, -54), (0, 300), (-300, 0)) { SynE = (0, 200), SynI = (-200, 0) }, withoutCurrent: true);
        AssertEdgesExercised(seen, n);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void LifConductanceBlockWithoutCurrentMatchesStepAtZeroCurrent(int n)
    {
        var seen = BlockEquivalence.Check(new LifConductance(), 0.1, n, 200,
            new R((-70, -54), (0, 30), (0, 10)) { SynE = (0, 40), SynI = (0, 10) }, withoutCurrent: true);
        AssertEdgesExercised(seen, n);
    }

    [Fact]
    public void BlockWithCurrentOfAnotherLengthIsRefused()
    {
        var state = new float[9];
        var error = Assert.Throws<ArgumentException>(() => new NeuronBlock(state, new float[9], new float[9], new float[9], new int[9],
            new float[9], new float[9], new float[8]));
        Assert.Equal("current", error.ParamName);
        Assert.Contains("current.Length = 8", error.Message);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void LifConductanceBlockMatchesStep(int n)
    {
        var seen = BlockEquivalence.Check(new LifConductance { IE = 400 }, 0.1, n, 200,
            new R((-70, -54), (0, 30), (0, 60)) { SynE = (0, 40), SynI = (0, 100), Current = (-50, 300) });
        AssertEdgesExercised(seen, n);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ForwardEulerLifConductanceBlockMatchesStep(int n)
    {
        var seen = BlockEquivalence.Check(new LifConductance { IE = 400, TauSynE = 5, TauSynI = 10, Integration = ConductanceIntegration.ForwardEuler }, 0.1, n, 200,
            new R((-70, -54), (0, 30), (0, 60)) { SynE = (0, 40), SynI = (0, 100), Current = (-50, 300) });
        AssertEdgesExercised(seen, n);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void LifConductanceBlockMatchesStepWithHugeConductances(int n)
    {
        BlockEquivalence.Check(new LifConductance { TauSynE = 50, TauSynI = 50 }, 0.1, n, 50,
            new R((-90, 0), (0, 1e6), (0, 1e6)) { SynE = (0, 1e7), SynI = (0, 1e7), Current = (-1e5, 1e5) });
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void IzhikevichBlockMatchesStep(int n)
    {
        foreach (double dt in new[] { 0.1, 1.0 })
        {
            var seen = BlockEquivalence.Check(Izhikevich.Chattering with { Bias = 5 }, dt, n, 100,
                new R((-80, 29), (0, 20), (-10, 0)) { U = (-16, 10), Current = (0, 10) });
            AssertEdgesExercised(seen, n, refractory: false);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void DiscreteLifBlockMatchesStepAcrossTheBiasOnset(int n)
    {
        var seen = BlockEquivalence.Check(new DiscreteLif { Bias = 0.15f, BiasOnsetStep = 40 }, 1, n, 100,
            new R((-1, 1), (0, 0.8), (-0.5, 0)), firstStep: 10);
        AssertEdgesExercised(seen, n, refractory: false);
        BlockEquivalence.Check(new DiscreteLif { Spiking = false, Decay = 0.5f }, 1, n, 30, new R((-2, 2), (0, 1), (-1, 0)));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void NirNeuronBlockMatchesStepForEveryPrimitive(int n)
    {
        var ranges = new R((-1, 1.2), (0, 0.8), (-0.5, 0)) { SynE = (-1, 2), Current = (-0.2, 1) };
        foreach (var model in new[]
        {
            new NirNeuron { Bias = 1.5 },
            new NirNeuron { TauSyn = 5, Bias = 1.5, WIn = 2 },
            new NirNeuron { Leak = false, TauSyn = 3, Reset = false, Bias = 0.5 },
            new NirNeuron { TauSyn = 10, TauMem = 10, Bias = 2 },
            new NirNeuron { VThreshold = double.PositiveInfinity, TauSyn = 2 },
        })
        {
            var seen = BlockEquivalence.Check(model, 0.5, n, 60, ranges);
            if (!double.IsPositiveInfinity(model.VThreshold))
            {
                AssertEdgesExercised(seen, n, refractory: false);
            }
        }
    }
}
