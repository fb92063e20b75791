using Snn.Backends.Sfq.Circuit;

namespace Snn.Backends.Tests.Sfq.Circuit;

/// <summary>The RSFQ cells of the circuit solver, without noise.</summary>
public class SfqCellLibraryTests
{
    private static readonly CircuitOptions Quiet = new() { TemperatureK = 0 };

    [Fact]
    public void SplitterCopiesEveryPulseToBothOutputs()
    {
        var library = new SfqCellLibrary();
        var circuit = new JosephsonCircuit();
        int source = library.Source(circuit, "in", out int input);
        var (a, b) = library.Splitter(circuit, "S", source);
        library.Jtl(circuit, "oa", a);
        library.Jtl(circuit, "ob", b);
        var simulator = new CircuitSimulator(circuit, Quiet);
        simulator.Settle();
        simulator.InjectPulse(input, 10);
        simulator.InjectPulse(input, 60);
        simulator.RunUntil(120);

        Assert.Equal(2, simulator.NetSlips(circuit.JunctionIndex("oa.J2")));
        Assert.Equal(2, simulator.NetSlips(circuit.JunctionIndex("ob.J2")));
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(66, false)]
    [InlineData(72, true)]
    [InlineData(90, true)]
    public void NoiselessGatePassesAboveItsThresholdAndDropsBelow(double gateBiasUa, bool passes)
    {
        var library = new SfqCellLibrary();
        var circuit = new JosephsonCircuit();
        int source = library.Source(circuit, "in", out int input);
        int upstream = library.Jtl(circuit, "up", source);
        int gate = library.Gate(circuit, "g", upstream, gateBiasUa);
        library.Jtl(circuit, "out", gate);
        var simulator = new CircuitSimulator(circuit, Quiet);
        simulator.Settle();
        simulator.InjectPulse(input, 10);
        simulator.RunUntil(80);

        int decision = simulator.NetSlips(circuit.JunctionIndex("g.D")), escape = simulator.NetSlips(circuit.JunctionIndex("g.E"));
        Assert.Equal(passes ? 1 : 0, decision);
        Assert.Equal(passes ? 0 : 1, escape);
        Assert.Equal(passes ? 1 : 0, simulator.NetSlips(circuit.JunctionIndex("out.J2")));
    }
}
