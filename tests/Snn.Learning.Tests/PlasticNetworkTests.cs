using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Monitors;
using Snn.Core.Simulation;
using Snn.Learning.Plasticity;

namespace Snn.Learning.Tests;

public class PlasticNetworkTests
{
    private sealed record Built(Network Network, Projection Excitatory, Projection Inhibitory, SpikeMonitor Spikes, WeightMonitor Weights);

    private static Built Build(ulong seed = 9)
    {
        var network = new Network(seed, dt: 0.1);
        var model = new LifCurrent { TauM = 20, TauSynE = 5, TauSynI = 10, EL = -60, VThreshold = -50, VReset = -60, RefractoryPeriod = 2 };
        var exc = network.AddPopulation("exc", 800, model);
        var inh = network.AddPopulation("inh", 200, model);
        exc.WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        inh.WithInitial(StateVariable.V, Dist.Uniform(-60, -50));
        var input = network.AddPoissonInput("input", 200, 20);
        network.Connect(input, exc, Connectivity.FixedInDegree(20), Synapse.Excitatory(Dist.Uniform(60, 100)));
        network.Connect(input, inh, Connectivity.FixedInDegree(20), Synapse.Excitatory(Dist.Uniform(60, 100)));
        var ee = network.Connect(exc, exc, Connectivity.Probability(0.05), Synapse.Excitatory(Dist.Uniform(10, 40), Dist.Uniform(0.5, 5)))
            .WithPlasticity(new PairStdp { APlus = 1, AMinus = 1.05, WMin = 0, WMax = 60 });
        network.Connect(exc, inh, Connectivity.Probability(0.05), Synapse.Excitatory(30, 1));
        var ie = network.Connect(inh, exc, Connectivity.Probability(0.1), Synapse.Inhibitory(-60, Dist.Uniform(0.5, 2)))
            .WithPlasticity(new InhibitoryStdp { Eta = 1, WMaxMagnitude = 200, NegativeWeights = true });
        network.Connect(inh, inh, Connectivity.Probability(0.1), Synapse.Inhibitory(-60, 1));
        var spikes = network.RecordSpikes(exc);
        var weights = network.RecordWeights(ee, 50);
        return new Built(network, ee, ie, spikes, weights);
    }

    [Fact]
    public void PlasticNetworkGivesIdenticalSpikesAndWeightsOnOneTwoAndThreeThreads()
    {
        (long[] Steps, int[] Neurons, float[] Ee, float[] Ie) RunWith(int threads)
        {
            var built = Build();
            using var sim = new CpuBackend(new CpuBackendOptions { Threads = threads }).Compile(built.Network);
            sim.Run(300);
            var record = sim.GetSpikes(built.Spikes);
            return (record.Steps, record.Neurons, sim.GetWeights(built.Excitatory), sim.GetWeights(built.Inhibitory));
        }

        var one = RunWith(1);
        Assert.True(one.Steps.Length > 1000, $"the network must be active: {one.Steps.Length} spikes");
        var initial = Build().Excitatory.Instantiate().Weights;
        Assert.NotEqual(initial, one.Ee);
        foreach (int threads in new[] { 2, 3 })
        {
            var other = RunWith(threads);
            Assert.Equal(one.Steps, other.Steps);
            Assert.Equal(one.Neurons, other.Neurons);
            Assert.Equal(one.Ee, other.Ee);
            Assert.Equal(one.Ie, other.Ie);
        }
    }

    [Fact]
    public void CheckpointOfAPlasticNetworkContinuesBitIdentically()
    {
        var original = Build();
        using var first = new CpuBackend(new CpuBackendOptions { Threads = 2 }).Compile(original.Network);
        first.Run(150);
        using var checkpoint = new MemoryStream();
        first.SaveCheckpoint(checkpoint);
        first.Run(150);

        var copy = Build();
        using var second = new CpuBackend(new CpuBackendOptions { Threads = 1 }).Compile(copy.Network);
        checkpoint.Position = 0;
        second.RestoreCheckpoint(checkpoint);
        second.Run(150);

        Assert.Equal(first.GetWeights(original.Excitatory), second.GetWeights(copy.Excitatory));
        Assert.Equal(first.GetWeights(original.Inhibitory), second.GetWeights(copy.Inhibitory));
        Assert.Equal(first.GetSpikes(original.Spikes).Steps, second.GetSpikes(copy.Spikes).Steps);
        Assert.Equal(first.GetSpikes(original.Spikes).Neurons, second.GetSpikes(copy.Spikes).Neurons);
        Assert.Equal(first.GetWeights(original.Weights).Snapshots, second.GetWeights(copy.Weights).Snapshots);
    }

    [Fact]
    public void WeightMonitorTakesSnapshotsAtItsIntervalAndTheLastEqualsTheCurrentWeights()
    {
        var built = Build();
        using var sim = new CpuBackend().Compile(built.Network);
        sim.Run(120);
        sim.Run(80);
        var record = sim.GetWeights(built.Weights);
        Assert.Equal([50.0, 100.0, 150.0, 200.0], record.Times.Select(t => Math.Round(t, 6)));
        Assert.Equal(sim.GetWeights(built.Excitatory), record.Snapshots[^1]);
        var histogram = record.Histogram(3, 12, 0, 60);
        Assert.Equal(record.Snapshots[3].Length, histogram.Sum());
        Assert.NotEqual(record.Snapshots[0], record.Snapshots[3]);
    }

    [Fact]
    public void SettingWeightsOfAPlasticProjectionIsReadBack()
    {
        var built = Build();
        using var sim = new CpuBackend().Compile(built.Network);
        var weights = sim.GetWeights(built.Excitatory);
        var changed = weights.Select((w, i) => (float)(i % 7)).ToArray();
        sim.SetWeights(built.Excitatory, changed);
        Assert.Equal(changed, sim.GetWeights(built.Excitatory));
        Assert.Throws<ArgumentException>(() => sim.SetWeights(built.Excitatory, changed.AsSpan(1)));
    }
}
