using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;

namespace Snn.Backends.Tests.Sfq.Circuit;

/// <summary>
/// A loop neuron "N" with an inhibitory input, for the inhibitable-cell tests: an SFQ source and a JTL
/// stage on its excitatory and on its inhibitory input, a JTL stage ("out") after it, noise-free and
/// settled; with probes of its junctions and of its storage-inductor current.
/// </summary>
internal sealed record InhibitableCell(CircuitSimulator Simulator, JosephsonCircuit Circuit, int Excitation, int Inhibition)
{
    /// <summary>Adds the neuron named "N" from the excitatory and inhibitory lines' last nodes, with
    /// the storage inductance (pH) and leak resistance (Ω) given; returns its output node.</summary>
    public delegate int NeuronBuilder(SfqCellLibrary library, JosephsonCircuit circuit, int excitation, int inhibition, double loopInductancePh, double leakResistanceOhm);

    /// <summary>Builds and settles the circuit at <paramref name="technology"/> with the leak time
    /// constant <paramref name="leakPs"/> (ps) at the output bias <paramref name="outputBiasUa"/> (µA).</summary>
    public static InhibitableCell Build(SfqTechnology technology, double leakPs, double outputBiasUa, NeuronBuilder neuron)
    {
        var library = new SfqCellLibrary(technology);
        var circuit = new JosephsonCircuit();
        int excitation = library.Jtl(circuit, "e", library.Source(circuit, "inE", out int excitationInput));
        int inhibition = library.Jtl(circuit, "k", library.Source(circuit, "inK", out int inhibitionInput));
        double loop = technology.LoopInductancePh;
        double resistance = library.LeakResistanceOhm(leakPs, loop, outputBiasUa);
        library.Jtl(circuit, "out", neuron(library, circuit, excitation, inhibition, loop, resistance));
        var simulator = new CircuitSimulator(circuit, new CircuitOptions { TemperatureK = 0 });
        simulator.Settle();
        return new InhibitableCell(simulator, circuit, excitationInput, inhibitionInput);
    }

    /// <summary>Net phase slips of the named junction so far.</summary>
    public int NetSlips(string junction) => Simulator.NetSlips(Circuit.JunctionIndex(junction));

    /// <summary>Current in the storage inductor, the one that starts at node N.R (µA).</summary>
    public double LoopCurrentUa()
    {
        int start = Circuit.Nodes.ToList().IndexOf("N.R");
        return Simulator.InductorCurrentUa(Circuit.Inductors.ToList().FindIndex(l => l.Plus == start));
    }
}
