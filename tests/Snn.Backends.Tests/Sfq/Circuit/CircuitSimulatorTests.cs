using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;

namespace Snn.Backends.Tests.Sfq.Circuit;

/// <summary>The RCSJ circuit solver against analytic junction physics.</summary>
public class CircuitSimulatorTests
{
    [Theory]
    [InlineData(1.2)]
    [InlineData(1.5)]
    [InlineData(3.0)]
    public void OverdampedJunctionFollowsTheStewartMcCumberCurve(double ratio)
    {
        double capacitance = 0.01 * SfqConstants.FluxQuantumWb / (2 * Math.PI * 100e-6 * 49) * 1e12;
        var circuit = new JosephsonCircuit();
        int node = circuit.AddNode("n");
        circuit.AddJunction("J", node, JosephsonCircuit.Ground, 100, 7, capacitance);
        circuit.AddBias(node, 100 * ratio);
        var simulator = new CircuitSimulator(circuit, new CircuitOptions { TimeStepPs = 0.02, TemperatureK = 0 });
        simulator.RunUntil(200);

        var slips = simulator.Slips;
        double voltage = SfqConstants.FluxQuantumMvPs * (slips.Count - 6) / (slips[^1].TimePs - slips[5].TimePs);
        double analytic = 0.7 * Math.Sqrt(ratio * ratio - 1);
        Assert.Equal(analytic, voltage, analytic * 1e-3);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.5, 0.1)]
    public void BiasedJunctionAtRestObeysEquipartition(double biasFraction, double timeStepPs)
    {
        var circuit = new JosephsonCircuit();
        int node = circuit.AddNode("n");
        circuit.AddJunction("J", node, JosephsonCircuit.Ground, 100, 7, 0.07);
        circuit.AddBias(node, 100 * biasFraction);
        var simulator = new CircuitSimulator(circuit, new CircuitOptions { TimeStepPs = timeStepPs, TemperatureK = 4.2, Seed = 3 });
        simulator.Settle();
        simulator.RunUntil(20);
        double rest = Math.Asin(biasFraction), sum = 0, squares = 0;
        int samples = timeStepPs < 0.3 ? 40_000 : 100_000;
        for (int k = 1; k <= samples; k++)
        {
            simulator.RunUntil(20 + k * 1.0);
            double d = simulator.JunctionPhase(0) - rest;
            sum += d;
            squares += d * d;
        }
        double variance = squares / samples - sum * sum / ((double)samples * samples);
        double theory = 2 * Math.PI * SfqConstants.BoltzmannJPerK * 4.2 / (SfqConstants.FluxQuantumWb * 100e-6) / Math.Cos(rest);
        Assert.Equal(theory, variance, theory * 0.04);
    }

    [Fact]
    public void EachPulseCarriesOneFluxQuantum()
    {
        var library = new SfqCellLibrary();
        var circuit = new JosephsonCircuit();
        int source = library.Source(circuit, "in", out int input);
        library.Jtl(circuit, "j", source);
        var simulator = new CircuitSimulator(circuit, new CircuitOptions { TimeStepPs = 0.05, TemperatureK = 0 });
        simulator.Settle();
        simulator.InjectPulse(input, 10);
        int junction = circuit.JunctionIndex("j.J1");
        double area = 0, previous = simulator.JunctionVoltageMv(junction);
        while (simulator.TimePs < 80)
        {
            simulator.Step();
            double voltage = simulator.JunctionVoltageMv(junction);
            area += 0.5 * (previous + voltage) * simulator.TimeStepPs;
            previous = voltage;
        }
        Assert.Equal(SfqConstants.FluxQuantumMvPs, area, 0.01 * SfqConstants.FluxQuantumMvPs);
        Assert.Equal(1, simulator.NetSlips(junction));
    }

    [Fact]
    public void JtlStageDelayConvergesAsTheTimeStepShrinks()
    {
        double Delay(double timeStepPs)
        {
            var library = new SfqCellLibrary();
            var circuit = new JosephsonCircuit();
            int source = library.Source(circuit, "in", out int input);
            int first = library.Jtl(circuit, "a", source);
            int second = library.Jtl(circuit, "b", first);
            library.Jtl(circuit, "c", second);
            var simulator = new CircuitSimulator(circuit, new CircuitOptions { TimeStepPs = timeStepPs, TemperatureK = 0 });
            simulator.Settle();
            simulator.InjectPulse(input, 10);
            simulator.RunUntil(100);
            int a = circuit.JunctionIndex("a.J1"), b = circuit.JunctionIndex("b.J1");
            return simulator.Slips.First(s => s.Junction == b).TimePs - simulator.Slips.First(s => s.Junction == a).TimePs;
        }

        double reference = Delay(0.0125);
        double[] errors = [.. new[] { 0.4, 0.2, 0.1 }.Select(dt => Math.Abs(Delay(dt) - reference))];
        Assert.True(errors[0] > errors[1] && errors[1] > errors[2], string.Join(", ", errors));
        Assert.True(errors[2] < 0.005, $"error at 0.1 ps: {errors[2]} ps");
    }
}
