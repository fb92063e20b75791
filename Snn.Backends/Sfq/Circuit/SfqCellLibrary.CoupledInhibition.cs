using Snn.Core.Validation;

namespace Snn.Backends.Sfq.Circuit;

public sealed partial class SfqCellLibrary
{
    /// <summary>Critical current of a coupled-inhibition neuron's series sink junction relative to I_c.</summary>
    public const double CoupledSinkSize = 0.85;

    /// <summary>Coupling coefficient k between a coupled-inhibition neuron's control inductor and its sink loop inductor.</summary>
    public const double InhibitionCoupling = 0.9;

    /// <summary>Inductance of a coupled-inhibition neuron's sink loop inductor (pH).</summary>
    public const double SinkLoopInductancePh = 20;

    /// <summary>Resistance of a coupled-inhibition neuron's sink loop (Ω): with <see cref="SinkLoopInductancePh"/>
    /// a parked fluxon leaves the sink loop in τ = L/R = 20 ps.</summary>
    public const double SinkLoopResistanceOhm = 1;

    /// <summary>Terminating resistor of a coupled-inhibition neuron's control line (Ω).</summary>
    public const double ControlResistanceOhm = 1;

    /// <summary>Inductance of a coupled-inhibition neuron's control inductor (pH).</summary>
    public const double ControlInductancePh = 20;

    /// <summary>
    /// A leaky loop neuron with an inhibitory input coupled magnetically, without a galvanic path
    /// into its storing loop. The loop of <see cref="LeakyNeuron"/> (input junction <c>{name}.In</c>,
    /// leak resistor, storage inductor to node <c>{name}.a</c>) reaches the output junction
    /// <c>{name}.Out</c> through an unbiased series sink junction <c>{name}.S</c>
    /// (<paramref name="sinkSize"/> × I_c), shunted by a sink loop: an inductor (<see cref="SinkLoopInductancePh"/>,
    /// node <c>{name}.c</c>) and a resistor (<see cref="SinkLoopResistanceOhm"/>) in series. The
    /// inhibitory line ending at <paramref name="clearFrom"/> ends in a control inductor
    /// (<see cref="ControlInductancePh"/>) and a terminating junction <c>{name}.K</c> to ground; the
    /// control inductor is coupled to the sink loop's inductor with <paramref name="coupling"/>. The
    /// inhibitory pulse's current transient induces a current circulating through the sink junction
    /// only (the output junction is outside the sink loop); added to the stored loop current it
    /// switches the sink when the loop holds about a fluxon, which removes one fluxon from the storing
    /// loop. The slip first parks the fluxon in the sink loop, which takes current off the sink (so it
    /// slips once), and the sink loop's resistor then hands the change to the storing loop within
    /// L/R = 20 ps. DC current never flows through the sink loop's resistor, so the stored current
    /// passes the sink junction alone. The sink caps the stored current near its critical current, so
    /// the output junction's threshold must lie below it (at I_c 100 µA, L 60 pH, τ 300 ps: an output
    /// bias of 45 µA fires at the fourth fluxon without a sink slip; with a bias of 30 µA the sink slips
    /// first). In the noise-free circuit at these values one stored fluxon is removed for k = 0.9 but not
    /// for k = 0.85 (a narrow margin on the coupling). Returns the output node.
    /// </summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="name">Cell name.</param>
    /// <param name="from">Node of the excitatory line's last junction.</param>
    /// <param name="clearFrom">Node of the inhibitory line's last junction.</param>
    /// <param name="loopInductancePh">Storage inductance L (pH), &gt; 0.</param>
    /// <param name="leakResistanceOhm">Loop resistor R (Ω), &gt; 0.</param>
    /// <param name="outputBiasUa">Bias of the output junction (µA, not scaled by the global bias), finite.</param>
    /// <param name="sinkSize">The sink junction's critical current relative to I_c, &gt; 0.</param>
    /// <param name="coupling">Coupling coefficient k of control and sink loop inductors, in (−1, 1).</param>
    /// <param name="controlResistanceOhm">The control line's terminating resistor (Ω), &gt; 0.</param>
    public int CoupledInhibitionLeakyNeuron(JosephsonCircuit circuit, string name, int from, int clearFrom, double loopInductancePh,
        double leakResistanceOhm, double outputBiasUa, double sinkSize = CoupledSinkSize, double coupling = InhibitionCoupling, double controlResistanceOhm = ControlResistanceOhm)
    {
        Guard.Positive(loopInductancePh, nameof(loopInductancePh));
        Guard.Positive(leakResistanceOhm, nameof(leakResistanceOhm));
        Guard.Finite(outputBiasUa, nameof(outputBiasUa));
        Guard.Positive(sinkSize, nameof(sinkSize));
        int loopStart = LoopStart(circuit, name, from, leakResistanceOhm);
        int sink = circuit.AddNode(name + ".a");
        circuit.AddInductor(loopStart, sink, loopInductancePh);
        int output = circuit.AddNode(name + ".Out");
        Junction(circuit, name + ".S", sink, output, sinkSize);
        int middle = circuit.AddNode(name + ".c");
        int sinkLoop = circuit.AddInductor(sink, middle, SinkLoopInductancePh);
        circuit.AddResistor(middle, output, SinkLoopResistanceOhm);
        Junction(circuit, name + ".Out", output, JosephsonCircuit.Ground, 1);
        circuit.AddBias(output, outputBiasUa);
        int termination = circuit.AddNode(name + ".k");
        int control = circuit.AddInductor(clearFrom, termination, ControlInductancePh);
        circuit.AddResistor(termination, JosephsonCircuit.Ground, Guard.Positive(controlResistanceOhm, nameof(controlResistanceOhm)));
        circuit.AddMutualInductance(control, sinkLoop, coupling);
        return output;
    }
}
