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
        var cell = Build();
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
        var cell = Build();
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
        Assert.Equal(FluxonUa * Math.Exp(-SettlePs / LeakPs), before * Math.Exp(-SettlePs / LeakPs) - after, 0.1 * FluxonUa);
    }

    [Fact]
    public void ExcitationStillFiresAtTheFourthFluxonWithoutASinkSlip()
    {
        var cell = Build();
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
        var cell = Build();
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

    private static double FluxonUa => SfqConstants.FluxQuantumUaPh
        / (new SfqCellLibrary(Technology).LeakyLoopInductancePh(Technology.LoopInductancePh, OutputBiasUa)
           + CircuitSimulator.ReducedFluxQuantumUaPh / (SfqCellLibrary.CoupledSinkSize * Technology.CriticalCurrentUa));

    private static InhibitableCell Build() => InhibitableCell.Build(Technology, LeakPs, OutputBiasUa,
        (library, circuit, excitation, inhibition, loop, resistance) => library.CoupledInhibitionLeakyNeuron(circuit, "N", excitation, inhibition, loop, resistance, OutputBiasUa));
}
