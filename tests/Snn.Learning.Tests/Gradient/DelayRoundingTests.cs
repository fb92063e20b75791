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

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void AnEvenKernelCoversDelaysZeroToKernelMinusOne(int kernel)
    {
        var network = SingleSynapse(0f, kernel);
        var layer = network.Layers[0];
        var delays = new HashSet<int>();
        for (float p = layer.MinPosition; p <= layer.MaxPosition; p += 1f)
        {
            layer.Positions[0] = p;
            delays.Add(layer.DelayOf(0));
            layer.BuildRoundedKernel();
            int tap = Array.FindIndex(layer.Effective, w => w != 0f);
            Assert.Equal(kernel - 1 - layer.DelayOf(0), tap);
        }
        Assert.Equal(Enumerable.Range(0, kernel), delays.Order());
        layer.Positions[0] = layer.MinPosition;
        var input = new float[12];
        input[1] = 1f;
        var trace = network.Trace(input, 12);
        Assert.Equal(1 + kernel - 1, Array.IndexOf(trace.HiddenSpikes[0], 1f));
    }

    [Fact]
    public void TheGaussianOfAnEvenKernelPeaksOnTheTapOfItsRoundedDelay()
    {
        var layer = SingleSynapse(0f, 4).Layers[0];
        foreach (float p in new[] { layer.MinPosition, 0f, layer.MaxPosition })
        {
            layer.Positions[0] = p;
            layer.BuildGaussianKernel(0.5f, new float[8]);
            int peak = Array.IndexOf(layer.Effective, layer.Effective.Max());
            Assert.Equal(3 - layer.DelayOf(0), peak);
        }
    }

    private static DelayNetwork SingleSynapse(float position, int kernel = 5)
    {
        var config = new DelayNetworkConfig { Inputs = 1, Hidden = [1], Classes = 2, MaxDelaySteps = kernel, TauSteps = 2, BatchNorm = false, Dropout = 0 };
        var network = DelayNetwork.Create(config, 0);
        network.Layers[0].Weights[0] = 1.5f;
        network.Layers[0].Positions[0] = position;
        return network;
    }
}
