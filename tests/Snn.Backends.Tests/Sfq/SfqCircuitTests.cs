using Snn.Backends.Sfq;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Sfq;

/// <summary>Stochastic gates, bias mapping, energy accounting, errors and determinism of the SFQ backend.</summary>
public class SfqCircuitTests
{
    [Fact]
    public void GateBiasMappingIsMonotoneAndInvertible()
    {
        var technology = SfqTechnology.Default;
        double previous = double.NegativeInfinity;
        for (double w = 0.001; w < 1; w += 0.001)
        {
            double bias = SfqBiasMapping.GateBiasUa(technology, w, technology.CriticalCurrentUa);
            Assert.True(bias > previous, $"bias {bias} µA for weight {w} is not above {previous} µA");
            Assert.True(bias < technology.CriticalCurrentUa);
            Assert.Equal(w, SfqBiasMapping.WeightForGateBias(technology, bias, technology.CriticalCurrentUa), 1e-9);
            Assert.Equal(bias, SfqBiasMapping.GateBiasUa(technology, -w, technology.CriticalCurrentUa));
            previous = bias;
        }
    }

    [Fact]
    public void PassProbabilityIsAnErrorFunctionOfWidthTheThermalNoiseCurrent()
    {
        var technology = SfqTechnology.Default;
        double sigma = Math.Sqrt(4 * SfqConstants.BoltzmannJPerK * 4.2 * 100e-6 / SfqConstants.FluxQuantumWb) * 1e6;
        Assert.Equal(sigma, technology.NoiseCurrentUa, 12);
        double half = SfqBiasMapping.HalfPassBiasUa(technology, 100);
        Assert.Equal(0.5, SfqBiasMapping.PassProbability(technology, half, 100), 12);
        Assert.Equal(0.841344746068543, SfqBiasMapping.PassProbability(technology, half + sigma, 100), 9);
        Assert.Equal(0.022750131948179, SfqBiasMapping.PassProbability(technology, half - 2 * sigma, 100), 9);
    }

