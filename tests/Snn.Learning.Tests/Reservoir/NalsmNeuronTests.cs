using Snn.Core.Models;

namespace Snn.Learning.Tests.Reservoir;

public class NalsmNeuronTests
{
    private static readonly NalsmNeuron Model = NalsmNeuron.Paper.Prepare(1);

    private static bool Step(ref NeuronState state, float input, float current = 0, long step = 1, NalsmNeuron? model = null)
        => (model ?? Model).Step(ref state, input, 0, current, new StepContext(0, 0, step, 0));

    [Fact]
    public void ArrivingSpikeFollowsTheExponentialKernelFromDeltaTZero()
    {
        var state = NalsmNeuron.Paper.InitialState();
        Step(ref state, 3f);
        double v = 3;
        Assert.Equal(v, state.V, 5);
        for (int k = 1; k <= 5; k++)
        {
            Step(ref state, 0f);
            v = v - v / 64 + 3 * Math.Exp(-k);
            Assert.Equal(v, state.V, 5);
        }
    }

    [Fact]
    public void MembraneLeaksByOneOverTauV()
    {
        var state = new NeuronState { V = 10 };
        Step(ref state, 0f);
        Assert.Equal(10 - 10 / 64.0, state.V, 5);
    }

    [Fact]
    public void RefractoryPeriodBlocksSpikesWhileVoltageKeepsIntegrating()
    {
        var state = NalsmNeuron.Paper.InitialState();
        Assert.True(Step(ref state, 0f, current: 100));
        Assert.Equal(0f, state.V);
        Assert.False(Step(ref state, 0f, current: 100));
        Assert.Equal(100f, state.V);
        Assert.False(Step(ref state, 0f));
        Assert.Equal(100 - 100 / 64.0, state.V, 4);
        Assert.True(Step(ref state, 0f));
        Assert.Equal(0f, state.V);
    }

    [Fact]
    public void WindowStartResetsTheNeuronAndDiscardsItsInput()
    {
        var windowed = (NalsmNeuron.Paper with { WindowSteps = 250 }).Prepare(1);
        var state = new NeuronState { V = 15, SynE = 2, RefractoryCountdown = 1 };
        Assert.False(Step(ref state, 50f, current: 100, step: 500, model: windowed));
        Assert.Equal(new NeuronState(), state);
        Step(ref state, 3f, step: 501, model: windowed);
        Assert.Equal(3, state.V, 5);
    }

    [Fact]
    public void NeuronIsDefinedOnMillisecondStepsOnly()
        => Assert.Equal("dt", Assert.ThrowsAny<ArgumentException>(() => NalsmNeuron.Paper.Prepare(0.1)).ParamName);
}
