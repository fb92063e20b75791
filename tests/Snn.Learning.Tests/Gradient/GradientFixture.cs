using Snn.Core.Randomness;
using Snn.Learning.Gradient;

namespace Snn.Learning.Tests.Gradient;

/// <summary>A tiny network and batch for finite-difference checks of the training pass.</summary>
internal sealed class GradientFixture
{
    public const int Steps = 10;
    public const int Samples = 4;

    public GradientFixture(DelayMode mode, bool batchNorm = true, float sigma = 1.5f)
    {
        Config = new DelayNetworkConfig
        {
            Inputs = 5,
            Hidden = [6],
            Classes = 3,
            Delays = mode,
            MaxDelaySteps = 5,
            TauSteps = 2,
            Dropout = 0,
            BatchNorm = batchNorm,
        };
        Network = DelayNetwork.Create(Config, seed: 3);
        foreach (var layer in Network.Layers)
        {
            for (int s = 0; s < layer.Weights.Length; s++)
            {
                layer.Weights[s] *= 3f;
            }
        }
        var data = new float[Samples * Steps * Config.Inputs];
        var rng = new CounterRng(11, RngStreams.User(1), 0);
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = rng.NextDouble() < 0.3 ? 1f : 0f;
        }
        Data = new SpikeTensorSet(data, [0, 1, 2, 1], Steps, Config.Inputs, Config.Classes);
        Pass = new BatchPass(Config, Network.Layers, Steps, Samples) { SmoothSpikes = true };
        Sigma = sigma;
    }

    public DelayNetworkConfig Config { get; }

    public DelayNetwork Network { get; }

    public SpikeTensorSet Data { get; }

    public BatchPass Pass { get; }

    public float Sigma { get; }

    public double Loss()
    {
        BuildKernels();
        return Pass.Forward(Data, [0, 1, 2, 3], Samples, 0, 0);
    }

    public void Gradients()
    {
        Loss();
        Pass.Backward(Sigma, Config.Delays == DelayMode.Learned);
    }

    /// <summary>The central difference of the loss in parameter <paramref name="values"/>[<paramref name="index"/>].</summary>
    public double FiniteDifference(float[] values, int index, float epsilon)
    {
        float original = values[index];
        values[index] = original + epsilon;
        double plus = Loss();
        values[index] = original - epsilon;
        double minus = Loss();
        values[index] = original;
        return (plus - minus) / (2 * epsilon);
    }

    private void BuildKernels()
    {
        var scratch = new float[64];
        foreach (var layer in Network.Layers)
        {
            if (Config.Delays == DelayMode.Learned)
            {
                layer.BuildGaussianKernel(Sigma, scratch);
            }
            else
            {
                layer.BuildRoundedKernel();
            }
        }
    }
}
