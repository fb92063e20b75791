using Snn.Learning.Gradient;

namespace Snn.Learning.Tests.Gradient;

public class DelayRoundingTests
{
    [Theory]
    [InlineData(0.6f, 1)]
    [InlineData(-1.4f, 3)]
    [InlineData(2.0f, 0)]
    [InlineData(-2.0f, 4)]
    public void EvaluationRoundsThePositionToAnIntegerDelay(float position, int delay)
    {
        var network = SingleSynapse(position);
        Assert.Equal(delay, network.GetDelays(0)[0]);
        var input = new float[10];
        input[2] = 1f;
        var trace = network.Trace(input, 10);
        for (int t = 0; t < 10; t++)
        {
            Assert.Equal(t == 2 + delay ? 1f : 0f, trace.HiddenSpikes[0][t]);
        }
    }

    [Fact]
    public void TheEvaluationKernelPutsTheWholeWeightOnTheRoundedTap()
    {
        var network = SingleSynapse(0.6f);
        var layer = network.Layers[0];
        layer.BuildRoundedKernel();
        Assert.Equal(new[] { 0f, 0f, 0f, 1.5f, 0f }, layer.Effective);
        layer.BuildGaussianKernel(0.23f, new float[8]);
        Assert.True(layer.Effective[3] > 1.2f && layer.Effective[3] < 1.5f);
        Assert.True(layer.Effective[2] > 0.1f);
    }

    private static DelayNetwork SingleSynapse(float position)
    {
        var config = new DelayNetworkConfig { Inputs = 1, Hidden = [1], Classes = 2, MaxDelaySteps = 5, TauSteps = 2, BatchNorm = false, Dropout = 0 };
        var network = DelayNetwork.Create(config, 0);
        network.Layers[0].Weights[0] = 1.5f;
        network.Layers[0].Positions[0] = position;
        return network;
    }
}
