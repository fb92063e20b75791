using Snn.Backends.Sfq;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Sfq;

/// <summary>The SFQ neuron loop: flux storage and conservation, threshold, leak.</summary>
public class SfqNeuronTests
{
    private static readonly SfqBackendOptions Quiet = new() { ThermalJitter = false };

    private static (Network Network, Population<SfqNeuron> Neuron, Snn.Core.Monitors.SpikeMonitor Spikes) OneNeuron(SfqNeuron model, int pulses, double periodPs = 50)
    {
        var network = new Network(5, dt: SfqConstants.Ps(1));
        var input = network.AddSpikeSource("in", [Enumerable.Range(1, pulses).Select(k => SfqConstants.Ps(k * periodPs)).ToArray()]);
        var neuron = network.AddPopulation("loop", 1, model);
        network.Connect(input, neuron, Connectivity.OneToOne(), Synapse.Excitatory(1.0, SfqConstants.Ps(5.7)));
        return (network, neuron, network.RecordSpikes(neuron));
    }

    [Fact]
    public void FluxonsAreStoredUntilFiringAndReleasedOnlyByIt()
    {
        var (network, neuron, spikes) = OneNeuron(new SfqNeuron { ThresholdFluxons = 3.5 }, pulses: 7);
        using var simulation = new SfqBackend(options: Quiet).CompileSfq(network);

        simulation.Run(SfqConstants.Ps(175));
        Assert.Equal(3, simulation.FluxonsDelivered);
        Assert.Equal(3, simulation.StoredFlux(neuron, 0), 12);
        Assert.Equal(0, simulation.FluxReleased);
        Assert.Equal(0, simulation.GetExactSpikes(spikes).Count);

        simulation.Run(SfqConstants.Ps(225));
        Assert.Equal(7, simulation.FluxonsDelivered);
        Assert.Equal(1, simulation.GetExactSpikes(spikes).Count);
        Assert.Equal(4, simulation.FluxReleased, 12);
        Assert.Equal(3, simulation.StoredFlux(neuron, 0), 12);
        Assert.Equal(simulation.FluxonsDelivered, simulation.StoredFlux(neuron, 0) + simulation.FluxReleased, 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void NeuronFiresOnTheConfiguredNumberOfFluxons(int threshold)
    {
        var (network, neuron, spikes) = OneNeuron(new SfqNeuron { ThresholdFluxons = threshold }, pulses: 12, periodPs: 100);
        using var simulation = new SfqBackend(options: Quiet).CompileSfq(network);
        simulation.Run(SfqConstants.Ps(1300));

        Assert.Equal(threshold, simulation.Threshold(neuron, 0), 9);
        var times = simulation.GetExactSpikes(spikes).TimesMs;
        Assert.Equal(12 / threshold, times.Length);
        double firstPs = times[0] * SfqConstants.PsPerMs;
        Assert.InRange(firstPs, threshold * 100, threshold * 100 + 50);
    }

    [Fact]
    public void LeakTimeConstantIsRecoveredFromADecayingLoop()
    {
        const double tau = 37.5;
        var (network, neuron, _) = OneNeuron(new SfqNeuron { ThresholdFluxons = 4.5, LeakTimeConstantPs = tau }, pulses: 2, periodPs: 10);
        var flux = network.RecordState(neuron, StateVariable.V, intervalMs: SfqConstants.Ps(1));
        using var simulation = new SfqBackend(options: Quiet).CompileSfq(network);
        simulation.Run(SfqConstants.Ps(200));

        var record = simulation.GetState(flux);
        var xs = new List<double>();
        var ys = new List<double>();
        for (int s = 0; s < record.Times.Length; s++)
        {
            double ps = record.Times[s] * SfqConstants.PsPerMs;
            if (ps >= 60 && ps <= 150)
            {
                xs.Add(ps);
                ys.Add(Math.Log(record.Values[s][0]));
            }
        }
        double meanX = xs.Average(), meanY = ys.Average();
        double slope = xs.Zip(ys).Sum(p => (p.First - meanX) * (p.Second - meanY)) / xs.Sum(x => (x - meanX) * (x - meanX));
        Assert.Equal(tau, -1 / slope, 1e-3);
        Assert.Equal(SfqTechnology.Default.LoopInductancePh / tau, SfqTechnology.Default.LoopInductancePh / (-1 / slope), 1e-4);
    }

    [Fact]
    public void InhibitoryPulsesRemoveFluxons()
    {
        var network = new Network(5, dt: SfqConstants.Ps(1));
        var input = network.AddSpikeSource("in", [[SfqConstants.Ps(10), SfqConstants.Ps(40)], [SfqConstants.Ps(100)]]);
        var neuron = network.AddPopulation("loop", 1, new SfqNeuron { ThresholdFluxons = 3 });
        network.Connect(input, neuron, Connectivity.Pairs([0], [0]), Synapse.Excitatory(1.0, SfqConstants.Ps(6)));
        network.Connect(input, neuron, Connectivity.Pairs([1], [0]), Synapse.Inhibitory(-1.0, SfqConstants.Ps(6)));
        using var simulation = new SfqBackend(options: Quiet).CompileSfq(network);
        simulation.Run(SfqConstants.Ps(200));

        Assert.Equal(1, simulation.StoredFlux(neuron, 0), 12);
        Assert.Equal(1, simulation.AntifluxonsDelivered);
    }
}
