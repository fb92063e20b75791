using Snn.Backends.Cpu;
using Snn.Bench.Suites;
using Snn.Core;
using Snn.Core.Inputs;
using Snn.Core.Models;

namespace Snn.Bench.Tests.Suites;

public class Izhikevich2003SuiteTests
{
    private static readonly Network Paper = Izhikevich2003Network.Build(1000, 42).Network;

    private static Population<Izhikevich> Excitatory => (Population<Izhikevich>)Paper.Populations[0];

    private static Population<Izhikevich> Inhibitory => (Population<Izhikevich>)Paper.Populations[1];

    [Fact]
    public void PaperNetworkHas800ExcitatoryAnd200InhibitoryNeuronsAtOneMillisecond()
    {
        Assert.Equal([800, 200], Paper.Populations.Select(p => p.Size));
        Assert.Equal(1.0, Paper.Dt);
        Assert.True(Excitatory.IsHeterogeneous);
        Assert.True(Inhibitory.IsHeterogeneous);
    }

    [Fact]
    public void ExcitatoryParametersFollowOneRandomNumberPerNeuron()
    {
        var models = Enumerable.Range(0, 800).Select(Excitatory.ModelOf).ToArray();

        Assert.All(models, m =>
        {
            Assert.Equal(0.02, m.A);
            Assert.Equal(0.2, m.B);
            Assert.InRange(m.C, -65, -50);
            Assert.InRange(m.D, 2, 8);
            Assert.Equal((m.C + 65) / 15, (8 - m.D) / 6, 12); // the same r² in c and d
        });
        Assert.True(models.Min(m => m.C) < -64.5 && models.Max(m => m.C) > -51, "r² should cover [0, 1)");
    }

    [Fact]
    public void InhibitoryParametersFollowOneRandomNumberPerNeuron()
    {
        var models = Enumerable.Range(0, 200).Select(Inhibitory.ModelOf).ToArray();

        Assert.All(models, m =>
        {
            Assert.InRange(m.A, 0.02, 0.1);
            Assert.InRange(m.B, 0.2, 0.25);
            Assert.Equal(-65, m.C);
            Assert.Equal(2, m.D);
            Assert.Equal((m.A - 0.02) / 0.08, (0.25 - m.B) / 0.05, 9); // the same r in a and b
        });
        Assert.True(models.Min(m => m.A) < 0.025 && models.Max(m => m.A) > 0.095, "r should cover [0, 1)");
    }

    [Fact]
    public void InitialStateIsMinus65WithUEqualToBV()
    {
        var states = Excitatory.InitialStates();

        for (int i = 0; i < states.Length; i++)
        {
            Assert.Equal(-65f, states[i].V);
            Assert.Equal((float)(Excitatory.ModelOf(i).B * -65), states[i].U);
        }
    }

    [Fact]
    public void AllPairsAreConnectedWithPaperWeightsAndOneMillisecondDelay()
    {
        long total = 0;
        foreach (var projection in Paper.Projections)
        {
            var table = projection.Instantiate();
            total += table.Count;
            Assert.Equal(projection.Source.Size * projection.Target.Size, table.Count);
            Assert.All(table.DelaySteps, d => Assert.Equal(1, d));
            if (projection.Source.Name == "exc")
            {
                Assert.All(table.Weights, w => Assert.InRange(w, 0f, 0.5f));
                Assert.InRange(table.Weights.Average(w => (double)w), 0.24, 0.26);
            }
            else
            {
                Assert.All(table.Weights, w => Assert.InRange(w, -1f, 0f));
                Assert.InRange(table.Weights.Average(w => (double)w), -0.52, -0.48);
            }
        }
        Assert.Equal(1_000_000, total);
    }

    [Fact]
    public void ThalamicInputIsNoiseWithSd5And2()
    {
        var noise = Paper.Injections.ToDictionary(i => i.Target.Name, i => (NoiseCurrent)i.Source);

        Assert.Equal(5, noise["exc"].SdPa);
        Assert.Equal(2, noise["inh"].SdPa);
        Assert.Equal(0, noise["exc"].MeanPa);
        Assert.Equal(800, Paper.Injections.First(i => i.Target.Name == "exc").Neurons.Count);
    }

    [Fact]
    public void OtherSizesScaleWeightsToKeepTheTotalInput()
    {
        var network = Izhikevich2003Network.Build(500, 42).Network;

        Assert.Equal([400, 100], network.Populations.Select(p => p.Size));
        Assert.All(network.Projections.First(p => p.Source.Name == "exc").Instantiate().Weights, w => Assert.InRange(w, 0f, 1f));
        Assert.Equal(2.0, Izhikevich2003Network.WeightScale(500));
    }

    [Fact]
    public void FineNetworkKeepsTheOneMillisecondDelayAndTheNoiseDiffusionPerMillisecond()
    {
        var fine = Izhikevich2003Network.BuildFine(1000, 42).Network;
        var noise = fine.Injections.ToDictionary(i => i.Target.Name, i => (NoiseCurrent)i.Source);

        Assert.Equal(0.1, fine.Dt);
        Assert.All(fine.Projections, p => Assert.All(p.Instantiate().DelaySteps, d => Assert.Equal(10, d)));
        // Ten independent draws per ms, each integrated over 0.1 ms, add the variance one draw of the
        // paper's standard deviation adds over 1 ms: 10 · (0.1 · σ_fine)² = σ².
        Assert.Equal(25, 10 * Math.Pow(0.1 * noise["exc"].SdPa, 2), 9);
        Assert.Equal(4, 10 * Math.Pow(0.1 * noise["inh"].SdPa, 2), 9);
        Assert.Equal(Paper.Projections[0].Instantiate().Weights, fine.Projections[0].Instantiate().Weights);
    }

    [Fact]
    public void FineNetworkGivesTheSameSpikesOnTheBlockAndScalarPaths()
    {
        var spikes = new[] { true, false }.Select(block =>
        {
            var built = Izhikevich2003Network.BuildFine(200, 42);
            using var simulation = new CpuBackend(new CpuBackendOptions { UseBlockUpdate = block, Threads = 2 }).Compile(built.Network);
            simulation.Run(200);
            return built.Spikes.Select(m => simulation.GetSpikes(m)).ToArray();
        }).ToArray();

        Assert.True(spikes[0].Sum(r => r.Count) > 100, $"only {spikes[0].Sum(r => r.Count)} spikes");
        for (int m = 0; m < spikes[0].Length; m++)
        {
            Assert.Equal(spikes[1][m].Steps, spikes[0][m].Steps);
            Assert.Equal(spikes[1][m].Neurons, spikes[0][m].Neurons);
        }
    }
}
