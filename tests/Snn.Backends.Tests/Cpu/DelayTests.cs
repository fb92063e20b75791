using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// Spike transmission timing (NEST convention): a spike found in step k has time t = (k+1)·dt; through
/// a synapse of delay d it enters the target's synaptic variable exactly at t + d (the state sample
/// at t + d shows it, the one before does not); an iaf_psc_exp target moves V from the next step on.
/// </summary>
public class DelayTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void SpikeEntersTheSynapticVariableExactlyOneDelayLater(double dt)
    {
        const int maxDelaySteps = 50;
        const float weight = 10;
        double spikeTime = 3 * dt;
        var network = new Network(7, dt);
        var source = network.AddSpikeSource("input", [[spikeTime]]);
        var targets = network.AddPopulation("lif", maxDelaySteps, new LifCurrent { TauSynE = 1e6, VThreshold = 100 });
        var delays = Enumerable.Range(1, maxDelaySteps).Select(d => d * dt).ToArray();
        network.Connect(source, targets, Connectivity.Pairs(new int[maxDelaySteps], Enumerable.Range(0, maxDelaySteps).ToArray()),
            Synapse.Excitatory(weight, Dist.Explicit(delays)));
        var synaptic = network.RecordState(targets, StateVariable.SynE);
        using var simulation = SimulationHelpers.Run(network, spikeTime + (maxDelaySteps + 5) * dt);

        var record = simulation.GetState(synaptic);
        long spikeStep = SimulationHelpers.Steps(spikeTime, dt);
        for (int target = 0; target < maxDelaySteps; target++)
        {
            long arrival = spikeStep + target + 1;
            for (int s = 0; s < record.Times.Length; s++)
            {
                long sampleStep = SimulationHelpers.Steps(record.Times[s], dt);
                float expected = sampleStep < arrival ? 0f : weight;
                Assert.True(Math.Abs(record.Values[s][target] - expected) < 1e-3,
                    $"delay {target + 1} steps at dt {dt}: SynE = {record.Values[s][target]} at t = {record.Times[s]} ms, arrival at {arrival * dt} ms");
            }
        }
    }

    /// <summary>A strong input drives each target over threshold: an iaf_psc_exp target spikes one
    /// step after the arrival (the current moves V from the next step on), a voltage-jump target
    /// (Izhikevich) spikes at the arrival itself.</summary>
    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void DrivenTargetsSpikeAtTheDelayedArrival(double dt)
    {
        const int maxDelaySteps = 50;
        double spikeTime = 2 * dt;
        var network = new Network(7, dt);
        var source = network.AddSpikeSource("input", [[spikeTime]]);
        var lif = network.AddPopulation("lif", maxDelaySteps, new LifCurrent { TauSynE = 2, RefractoryPeriod = 1000 });
        var izhikevich = network.AddPopulation("izh", maxDelaySteps, Izhikevich.RegularSpiking);
        var delays = Dist.Explicit(Enumerable.Range(1, maxDelaySteps).Select(d => d * dt).ToArray());
        var pairs = Connectivity.Pairs(new int[maxDelaySteps], Enumerable.Range(0, maxDelaySteps).ToArray());
        network.Connect(source, lif, pairs, Synapse.Excitatory(1e6, delays));
        network.Connect(source, izhikevich, pairs, Synapse.Excitatory(200, delays));
        var lifSpikes = network.RecordSpikes(lif);
        var izhikevichSpikes = network.RecordSpikes(izhikevich);
        using var simulation = SimulationHelpers.Run(network, spikeTime + (maxDelaySteps + 2) * dt);

        long spikeStep = SimulationHelpers.Steps(spikeTime, dt);
        var lifRecord = simulation.GetSpikes(lifSpikes);
        var izhikevichRecord = simulation.GetSpikes(izhikevichSpikes);
        for (int target = 0; target < maxDelaySteps; target++)
        {
            long arrival = spikeStep + target + 1;
            Assert.Equal([arrival + 1], lifRecord.TimesOf(target).Select(t => SimulationHelpers.Steps(t, dt)));
            Assert.Equal([arrival], izhikevichRecord.TimesOf(target).Select(t => SimulationHelpers.Steps(t, dt)));
        }
    }

    [Fact]
    public void LongestSupportedDelayArrivesOnTime()
    {
        const double dt = 1.0;
        const int delaySteps = 65535;
        var network = new Network(1, dt);
        var source = network.AddSpikeSource("input", [[1.0, 5.0]]);
        var target = network.AddPopulation("izh", 1, Izhikevich.RegularSpiking);
        network.Connect(source, target, Connectivity.OneToOne(), Synapse.Excitatory(200, delaySteps * dt));
        var spikes = network.RecordSpikes(target);
        using var simulation = SimulationHelpers.Run(network, delaySteps + 10);
        var times = simulation.GetSpikes(spikes).TimesOf(0);
        Assert.Equal([1.0 + delaySteps, 5.0 + delaySteps], times);
    }

    [Fact]
    public void SpikesAcrossRunCallsKeepTheirDelays()
    {
        const double dt = 0.1;
        var network = new Network(1, dt);
        var source = network.AddSpikeSource("input", [[0.5, 0.9, 1.7]]);
        var target = network.AddPopulation("izh", 1, Izhikevich.RegularSpiking);
        network.Connect(source, target, Connectivity.OneToOne(), Synapse.Excitatory(200, 2.0));
        var spikes = network.RecordSpikes(target);
        using var simulation = SimulationHelpers.Compile(network);
        for (int k = 0; k < 50; k++)
        {
            simulation.Run(0.1);
        }
        var steps = simulation.GetSpikes(spikes).Steps;
        Assert.Equal([25L, 29L, 37L], steps);
    }
}
