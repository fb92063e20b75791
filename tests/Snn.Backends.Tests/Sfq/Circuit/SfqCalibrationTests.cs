using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Sfq.Circuit;

/// <summary>A quick circuit calibration of the default technology, shared by the calibration tests.</summary>
public sealed class QuickCalibration
{
    /// <summary>Settings: 120 pulses at each of 7 gate biases.</summary>
    public static readonly SfqCalibrationSettings Settings = new() { PulsesPerPoint = 120, GateBiasPoints = 7, Seed = 5 };

    /// <summary>The calibration.</summary>
    public SfqCalibration Calibration { get; } = SfqCalibrator.Calibrate(SfqTechnology.Default, Settings);
}

/// <summary>The calibrated pulse-level model against the circuit solver on the same inputs.</summary>
public class SfqCalibrationTests(QuickCalibration quick) : IClassFixture<QuickCalibration>
{
    private SfqTechnology Calibrated => quick.Calibration.Apply(SfqTechnology.Default);

    [Fact]
    public void ShippedCalibrationAgreesWithAFreshCircuitCalibration()
    {
        var shipped = SfqCalibrationFile.Shipped;
        var fresh = quick.Calibration;

        Assert.Equal(SfqTechnology.Default.LoopInductancePh, shipped.NeuronLoopInductancePh);
        Assert.Equal(fresh.JtlDelayPs, shipped.JtlDelayPs, 0.01 * fresh.JtlDelayPs);
        Assert.Equal(fresh.SplitterDelayPs, shipped.SplitterDelayPs, 0.02 * fresh.SplitterDelayPs);
        Assert.Equal(fresh.MergerDelayPs, shipped.MergerDelayPs, 0.02 * fresh.MergerDelayPs);
        Assert.Equal(fresh.GateHalfPassBiasUa, shipped.GateHalfPassBiasUa, 1.5);
        Assert.Equal(fresh.GateSpreadUa, shipped.GateSpreadUa, 1.0);
        Assert.Equal(fresh.NeuronZeroFluxSwitchingBiasUa, shipped.NeuronZeroFluxSwitchingBiasUa, 0.01);
        Assert.Equal(fresh.NeuronFluxonCurrentUa, shipped.NeuronFluxonCurrentUa, 0.01);
        var jtl = Assert.Single(shipped.Tables!.Cells, c => c.Cell == "JTL" && c.TemperatureK == 4.2 && c.BiasScale == 1.0);
        Assert.Equal(shipped.JtlDelayPs, jtl.DelayPs);
        Assert.Equal(fresh.Tables!.Cells.Single(c => c.Cell == "JTL").DelayPs, jtl.DelayPs, 0.01 * jtl.DelayPs);
    }

