using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Simulation;
using Snn.Learning.Plasticity;

namespace Snn.Learning.Tests;

public class ModulatorTests
{
    [Fact]
    public void ModulatorDrivenByAPopulationJumpsPerSpikeAndRelaxesExponentially()
    {
        var network = new Network(seed: 1, dt: 0.1);
        var source = network.AddSpikeSource("reward", [[10.0], [10.0, 30.0]]);
        var modulator = network.AddModulator("dopamine", tauMs: 50, baseline: 0.1, source: source, gainPerSpike: 0.25);
        using var sim = new CpuBackend().Compile(network);
        sim.Run(10);
        Assert.Equal(0.1 + 0.5, sim.GetModulator(modulator), 1e-5);
        sim.Run(20);
        double expected = 0.1 + 0.5 * Math.Exp(-20 / 50.0) + 0.25;
        Assert.Equal(expected, sim.GetModulator(modulator), 1e-5);
        sim.SetModulator(modulator, 2.0);
        sim.Run(50);
        Assert.Equal(0.1 + 1.9 * Math.Exp(-1), sim.GetModulator(modulator), 1e-4);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void ErrorModulatedHebbianFollowsTheSignOfTheError(double error)
    {
        var network = new Network(seed: 3, dt: 1.0);
        var pre = network.AddPoissonInput("pre", 2, 40);
        var driver = network.AddPoissonInput("driver", 1, 40);
        var post = network.AddPopulation("post", 1, new LifCurrent { TauSynE = 0.1, RefractoryPeriod = 1 });
        network.Connect(driver, post, Connectivity.AllToAll(), Synapse.Excitatory(1e6));
        var errorSignal = network.AddModulator("error", tauMs: 1e9, baseline: error);
        var rule = new ErrorModulatedHebbian { LearningRate = 0.001, Tau = 20, WMin = -1, WMax = 1 };
        var plastic = network.Connect(pre, post, Connectivity.AllToAll(), Synapse.Excitatory(0.0)).WithPlasticity(rule, errorSignal);
        using var sim = new CpuBackend().Compile(network);
        sim.Run(2000);
        var weights = sim.GetWeights(plastic);
        Assert.All(weights, w => Assert.Equal(Math.Sign(error), Math.Sign(w)));
        Assert.All(weights, w => Assert.InRange(Math.Abs(w), 0.05, 1));
    }
}
