using ILGPU;
using ILGPU.Runtime.CPU;
using Snn.Core.Randomness;
using Snn.Learning.Gradient;
using Snn.Learning.Gradient.Gpu;

namespace Snn.Learning.Tests.Gradient;

public class GpuPassTests
{
    /// <summary>The device kernels on ILGPU's CPU accelerator give the CPU pass's loss and gradients
    /// (two hidden layers, so the input gradient between hidden layers runs; dropout masks shared).</summary>
    [Theory]
    [InlineData(DelayMode.Learned, true)]
    [InlineData(DelayMode.FixedRandom, false)]
    public void DeviceBatchPassMatchesTheCpuPass(DelayMode mode, bool batchNorm)
    {
        var config = new DelayNetworkConfig
        {
            Inputs = 5,
            Hidden = [6, 4],
            Classes = 3,
            Delays = mode,
            MaxDelaySteps = 5,
            TauSteps = 2,
            Dropout = 0.3,
            BatchNorm = batchNorm,
        };
        const int steps = 8;
        var data = new float[3 * steps * config.Inputs];
        var rng = new CounterRng(4, RngStreams.User(2), 0);
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = rng.NextDouble() < 0.4 ? 1f : 0f;
        }
        var batch = new SpikeTensorSet(data, [0, 2, 1], steps, config.Inputs, config.Classes);
        var network = DelayNetwork.Create(config, seed: 8);
        foreach (var layer in network.Layers)
        {
            for (int s = 0; s < layer.Weights.Length; s++)
            {
                layer.Weights[s] *= 3f;
            }
        }
        var cpu = DelayTrainer.Gradients(network, batch, 1.5, seed: 6);
        using var context = Context.Create(builder => builder.CPU());
        using var accelerator = context.CreateCPUAccelerator(0);
        using var pass = new DelayGpuPass(accelerator, network, steps, batch.Count);
        var device = pass.Gradients(batch, 1.5, seed: 6);

        Assert.Equal(cpu.Loss, device.Loss, 1e-5);
        for (int l = 0; l < network.LayerCount; l++)
        {
            AssertClose(cpu.Weights[l], device.Weights[l]);
            AssertClose(cpu.Positions[l], device.Positions[l]);
            AssertClose(cpu.Gamma[l], device.Gamma[l]);
            AssertClose(cpu.Beta[l], device.Beta[l]);
        }
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        float scale = 0;
        foreach (float v in expected)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4f * scale + 1e-7f, $"[{i}]: CPU {expected[i]}, device {actual[i]} (largest {scale})");
        }
    }
}
