using Snn.Backends.Cpu;
using Snn.Core.Randomness;
using Snn.Experiments.Nalsm;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Tests.Nalsm;

public class LiquidSimulatorTests
{
    /// <summary>A 100-neuron liquid with 16 inputs.</summary>
    internal static readonly LiquidOptions Small = LiquidOptions.Liquid100 with { InputCount = 16 };

    /// <summary>Input probabilities in [0, 0.6) for <see cref="Small"/>, the same on every call.</summary>
    internal static float[][] RandomInputs(int count)
    {
        var rng = new CounterRng(3, 1, 0);
        var result = new float[count][];
        for (int s = 0; s < count; s++)
        {
            result[s] = new float[16];
            for (int k = 0; k < 16; k++)
            {
                result[s][k] = (float)(0.6 * rng.NextDouble());
            }
        }
        return result;
    }

    private static NalsmOptions Options(ReservoirMode mode, int workers) => new()
    {
        Liquid = Small, Mode = mode, InitializationSamples = 12, InitializationMs = 20, PresentationMs = 60, BranchingMarginMs = 5, ChunkSamples = 3, Workers = workers,
        BranchingSamples = 6,
    };

    [Fact]
    public void InitialisationChangesTheWeightsWithinTheirBounds()
    {
        var topology = LiquidTopology.Build(Small);
        var simulator = new LiquidSimulator(topology, Options(ReservoirMode.Astrocyte, 1), new CpuBackend(new CpuBackendOptions { Threads = 1 }));
        simulator.Initialize(RandomInputs(8));
        Assert.NotEqual(topology.Input.Weights, simulator.Weights[2]);
        Assert.All(simulator.Weights[0], w => Assert.InRange(w, 0f, 3f));
        Assert.All(simulator.Weights[1], w => Assert.InRange(w, -3f, 0f));
        Assert.All(simulator.Weights[2], w => Assert.InRange(w, -3f, 3f));
    }

    [Fact]
    public void PresentationsGiveTheSameCountsOnAnyNumberOfWorkers()
    {
        var topology = LiquidTopology.Build(Small);
        var inputs = RandomInputs(7);
        LiquidResponses Present(int workers)
        {
            var simulator = new LiquidSimulator(topology, Options(ReservoirMode.Astrocyte, workers), new CpuBackend(new CpuBackendOptions { Threads = 1 }));
            return simulator.Present(inputs, 0);
        }
        var one = Present(1);
        var two = Present(2);
        Assert.Equal(one.Counts, two.Counts);
        Assert.Equal(one.Branching.Value, two.Branching.Value, 12);
        Assert.True(one.MeanRateHz > 0);
    }

    [Fact]
    public void EverySampleStartsFromTheSameStateAndWeights()
    {
        var topology = LiquidTopology.Build(Small);
        var input = RandomInputs(1)[0];
        float[][] same = [input, input, input, input];
        var simulator = new LiquidSimulator(topology, Options(ReservoirMode.Stdp, 1) with { ChunkSamples = 4 }, new CpuBackend(new CpuBackendOptions { Threads = 1 }));
        var counts = simulator.Present(same, 0).Counts;
        var alone = simulator.Present([input], 0).Counts[0];
        Assert.Equal(alone, counts[0]);
        Assert.NotEqual(counts[0], counts[1]);
        var repeated = simulator.Present(same, 0).Counts;
        Assert.Equal(counts, repeated);
    }
    /// <summary>The authors' kernel (short-term plasticity with U = 1, reset every window) under the
    /// plastic protocol: the initialisation moves the weights within their bounds and elsewhere than
    /// the summed kernel does, and each sample of a chunk gives the counts it gives presented alone,
    /// so nothing of the kernel's state leaks from one window into the next.</summary>
    [Fact]
    public void LastSpikeKernelRunsThePlasticProtocolWithEverySampleFromRest()
    {
        var topology = LiquidTopology.Build(Small);
        var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });
        var options = Options(ReservoirMode.Astrocyte, 1) with { ChunkSamples = 4 };
        var summed = new LiquidSimulator(topology, options with { Kernel = SynapticKernel.Summed }, backend);
        var lastSpike = new LiquidSimulator(topology, options with { Kernel = SynapticKernel.LastSpike }, backend);
        summed.Initialize(RandomInputs(8));
        lastSpike.Initialize(RandomInputs(8));
        Assert.NotEqual(summed.Weights[0], lastSpike.Weights[0]);
        Assert.All(lastSpike.Weights[0], w => Assert.InRange(w, 0f, 3f));
        Assert.All(lastSpike.Weights[1], w => Assert.InRange(w, -3f, 0f));

        var inputs = RandomInputs(4);
        var chunk = lastSpike.Present(inputs, 0).Counts;
        Assert.True(chunk.Sum(c => c.Sum()) > 0, "the liquid is silent");
        for (int s = 1; s < inputs.Length; s++)
        {
            Assert.Equal(lastSpike.Present([inputs[s]], (ulong)s).Counts[0], chunk[s]);
        }
    }
}
