using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;

namespace Snn.Backends.Tests.Sfq.Circuit;

/// <summary>The merger and the loop neuron of the circuit cell library, without noise.</summary>
public class SfqMergerAndNeuronCellTests
{
    private static readonly CircuitOptions Quiet = new() { TemperatureK = 0 };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MergerPassesAPulseFromEitherInputWithoutSendingItUpTheOther(bool fromA)
    {
        var (simulator, circuit, inputA, inputB) = BuildMerger();
        simulator.InjectPulse(fromA ? inputA : inputB, 10);
        simulator.RunUntil(100);

        Assert.Equal(1, simulator.NetSlips(circuit.JunctionIndex("out.J2")));
        Assert.Equal(fromA ? 1 : 0, simulator.NetSlips(circuit.JunctionIndex("a.J2")));
        Assert.Equal(fromA ? 0 : 1, simulator.NetSlips(circuit.JunctionIndex("b.J2")));
        Assert.Equal(fromA ? 0 : -1, simulator.NetSlips(circuit.JunctionIndex("M.Ba")));
        Assert.Equal(fromA ? -1 : 0, simulator.NetSlips(circuit.JunctionIndex("M.Bb")));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 1)]
    [InlineData(25, 2)]
    [InlineData(50, 2)]
    public void MergerJoinsNearlyCoincidentPulsesAndKeepsSeparatedOnes(double gapPs, int outputs)
    {
        var (simulator, circuit, inputA, inputB) = BuildMerger();
        simulator.InjectPulse(inputA, 10);
        simulator.InjectPulse(inputB, 10 + gapPs);
        simulator.RunUntil(150);

        Assert.Equal(outputs, simulator.NetSlips(circuit.JunctionIndex("out.J2")));
        Assert.Equal(1, simulator.NetSlips(circuit.JunctionIndex("a.J2")));
        Assert.Equal(1, simulator.NetSlips(circuit.JunctionIndex("b.J2")));
        // Fluxoid quantisation around each input loop: line phase 2π = buffer phase + output phase.
        Assert.Equal(1 - outputs, simulator.NetSlips(circuit.JunctionIndex("M.Ba")));
        Assert.Equal(1 - outputs, simulator.NetSlips(circuit.JunctionIndex("M.Bb")));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(40)]
    public void EachStoredFluxonLowersTheOutputSwitchingBiasByAboutPhi0OverL(double loopInductancePh)
    {
        double josephsonInductance = CircuitSimulator.ReducedFluxQuantumUaPh / SfqTechnology.Default.CriticalCurrentUa;
        double previous = StaticSwitchingBiasUa(loopInductancePh, 0);
        for (int k = 1; k <= 2; k++)
        {
            double current = StaticSwitchingBiasUa(loopInductancePh, k);
            double step = previous - current;
            Assert.InRange(step, SfqConstants.FluxQuantumUaPh / (loopInductancePh + 2 * josephsonInductance), SfqConstants.FluxQuantumUaPh / loopInductancePh);
            previous = current;
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void PulsedNeuronFiresOnTheFluxonThatLeavesItNoStaticState(int fluxons)
    {
        double bias = 0.5 * (StaticSwitchingBiasUa(100, fluxons) + StaticSwitchingBiasUa(100, fluxons - 1));
        var library = new SfqCellLibrary();
        var circuit = new JosephsonCircuit();
        int source = library.Source(circuit, "in", out int input);
        int line = library.Jtl(circuit, "j", source);
        library.Jtl(circuit, "out", library.Neuron(circuit, "N", line, 100, bias));
        var simulator = new CircuitSimulator(circuit, Quiet);
        simulator.Settle();
        for (int k = 0; k < 7; k++)
        {
            simulator.InjectPulse(input, 10 + 50 * k);
        }
        simulator.RunUntil(400);

        int output = circuit.JunctionIndex("out.J2");
        int[] firedAfter = [.. simulator.Slips.Where(s => s.Junction == output).Select(s => (int)((s.TimePs - 10) / 50) + 1)];
        Assert.Equal(Enumerable.Range(fluxons, 8 - fluxons), firedAfter);
        Assert.Equal(7, simulator.NetSlips(circuit.JunctionIndex("N.In")));
    }

    /// <summary>The output bias at which a loop holding <paramref name="fluxons"/> loses its static
    /// state, found by ramping that bias slowly (0.1 µA/ps) without noise.</summary>
    private static double StaticSwitchingBiasUa(double loopInductancePh, int fluxons)
    {
        var library = new SfqCellLibrary();
        var circuit = new JosephsonCircuit();
        int source = library.Source(circuit, "in", out int input);
        int line = library.Jtl(circuit, "j", source);
        int neuron = library.Neuron(circuit, "N", line, loopInductancePh, 0);
        library.Jtl(circuit, "out", neuron);
        double start = 50 + 50 * fluxons, end = start + 1500;
        circuit.AddBias(new CircuitBias(neuron, 150, 0, start, end));
        var simulator = new CircuitSimulator(circuit, Quiet);
        simulator.Settle();
        for (int k = 0; k < fluxons; k++)
        {
            simulator.InjectPulse(input, 10 + 50 * k);
        }
        int junction = circuit.JunctionIndex("N.Out");
        while (simulator.NetSlips(junction) == 0 && simulator.TimePs < end)
        {
            simulator.Step();
        }
        Assert.Equal(fluxons, simulator.NetSlips(circuit.JunctionIndex("N.In")));
        return circuit.Biases[^1].CurrentAt(simulator.TimePs);
    }

    private static (CircuitSimulator Simulator, JosephsonCircuit Circuit, int InputA, int InputB) BuildMerger()
    {
        var library = new SfqCellLibrary();
        var circuit = new JosephsonCircuit();
        int a = library.Jtl(circuit, "a", library.Source(circuit, "inA", out int inputA));
        int b = library.Jtl(circuit, "b", library.Source(circuit, "inB", out int inputB));
        library.Jtl(circuit, "out", library.Merger(circuit, "M", a, b));
        var simulator = new CircuitSimulator(circuit, Quiet);
        simulator.Settle();
        return (simulator, circuit, inputA, inputB);
    }
}
