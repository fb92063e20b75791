using Snn.Backends.Cpu;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Learning.Homeostasis;

namespace Snn.Learning.Tests;

public class HomeostasisTests
{
    private const double Target = 10;

    private static double AdaptiveThresholdRate(double drivePa)
    {
        var network = new Network(seed: 2, dt: 0.1);
        var model = new AdaptiveThresholdLif { TargetRateHz = Target, ThresholdIncrement = 0.5 };
        var neurons = network.AddPopulation("neurons", 20, model);
        network.Inject(neurons, new DcCurrent(drivePa));
        network.Inject(neurons, new NoiseCurrent(0, 50));
        var spikes = network.RecordSpikes(neurons);
        using var sim = new CpuBackend().Compile(network);
        sim.Run(30_000);
        return sim.GetSpikes(spikes, sinceMs: 20_000).MeanRate();
    }

    [Theory]
    [InlineData(1000.0)]
    [InlineData(200.0)]
    public void AdaptiveThresholdBringsTheRateToTheTarget(double drivePa)
    {
        double withoutHomeostasis = UnadaptedRate(drivePa);
        double adapted = AdaptiveThresholdRate(drivePa);
        Assert.True(Math.Abs(withoutHomeostasis - Target) > 5, $"the drive must start far from the target: {withoutHomeostasis} Hz");
        Assert.InRange(adapted, 0.85 * Target, 1.15 * Target);
    }

    private static double UnadaptedRate(double drivePa)
    {
        var network = new Network(seed: 2, dt: 0.1);
        var neurons = network.AddPopulation("neurons", 20, new LifCurrent());
        network.Inject(neurons, new DcCurrent(drivePa));
        network.Inject(neurons, new NoiseCurrent(0, 50));
        var spikes = network.RecordSpikes(neurons);
        using var sim = new CpuBackend().Compile(network);
        sim.Run(2000);
        return sim.GetSpikes(spikes).MeanRate();
    }

    [Theory]
    [InlineData(40.0)]
    [InlineData(8.0)]
    public void SynapticScalingBringsTheRateToTheTarget(double initialWeightPa)
    {
        var network = new Network(seed: 4, dt: 0.1);
        var inputs = network.AddPoissonInput("inputs", 200, 10);
        var neurons = network.AddPopulation("neurons", 10, new LifCurrent());
        var rule = new SynapticScaling { TargetRateHz = Target, Eta = 0.05, RateTau = 1000, UpdateIntervalMs = 100 };
        network.Connect(inputs, neurons, Connectivity.FixedInDegree(100), Synapse.Excitatory(initialWeightPa)).WithPlasticity(rule);
        var spikes = network.RecordSpikes(neurons);
        using var sim = new CpuBackend().Compile(network);
        sim.Run(1000);
        double initial = sim.GetSpikes(spikes).MeanRate();
        sim.Run(39_000);
        double final = sim.GetSpikes(spikes, sinceMs: 30_000).MeanRate();
        Assert.True(Math.Abs(initial - Target) > 5, $"the initial rate {initial} Hz must start far from the target");
        Assert.InRange(final, 0.7 * Target, 1.3 * Target);
    }
}
