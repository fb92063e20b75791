using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;

namespace Snn.Backends.Tests.Sfq.Circuit;

/// <summary>The resistor element and the leaky loop neuron of the circuit cell library.</summary>
public class SfqLeakyNeuronCellTests
{
    private static readonly CircuitOptions Quiet = new() { TemperatureK = 0 };

    private const double LoopInductancePh = 100;

    private const double OutputBiasUa = 30;

    [Theory]
    [InlineData(20)]
    [InlineData(50)]
    [InlineData(120)]
    public void StoredCurrentDecaysWithTheLoopInductanceOverTheResistance(double tauPs)
    {
        var library = new SfqCellLibrary();
        double resistance = library.LeakResistanceOhm(tauPs, LoopInductancePh, OutputBiasUa);
        var (simulator, circuit, input) = Build(library, resistance);
        int middle = circuit.Nodes.ToList().IndexOf("N.R"), output = circuit.Nodes.ToList().IndexOf("N.Out");
        simulator.InjectPulse(input, 10);
        simulator.RunUntil(60);
        Assert.Equal(1, simulator.NetSlips(circuit.JunctionIndex("N.In")));
        double entered = simulator.Slips.Single(s => s.Junction == circuit.JunctionIndex("N.In")).TimePs;

        // Least-squares slope of ln i(t) over 1.5 τ to 5 τ after the fluxon entered.
        var times = new List<double>();
        var logs = new List<double>();
        for (double t = entered + 1.5 * tauPs; t <= entered + 5 * tauPs; t += 1)
        {
            simulator.RunUntil(t);
            double current = CircuitSimulator.ReducedFluxQuantumUaPh / LoopInductancePh * (simulator.NodePhase(middle) - simulator.NodePhase(output));
            Assert.True(current > 0, $"loop current {current} uA at {t} ps");
            times.Add(simulator.TimePs);
            logs.Add(Math.Log(current));
        }
        double meanT = times.Average(), meanLog = logs.Average();
        double slope = times.Zip(logs, (t, l) => (t - meanT) * (l - meanLog)).Sum() / times.Sum(t => (t - meanT) * (t - meanT));

        // τ = L_loop / R, L_loop = L + both junctions' Josephson inductances; the input junction's
        // coupling to the line before it (neglected by L_loop) shortens τ by under 2 %.
        Assert.Equal(tauPs, -1 / slope, tauPs * 0.03);
        Assert.Equal(0, simulator.NetSlips(circuit.JunctionIndex("N.Out")));
    }

    [Fact]
    public void AtRestNoCurrentCrossesTheResistorSoTheOutputJunctionCarriesItsWholeBias()
    {
        var library = new SfqCellLibrary();
        var (simulator, circuit, _) = Build(library, 1);
        simulator.RunUntil(200);

        double phase = simulator.JunctionPhase(circuit.JunctionIndex("N.Out"));
        Assert.Equal(OutputBiasUa, SfqTechnology.Default.CriticalCurrentUa * Math.Sin(phase), 1e-6);
    }

    [Fact]
    public void ResistorNoiseKeepsALeakyLoopAtEquipartition()
    {
        // A junction to ground, closed by a resistor and an inductor in series. The resistor stores
        // no energy, so in equilibrium the junction phase and the inductor phase are independent:
        // ⟨φ_J²⟩ = k_B T / E_J and ⟨φ_L²⟩ = k_B T / E_L, E_L = (Φ0/2π)² / L (the inductor's only
        // heat bath is the resistor's noise).
        var technology = SfqTechnology.Default;
        const double inductance = 20;
        var circuit = new JosephsonCircuit();
        int a = circuit.AddNode("a");
        int b = circuit.AddNode("b");
        circuit.AddJunction("J", a, JosephsonCircuit.Ground, technology.CriticalCurrentUa, technology.ShuntResistanceOhm, technology.JunctionCapacitancePf);
        circuit.AddResistor(a, b, 2);
        circuit.AddInductor(b, JosephsonCircuit.Ground, inductance);
        var simulator = new CircuitSimulator(circuit, new CircuitOptions { TemperatureK = 4.2, Seed = 3 });
        simulator.RunUntil(200);
        double junctionSum = 0, inductorSum = 0;
        int samples = 0;
        for (double t = 202; t < 60_200; t += 2)
        {
            simulator.RunUntil(t);
            junctionSum += simulator.NodePhase(a) * simulator.NodePhase(a);
            inductorSum += simulator.NodePhase(b) * simulator.NodePhase(b);
            samples++;
        }
        double kT = SfqConstants.BoltzmannJPerK * 4.2;
        double reducedFlux = SfqConstants.FluxQuantumWb / (2 * Math.PI);
        double junctionEnergy = technology.CriticalCurrentUa * 1e-6 * reducedFlux;
        double inductorEnergy = CircuitSimulator.ReducedFluxQuantumUaPh / inductance * 1e-6 * reducedFlux;
        Assert.Equal(kT / junctionEnergy, junctionSum / samples, kT / junctionEnergy * 0.08);
        Assert.Equal(kT / inductorEnergy, inductorSum / samples, kT / inductorEnergy * 0.08);
    }

    [Fact]
    public void ResistorRefusesANonPositiveResistance()
    {
        var circuit = new JosephsonCircuit();
        int a = circuit.AddNode("a");
        var error = Assert.ThrowsAny<ArgumentException>(() => circuit.AddResistor(a, JosephsonCircuit.Ground, 0));
        Assert.Contains("resistanceOhm", error.Message);
    }

    [Fact]
    public void ANodeWithNeitherJunctionNorResistorIsRefused()
    {
        var circuit = new JosephsonCircuit();
        int a = circuit.AddNode("a");
        int b = circuit.AddNode("b");
        circuit.AddJunction("J", a, JosephsonCircuit.Ground, 100, 7, 0.07);
        circuit.AddInductor(a, b, 10);
        var error = Assert.Throws<ArgumentException>(() => new CircuitSimulator(circuit));
        Assert.Contains("'b'", error.Message);
    }

    private static (CircuitSimulator Simulator, JosephsonCircuit Circuit, int Input) Build(SfqCellLibrary library, double resistance)
    {
        var circuit = new JosephsonCircuit();
        int line = library.Source(circuit, "in", out int input);
        line = library.Jtl(circuit, "j", line);
        library.LeakyNeuron(circuit, "N", line, LoopInductancePh, resistance, OutputBiasUa);
        var simulator = new CircuitSimulator(circuit, Quiet);
        simulator.Settle();
        return (simulator, circuit, input);
    }
}
