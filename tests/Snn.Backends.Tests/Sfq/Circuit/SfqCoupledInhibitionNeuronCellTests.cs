using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;

namespace Snn.Backends.Tests.Sfq.Circuit;

/// <summary>The leaky loop neuron with a magnetically coupled inhibitory input
/// (<see cref="SfqCellLibrary.CoupledInhibitionLeakyNeuron"/>): an inhibitory pulse takes one stored
/// fluxon out of the loop without an output pulse and leaves an empty loop empty. Noise-free
/// circuits at I_c 100 µA, L 60 pH, output bias 45 µA (threshold between 3 and 4 fluxons), τ = 300 ps.</summary>
public class SfqCoupledInhibitionNeuronCellTests
{
    private static readonly SfqTechnology Technology = SfqTechnology.Default with { LoopInductancePh = 60 };

    private const double LeakPs = 300;

    private const double OutputBiasUa = 45;

    private const double SettlePs = 100;

    [Fact]
    public void InhibitionOnAnEmptyLoopLeavesItEmptyWithoutAnyPulse()
    {
        var cell = Cell.Build();
        cell.Simulator.InjectPulse(cell.Inhibition, 20);
        cell.Simulator.RunUntil(20 + SettlePs);

        Assert.Equal(0, cell.NetSlips("N.S"));
        Assert.Equal(0, cell.NetSlips("N.Out"));
        Assert.Equal(0, cell.NetSlips("out.J2"));
        Assert.Equal(1, cell.NetSlips("k.J2"));
        Assert.InRange(cell.LoopCurrentUa(), -2, 2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void InhibitionAfterStoredFluxonsRemovesOneWithoutAnOutputPulse(int fluxons)
    {
        var cell = Cell.Build();
        for (int k = 0; k < fluxons; k++)
        {
            cell.Simulator.InjectPulse(cell.Excitation, 20 + 50 * k);
        }
        double inhibitPs = 20 + 50 * fluxons;
        cell.Simulator.InjectPulse(cell.Inhibition, inhibitPs);
        cell.Simulator.RunUntil(inhibitPs);
        double before = cell.LoopCurrentUa();
        cell.Simulator.RunUntil(inhibitPs + SettlePs);
        double after = cell.LoopCurrentUa();

        Assert.Equal(fluxons, cell.NetSlips("N.In"));
        Assert.Equal(1, cell.NetSlips("N.S"));
        Assert.Equal(0, cell.NetSlips("N.Out"));
        Assert.Equal(0, cell.NetSlips("out.J2"));
        // One fluxon is Φ0 / L_loop of loop current, L_loop = L + the Josephson inductances of the input,
        // sink and output junctions (≈ 72 pH, 29 µA); stored and removed flux both decay with τ = 300 ps.
        Assert.Equal(Cell.FluxonUa * Math.Exp(-SettlePs / LeakPs), before * Math.Exp(-SettlePs / LeakPs) - after, 0.1 * Cell.FluxonUa);
    }

    [Fact]
    public void ExcitationStillFiresAtTheFourthFluxonWithoutASinkSlip()
    {
        var cell = Cell.Build();
        for (int k = 0; k < 4; k++)
        {
            cell.Simulator.InjectPulse(cell.Excitation, 20 + 30 * k);
        }
        cell.Simulator.RunUntil(200);

        Assert.Equal(4, cell.NetSlips("N.In"));
        Assert.Equal(0, cell.NetSlips("N.S"));
        Assert.Equal(1, cell.NetSlips("N.Out"));
        Assert.Equal(1, cell.NetSlips("out.J2"));
    }

    [Fact]
    public void TwoInhibitionsRemoveTwoOfThreeStoredFluxons()
    {
        var cell = Cell.Build();
        for (int k = 0; k < 3; k++)
        {
            cell.Simulator.InjectPulse(cell.Excitation, 20 + 30 * k);
        }
        cell.Simulator.InjectPulse(cell.Inhibition, 150);
        cell.Simulator.InjectPulse(cell.Inhibition, 250);
        cell.Simulator.RunUntil(350);

        Assert.Equal(2, cell.NetSlips("N.S"));
        Assert.Equal(0, cell.NetSlips("N.Out"));
        Assert.Equal(2, cell.NetSlips("k.J2"));
    }

    private sealed record Cell(CircuitSimulator Simulator, JosephsonCircuit Circuit, int Excitation, int Inhibition)
    {
        private static readonly SfqCellLibrary Library = new(Technology);

        public static double FluxonUa => SfqConstants.FluxQuantumUaPh
            / (Library.LeakyLoopInductancePh(Technology.LoopInductancePh, OutputBiasUa)
               + CircuitSimulator.ReducedFluxQuantumUaPh / (SfqCellLibrary.CoupledSinkSize * Technology.CriticalCurrentUa));

        public static Cell Build()
        {
            var circuit = new JosephsonCircuit();
            int excitation = Library.Jtl(circuit, "e", Library.Source(circuit, "inE", out int excitationInput));
            int inhibition = Library.Jtl(circuit, "k", Library.Source(circuit, "inK", out int inhibitionInput));
            double loop = Technology.LoopInductancePh;
            double resistance = Library.LeakResistanceOhm(LeakPs, loop, OutputBiasUa);
            Library.Jtl(circuit, "out", Library.CoupledInhibitionLeakyNeuron(circuit, "N", excitation, inhibition, loop, resistance, OutputBiasUa));
            var simulator = new CircuitSimulator(circuit, new CircuitOptions { TemperatureK = 0 });
            simulator.Settle();
            return new Cell(simulator, circuit, excitationInput, inhibitionInput);
        }

        public int NetSlips(string junction) => Simulator.NetSlips(Circuit.JunctionIndex(junction));

        /// <summary>Current in the storage inductor, from node N.R to node N.a (µA).</summary>
        public double LoopCurrentUa() => Simulator.InductorCurrentUa(Circuit.Inductors.ToList().FindIndex(l => l.Plus == Node("N.R")));

        private int Node(string name) => Circuit.Nodes.ToList().IndexOf(name);
    }
}