    [Fact]
    public void NeuronThresholdMappingIsMonotoneAndInvertible()
    {
        var technology = SfqTechnology.Default;
        double previous = double.PositiveInfinity;
        for (double threshold = 0.25; threshold <= 4.5; threshold += 0.25)
        {
            double bias = SfqBiasMapping.NeuronBiasUa(technology, threshold);
            Assert.True(bias < previous);
            Assert.Equal(threshold, SfqBiasMapping.ThresholdFluxons(technology, bias, technology.CriticalCurrentUa), 12);
            previous = bias;
        }
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SfqBiasMapping.NeuronBiasUa(technology, 6));
        Assert.Contains("thresholdFluxons = 6", error.Message);
    }

    private static (Network Network, Projection Projection, Snn.Core.Monitors.SpikeMonitor Spikes) Gate(double weight, int pulses, ulong seed = 9)
    {
        var network = new Network(seed, dt: SfqConstants.Ps(1));
        var input = network.AddSpikeSource("in", [Enumerable.Range(1, pulses).Select(k => SfqConstants.Ps(k * 20)).ToArray()]);
        var neuron = network.AddPopulation("relay", 1, new SfqNeuron { ThresholdFluxons = 1 });
        var projection = network.Connect(input, neuron, Connectivity.OneToOne(), Synapse.Excitatory(weight, SfqConstants.Ps(5.7)));
        return (network, projection, network.RecordSpikes(neuron));
    }

    [Fact]
    public void GatePassesTheFractionOfPulsesItsBiasSets()
    {
        const int pulses = 4000;
        var (network, projection, _) = Gate(0.3, pulses);
        using var simulation = new SfqBackend().CompileSfq(network);
        simulation.Run(SfqConstants.Ps(pulses * 20 + 100));

        double p = simulation.PassProbabilities(projection)[0];
        Assert.Equal(0.3, p, 9);
        double sd = Math.Sqrt(pulses * p * (1 - p));
        Assert.InRange(simulation.FluxonsDelivered, pulses * p - 4 * sd, pulses * p + 4 * sd);
    }

    [Fact]
    public void EnergyIsSwitchingCountTimesIcPhi0AndStaticPowerOnlyForRsfq()
    {
        var (network, _, spikes) = Gate(0.5, 500);
        using var rsfq = new SfqBackend().CompileSfq(network);
        rsfq.Run(SfqConstants.Ps(10_100));
        var report = rsfq.Report();

        Assert.Equal(2.067833848e-19, report.EnergyPerSwitchJ, tolerance: 1e-30);
        // A blocked pulse switches the gate's escape junction (1); a passed one the gate's two
        // junctions and the two of its one JTL stage (4); each firing of the relay its output
        // junction and the released fluxon (2). No splitter or merger: one source, one target.
        long passed = rsfq.FluxonsDelivered, fired = rsfq.GetExactSpikes(spikes).Count;
        Assert.Equal(500 - passed + 4 * passed + 2 * fired, report.SwitchingEvents);
        Assert.Equal(report.SwitchingEvents * report.EnergyPerSwitchJ, report.DynamicEnergyJ, tolerance: 1e-12 * report.DynamicEnergyJ);
        // RSFQ bias (2.6 mV rail): gate 70 uA (weight 0.5: I_50 = 0.7 I_c) plus its escape junction
        // and the two JTL junctions at 0.7 I_c each, the neuron's output junction at
        // I_c - 1 Phi0/L (threshold 1) plus its two other junctions at 0.7 I_c.
        double biasUa = 70 + 3 * 70 + (100 - 2.067833848e3 / 100) + 2 * 70;
        Assert.Equal(2.6e-3 * biasUa * 1e-6, report.StaticPowerW, 1e-12 * report.StaticPowerW);
        Assert.Equal(report.StaticPowerW * 10_100e-12, report.StaticEnergyJ, tolerance: 1e-12 * report.StaticEnergyJ);
        Assert.Equal(report.TotalEnergyJ * 401, report.WallPlugEnergyJ, tolerance: 1e-12 * report.WallPlugEnergyJ);

        var (again, _, _) = Gate(0.5, 500);
        using var ersfq = new SfqBackend(SfqTechnology.Default with { Family = SfqLogicFamily.Ersfq }).CompileSfq(again);
        ersfq.Run(SfqConstants.Ps(10_100));
        var efficient = ersfq.Report();
        Assert.Equal(0, efficient.StaticPowerW);
        Assert.Equal(report.SwitchingEvents, efficient.SwitchingEvents);
        Assert.Equal(efficient.DynamicEnergyJ, efficient.TotalEnergyJ);
    }

    [Fact]
    public void SameSeedGivesTheSamePulsesAndAnotherSeedOthers()
    {
        double[] Run(ulong seed)
        {
            var (network, _, spikes) = Gate(0.5, 300, seed);
            using var simulation = new SfqBackend(options: new SfqBackendOptions { DelayJitterScale = 1 }).CompileSfq(network);
            simulation.Run(SfqConstants.Ps(6100));
            return simulation.GetExactSpikes(spikes).TimesMs;
        }

        Assert.Equal(Run(3), Run(3));
        Assert.NotEqual(Run(3), Run(4));
    }

    [Fact]
    public void OverbiasedGateIsReportedAndEmitsPulsesOnItsOwn()
    {
        var (network, _, spikes) = Gate(1.0, 0);
        using var simulation = new SfqBackend(options: new SfqBackendOptions { GlobalBiasScale = 1.15 }).CompileSfq(network);
        simulation.Run(SfqConstants.Ps(500));

        // At 1.15 x nominal the weight-1 gate (I_50 + 6 sigma_I = 89.9 uA) gets 103 uA > I_c; the
        // neuron (79.3 uA) stays below it.
        Assert.Equal(1, simulation.ErrorCountOf(SfqErrorKind.Overbiased));
        Assert.True(simulation.GetExactSpikes(spikes).Count > 0);
    }

    [Fact]
    public void PulsesCloserThanTheMergerDelayCollide()
    {
        var network = new Network(1, dt: SfqConstants.Ps(1));
        var input = network.AddSpikeSource("in", [[SfqConstants.Ps(10)], [SfqConstants.Ps(14)]]);
        var neuron = network.AddPopulation("loop", 1, new SfqNeuron { ThresholdFluxons = 3 });
        network.Connect(input, neuron, Connectivity.AllToAll(), Synapse.Excitatory(1.0, SfqConstants.Ps(6)));
        using var simulation = new SfqBackend(options: new SfqBackendOptions { ThermalJitter = false }).CompileSfq(network);
        simulation.Run(SfqConstants.Ps(100));

        Assert.Equal(1, simulation.ErrorCountOf(SfqErrorKind.MergerCollision));
        Assert.Equal(1, simulation.FluxonsDelivered);
    }

    [Fact]
    public void WeightOutsideThePassProbabilityRangeIsRejected()
    {
        var (network, _, _) = Gate(1.5, 1);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SfqBackend().Compile(network));
        Assert.Contains("1.5", error.Message);
    }

    [Fact]
    public void UnsupportedModelIsNamedAtCompileTime()
    {
        var network = new Network(1, dt: SfqConstants.Ps(1));
        network.AddPopulation("lif", 1, new LifCurrent());
        var error = Assert.Throws<NotSupportedException>(() => new SfqBackend().Compile(network));
        Assert.Contains("lif", error.Message);
    }
}
