using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;

namespace Snn.Backends.Tests.Sfq.Circuit;

/// <summary>Mutual inductance in the circuit solver against transformer physics.</summary>
public class CircuitMutualInductanceTests
{
    private const double PrimaryPh = 10, SecondaryPh = 20, StepUa = 100, LoopIcUa = 20_000;

    /// <summary>A primary (inductor L1 ∥ resistor to ground, fed a current step at 10 ps) and a closed
    /// superconducting secondary (inductor L2 in a loop with a large junction), coupled with k.</summary>
    private static (CircuitSimulator Simulator, int Primary, int Secondary) Transformer(double coupling, double primaryResistanceOhm)
    {
        var circuit = new JosephsonCircuit();
        int p = circuit.AddNode("p"), s = circuit.AddNode("s");
        int primary = circuit.AddInductor(p, JosephsonCircuit.Ground, PrimaryPh);
        circuit.AddResistor(p, JosephsonCircuit.Ground, primaryResistanceOhm);
        int secondary = circuit.AddInductor(s, JosephsonCircuit.Ground, SecondaryPh);
        circuit.AddJunction("loop", s, JosephsonCircuit.Ground, LoopIcUa, 1, 0.01);
        circuit.AddMutualInductance(primary, secondary, coupling);
        circuit.AddBias(new CircuitBias(p, StepUa, 0, 10, 10.02));
        var simulator = new CircuitSimulator(circuit, new CircuitOptions { TimeStepPs = 0.02, TemperatureK = 0 });
        simulator.Settle();
        return (simulator, primary, secondary);
    }

    private static double JosephsonInductancePh => CircuitSimulator.ReducedFluxQuantumUaPh / LoopIcUa;

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.5)]
    [InlineData(0.9)]
    public void PrimaryCurrentStepInducesTheMutualFluxInAClosedSecondary(double coupling)
    {
        var (simulator, primary, secondary) = Transformer(coupling, 2);
        simulator.RunUntil(200);
        double mutualPh = coupling * Math.Sqrt(PrimaryPh * SecondaryPh);
        double i1 = simulator.InductorCurrentUa(primary), i2 = simulator.InductorCurrentUa(secondary);

        // Fluxoid of the loop: L2 I2 + M I1 = (Φ0/2π) φ_J, with I2 = −I_c sin φ_J (the loop's junction).
        double phase = 0;
        for (int k = 0; k < 50; k++)
        {
            double f = CircuitSimulator.ReducedFluxQuantumUaPh * phase + SecondaryPh * LoopIcUa * Math.Sin(phase) - mutualPh * StepUa;
            phase -= f / (CircuitSimulator.ReducedFluxQuantumUaPh + SecondaryPh * LoopIcUa * Math.Cos(phase));
        }
        Assert.Equal(StepUa, i1, 1e-6 * StepUa);
        Assert.Equal(-LoopIcUa * Math.Sin(phase), i2, 1e-4 * Math.Abs(i2));
        Assert.Equal(-mutualPh * StepUa, SecondaryPh * i2, 2e-3 * Math.Abs(mutualPh) * StepUa);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.8)]
    [InlineData(-0.95)]
    public void ShortedSecondaryLeavesTheLeakageInductanceInThePrimaryTimeConstant(double coupling)
    {
        const double resistanceOhm = 0.1;
        var (simulator, primary, _) = Transformer(coupling, resistanceOhm);
        double leakagePh = PrimaryPh - coupling * coupling * PrimaryPh * SecondaryPh / (SecondaryPh + JosephsonInductancePh);
        double tauPs = leakagePh * 1e-12 / resistanceOhm * 1e12;
        foreach (double multiple in new[] { 0.5, 1.0, 2.0 })
        {
            simulator.RunUntil(10 + multiple * tauPs);
            double expected = StepUa * (1 - Math.Exp(-multiple));
            Assert.Equal(expected, simulator.InductorCurrentUa(primary), 5e-3 * StepUa);
        }
    }

    [Fact]
    public void ZeroCouplingReproducesTheUncoupledCircuitBitForBit()
    {
        (double[] Phases, PhaseSlip[] Slips) Run(bool coupled)
        {
            var library = new SfqCellLibrary();
            var circuit = new JosephsonCircuit();
            int node = library.Source(circuit, "in", out int input);
            for (int stage = 0; stage < 4; stage++)
            {
                node = library.Jtl(circuit, $"j{stage}", node);
            }
            if (coupled)
            {
                circuit.AddMutualInductance(0, circuit.Inductors.Count - 1, 0.0);
                circuit.AddMutualInductance(1, 2, 0.0);
            }
            var simulator = new CircuitSimulator(circuit, new CircuitOptions { TimeStepPs = 0.1, TemperatureK = 4.2, Seed = 11 });
            simulator.Settle();
            simulator.InjectPulse(input, 10);
            simulator.InjectPulse(input, 40);
            simulator.RunUntil(100);
            return ([.. Enumerable.Range(0, circuit.Nodes.Count).Select(simulator.NodePhase)], [.. simulator.Slips]);
        }

        var plain = Run(false);
        var coupled = Run(true);
        Assert.Equal(plain.Phases, coupled.Phases);
        Assert.Equal(plain.Slips, coupled.Slips);
        Assert.True(plain.Slips.Length >= 8, $"{plain.Slips.Length} slips");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void CouplingOfMagnitudeOneOrMoreIsRefused(double coupling)
    {
        var circuit = TwoInductors(out int a, out int b);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => circuit.AddMutualInductance(a, b, coupling));
        Assert.Equal("coupling", error.ParamName);
        Assert.Empty(circuit.MutualInductances);
    }

    [Fact]
    public void SelfCouplingDuplicateAndMissingInductorAreRefused()
    {
        var circuit = TwoInductors(out int a, out int b);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => circuit.AddMutualInductance(a, a, 0.5)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentOutOfRangeException>(() => circuit.AddMutualInductance(5, b, 0.5)).ParamName);
        circuit.AddMutualInductance(a, b, 0.5);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => circuit.AddMutualInductance(b, a, 0.2)).ParamName);
    }

    [Fact]
    public void CouplingsThatMakeTheInductanceMatrixIndefiniteAreRefused()
    {
        var circuit = new JosephsonCircuit();
        int[] nodes = [.. Enumerable.Range(0, 3).Select(i => circuit.AddNode($"n{i}"))];
        int[] inductors = [.. nodes.Select(n => circuit.AddInductor(n, JosephsonCircuit.Ground, 10))];
        circuit.AddMutualInductance(inductors[0], inductors[1], 0.6);
        circuit.AddMutualInductance(inductors[0], inductors[2], 0.6);
        // det [[1, .6, .6], [.6, 1, k], [.6, k, 1]] = 1 − k² − 0.72 + 0.72 k: −0.878 at k = −0.9, +0.118 at k = 0.9.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => circuit.AddMutualInductance(inductors[1], inductors[2], -0.9));
        Assert.Equal("coupling", error.ParamName);
        Assert.Equal(2, circuit.MutualInductances.Count);
        circuit.AddMutualInductance(inductors[1], inductors[2], 0.9);
    }

    private static JosephsonCircuit TwoInductors(out int a, out int b)
    {
        var circuit = new JosephsonCircuit();
        int x = circuit.AddNode("x"), y = circuit.AddNode("y");
        a = circuit.AddInductor(x, JosephsonCircuit.Ground, 10);
        b = circuit.AddInductor(y, JosephsonCircuit.Ground, 10);
        return circuit;
    }
}
