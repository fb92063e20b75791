using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;

namespace Snn.Backends.Tests.Sfq.Circuit;

/// <summary>The inhibitable leaky loop neuron (<see cref="SfqCellLibrary.InhibitableLeakyNeuron"/>):
/// a clear pulse takes one stored fluxon out of the loop without an output pulse, and is lost on an
/// empty loop. Noise-free circuits at the XOR study's technology (I_c 100 µA, L 40 pH), τ = 300 ps.</summary>
public class SfqInhibitableNeuronCellTests
{
    private static readonly SfqTechnology Technology = SfqTechnology.Default with { LoopInductancePh = 40 };

    private const double LeakPs = 300;

    private const double OutputBiasUa = 35;

    [Fact]
    public void ClearOnAnEmptyLoopSwitchesTheEscapeJunctionAndLeavesTheLoopEmpty()
    {
        var cell = Build();
        cell.Simulator.InjectPulse(cell.Inhibition, 20);
        cell.Simulator.RunUntil(150);

        Assert.Equal(1, cell.NetSlips("N.E"));
        Assert.Equal(0, cell.NetSlips("N.S"));
        Assert.Equal(0, cell.NetSlips("N.Out"));
        Assert.Equal(0, cell.NetSlips("out.J2"));
        Assert.InRange(cell.LoopCurrentUa(), -2, 2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ClearAfterStoredFluxonsRemovesOneWithoutAnOutputPulse(int fluxons)
    {
        var cell = Build();
        for (int k = 0; k < fluxons; k++)
        {
            cell.Simulator.InjectPulse(cell.Excitation, 20 + 50 * k);
        }
        double clearPs = 20 + 50 * fluxons;
        cell.Simulator.InjectPulse(cell.Inhibition, clearPs);
        cell.Simulator.RunUntil(clearPs);
        double before = cell.LoopCurrentUa();
        cell.Simulator.RunUntil(clearPs + 30);
        double after = cell.LoopCurrentUa();

        Assert.Equal(fluxons, cell.NetSlips("N.In"));
        Assert.Equal(1, cell.NetSlips("N.S"));
        Assert.Equal(0, cell.NetSlips("N.E"));
        Assert.Equal(0, cell.NetSlips("N.Out"));
        Assert.Equal(0, cell.NetSlips("out.J2"));
        // One fluxon is Φ0 / L_loop of loop current, L_loop = L + the Josephson inductances of the
        // input, sink and output junctions (≈ 52 pH, 40 µA); over the 30 ps the rest decays by e^(−30/300).
        double sink = CircuitSimulator.ReducedFluxQuantumUaPh / (SfqCellLibrary.SinkSize * Technology.CriticalCurrentUa);
        double fluxonUa = SfqConstants.FluxQuantumUaPh / (new SfqCellLibrary(Technology).LeakyLoopInductancePh(Technology.LoopInductancePh, OutputBiasUa) + sink);
        Assert.Equal(fluxonUa, before * Math.Exp(-30 / LeakPs) - after, 0.15 * fluxonUa);
    }

    [Fact]
    public void RefusesANonPositiveLeakResistance()
    {
        var library = new SfqCellLibrary(Technology);
        var circuit = new JosephsonCircuit();
        int a = library.Source(circuit, "a", out _), b = library.Source(circuit, "b", out _);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => library.InhibitableLeakyNeuron(circuit, "N", a, b, 40, 0, OutputBiasUa));
        Assert.Equal("leakResistanceOhm", error.ParamName);
    }

    private static InhibitableCell Build() => InhibitableCell.Build(Technology, LeakPs, OutputBiasUa,
        (library, circuit, excitation, clear, loop, resistance) => library.InhibitableLeakyNeuron(circuit, "N", excitation, clear, loop, resistance, OutputBiasUa));
}