    [Fact]
    public void ProbitFitRecoversAKnownNormalCurve()
    {
        var sweep = new[] { 62.0, 66, 70, 74, 78 }.Select(bias =>
        {
            int passed = (int)Math.Round(1e7 * 0.5 * (1 + Erf((bias - 70.5) / (2.8 * Math.Sqrt(2)))));
            return new GateSweepPoint(bias, 10_000_000, passed, 0, 10_000_000 - passed, 0, double.NaN, double.NaN);
        }).ToArray();

        var (half, spread) = SfqCalibrator.FitNormalCurve(sweep);

        Assert.Equal(70.5, half, 1e-3);
        Assert.Equal(2.8, spread, 1e-3);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.85)]
    public void CalibratedGatePassesAsManyPulsesAsTheCircuitGate(double weight)
    {
        const int pulses = 300;
        double bias = SfqBiasMapping.GateBiasUa(Calibrated, weight, Calibrated.CriticalCurrentUa);
        var circuit = CircuitMeasurements.Gate(new SfqCellLibrary(), bias, pulses, new CircuitOptions { Seed = 99, Substream = (uint)(weight * 100) });

        var network = new Network(seed: 11, dt: SfqConstants.Ps(1));
        double[] train = [.. Enumerable.Range(0, pulses).Select(k => SfqConstants.Ps(20 + CircuitMeasurements.PulseSpacingPs * k))];
        var source = network.AddSpikeSource("in", [train]);
        var target = network.AddPopulation("n", 1, new SfqNeuron { ThresholdFluxons = 5 });
        network.Connect(source, target, Connectivity.OneToOne(), Synapse.Excitatory(weight, SfqConstants.Ps(5)));
        using var simulation = new SfqBackend(Calibrated).CompileSfq(network);
        simulation.Run(SfqConstants.Ps(20 + CircuitMeasurements.PulseSpacingPs * pulses));
        double behavioural = (double)simulation.FluxonsDelivered / pulses;

        double p = quick.Calibration.PassProbability(bias);
        double binomial = Math.Sqrt(2 * p * (1 - p) / pulses);
        double fit = 0.3 / quick.Calibration.GateSpreadUa * Math.Exp(-0.5 * Math.Pow(NormalQuantile(p), 2)) / Math.Sqrt(2 * Math.PI);
        Assert.InRange(behavioural - circuit.PassFraction, -4 * Math.Sqrt(binomial * binomial + fit * fit), 4 * Math.Sqrt(binomial * binomial + fit * fit));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void GrayZoneGateDelayOfTheModelMatchesTheCircuitGate(double standardScore)
    {
        var calibration = quick.Calibration;
        double bias = calibration.GateHalfPassBiasUa + standardScore * calibration.GateSpreadUa;
        var circuit = CircuitMeasurements.Gate(new SfqCellLibrary(), bias, 400, new CircuitOptions { Seed = 77, Substream = (uint)(10 * standardScore) });
        double circuitGatePs = circuit.MedianDelayPs - calibration.JtlDelayPs;

        var network = new Network(seed: 13, dt: SfqConstants.Ps(1));
        var source = network.AddSpikeSource("in", [[SfqConstants.Ps(20)]]);
        var target = network.AddPopulation("n", 1, new SfqNeuron { ThresholdFluxons = 5 });
        var gate = network.Connect(source, target, Connectivity.OneToOne(), Synapse.Excitatory(0.5 * (1 + Erf(standardScore / Math.Sqrt(2))), SfqConstants.Ps(5)));
        using var simulation = new SfqBackend(Calibrated).CompileSfq(network);
        Assert.Equal(bias, simulation.GateBiasesUa(gate)[0], 1e-6);
        double modelGatePs = simulation.GateDelaysPs(gate)[0];

        // Standard errors of the two medians (1.25 σ/√n): the circuit run's, and that of the table
        // rows around z (the calibration's own sweep).
        var rows = calibration.Tables!.GateDelays.OrderBy(d => d.StandardScore).ToArray();
        int above = Array.FindIndex(rows, d => d.StandardScore >= standardScore);
        double tableError = new[] { rows[above - 1], rows[above] }.Max(d => 1.25 * d.JitterPs / Math.Sqrt(d.Pulses));
        double circuitError = 1.25 * circuit.DelayJitterPs / Math.Sqrt(circuit.Passed);
        double tolerance = 4 * Math.Sqrt(tableError * tableError + circuitError * circuitError);
        Assert.True(Math.Abs(circuitGatePs - calibration.GateDelayPs) > tolerance, $"the circuit gate at z = {standardScore} ({circuitGatePs:F2} ps) is not slower than at full bias ({calibration.GateDelayPs:F2} ps) beyond {tolerance:F2} ps");
        Assert.InRange(modelGatePs - circuitGatePs, -tolerance, tolerance);
    }

    [Fact]
    public void CalibratedGateLosesAPulseAfterEachDoubleSwitchAsTheCircuitDoes()
    {
        var point = quick.Calibration.GateSweep.MaxBy(p => p.DoubleSwitches)!;
        Assert.True(point.DoubleSwitches > 0, "the sweep saw no double switch");
        Assert.InRange(point.Lost, point.DoubleSwitches - 2, point.DoubleSwitches + 2);
        Assert.InRange(quick.Calibration.GateDoubleSwitchRate, 0.005, 0.2);
    }

    [Fact]
    public void JtlLineDelayIsTheSumOfTheCalibratedStageDelays()
    {
        var library = new SfqCellLibrary();
        var circuit = new JosephsonCircuit();
        int node = library.Jtl(circuit, "j0", library.Source(circuit, "in", out int input));
        for (int k = 1; k <= 8; k++)
        {
            node = library.Jtl(circuit, $"j{k}", node);
        }
        var simulator = new CircuitSimulator(circuit, new CircuitOptions { Seed = 21 });
        simulator.Settle();
        for (int k = 0; k < 20; k++)
        {
            simulator.InjectPulse(input, 20 + 40 * k);
        }
        simulator.RunUntil(20 + 40 * 20);
        // j8 loads j7: the last stage of an open line is faster (about 2.1 ps instead of 2.5 ps).
        int first = circuit.JunctionIndex("j1.J2"), last = circuit.JunctionIndex("j7.J2");
        double[] starts = [.. simulator.Slips.Where(s => s.Junction == first).Select(s => s.TimePs)];
        double[] ends = [.. simulator.Slips.Where(s => s.Junction == last).Select(s => s.TimePs)];
        Assert.Equal(20, starts.Length);
        Assert.Equal(20, ends.Length);
        double measured = ends.Zip(starts, (e, s) => e - s).Average();

        Assert.Equal(6 * quick.Calibration.JtlDelayPs, measured, 0.01 * 6 * quick.Calibration.JtlDelayPs);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(70)]
    [InlineData(90)]
    [InlineData(110)]
    public void CalibratedNeuronMapPredictsTheCircuitNeuronsFiringPulse(double biasUa)
    {
        var library = new SfqCellLibrary();
        var circuit = new JosephsonCircuit();
        int line = library.Jtl(circuit, "j", library.Source(circuit, "in", out int input));
        library.Jtl(circuit, "out", library.Neuron(circuit, "N", line, SfqTechnology.Default.LoopInductancePh, biasUa));
        var simulator = new CircuitSimulator(circuit, new CircuitOptions { TemperatureK = 0 });
        simulator.Settle();
        for (int k = 0; k < 8; k++)
        {
            simulator.InjectPulse(input, 20 + 40 * k);
        }
        simulator.RunUntil(20 + 40 * 8);
        var output = simulator.Slips.First(s => s.Junction == circuit.JunctionIndex("out.J2"));
        int circuitPulse = (int)((output.TimePs - 20) / 40) + 1;

        double threshold = SfqBiasMapping.ThresholdFluxons(Calibrated, biasUa, Calibrated.CriticalCurrentUa);
        int behaviouralPulse = FirstFiringPulse(threshold);

        Assert.Equal(circuitPulse, behaviouralPulse);
    }

    private int FirstFiringPulse(double thresholdFluxons)
    {
        var network = new Network(seed: 3, dt: SfqConstants.Ps(1));
        double[] train = [.. Enumerable.Range(0, 8).Select(k => SfqConstants.Ps(20 + 40 * k))];
        var source = network.AddSpikeSource("in", [train]);
        var neuron = network.AddPopulation("n", 1, new SfqNeuron { ThresholdFluxons = thresholdFluxons });
        network.Connect(source, neuron, Connectivity.OneToOne(), Synapse.Excitatory(1, SfqConstants.Ps(5)));
        var spikes = network.RecordSpikes(neuron);
        using var simulation = new SfqBackend(Calibrated, new SfqBackendOptions { ThermalJitter = false }).CompileSfq(network);
        simulation.Run(SfqConstants.Ps(400));
        double first = simulation.GetExactSpikes(spikes).TimesMs[0] * SfqConstants.PsPerMs;
        return (int)((first - 20) / 40) + 1;
    }

    private static double NormalQuantile(double p)
    {
        double low = -10, high = 10;
        for (int k = 0; k < 100; k++)
        {
            double middle = 0.5 * (low + high);
            if (0.5 * (1 + Erf(middle / Math.Sqrt(2))) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return 0.5 * (low + high);
    }

    /// <summary>erf by its Maclaurin series (|x| ≤ 3 here), independent of the library's normal CDF.</summary>
    private static double Erf(double x)
    {
        double sum = 0, term = x;
        for (int n = 0; n < 200; n++)
        {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
