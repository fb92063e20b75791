using Snn.Core.Validation;

namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// RSFQ cells as <see cref="JosephsonCircuit"/> sub-circuits, sized from an
/// <see cref="SfqTechnology"/>: every junction has J_c and I_c R_n of the technology (a junction of
/// critical current a·I_c has shunt R_n / a and capacitance a·C), interconnect junctions are biased
/// at <see cref="SfqTechnology.InterconnectBiasFraction"/> × I_c × <see cref="GlobalBiasScale"/>, and
/// cells join through storage inductors of <see cref="StageInductancePh"/> = Φ0 / (4 I_c)
/// (β_L = 2π L I_c / Φ0 = π/2). Each method adds one cell after the node <c>from</c> (the node of
/// the last junction of the previous cell) and returns the node of its own last junction.
/// Junctions are named <c>{cell}.{junction}</c>.
/// <list type="bullet">
/// <item><b>JTL stage</b>: two biased junctions in series through storage inductors.</item>
/// <item><b>Splitter</b>: an input junction of 1.4 I_c biased for both branches, then one biased junction per branch.</item>
/// <item><b>Stochastic gate (decision pair)</b>: the incoming pulse current flows through an
/// unbiased series escape junction (<see cref="GateEscapeSize"/> × I_c) into the
/// decision junction (I_c) to ground, fed by the gate's own bias source I_b. Exactly one of them
/// switches: the decision junction (the pulse passes on) or the escape junction (the pulse is
/// dropped). Thermal noise decides near the balance point. Sometimes both switch: the pulse
/// passes, a second fluxon is drawn from the input line, and the next input pulse fills that hole
/// instead of reaching the gate (the double switch).</item>
/// <item><b>Merger</b>: each input line joins the common, strongly biased output junction
/// through a storage inductor and an unbiased series buffer junction
/// (<see cref="MergerBufferSize"/> × I_c). A pulse on one line switches the output junction; the
/// buffer of the other line switches backwards, so the pulse does not travel up the other input.
/// Two pulses closer than the output junction's recovery leave as one.</item>
/// <item><b>Loop neuron</b>: a biased input junction and an output junction joined by the storage
/// inductor L. Each fluxon that enters stays in the loop and adds about Φ0/L to the output
/// junction's current; with bias I_bn it switches once the stored current reaches about
/// I_c − I_bn, emitting one pulse and taking one fluxon out of the loop.</item>
/// <item><b>Leaky loop neuron</b>: the loop neuron with a resistor R in series with its storage
/// inductor. No DC current can cross the resistor, so each junction carries its own bias at rest
/// and a stored current decays with τ = L_loop / R, L_loop being L plus the Josephson inductances
/// Φ0 / (2π I_c cos θ) of the two junctions (<see cref="LeakyLoopInductancePh"/>).</item>
/// </list>
/// </summary>
/// <param name="technology">The technology; null for <see cref="SfqTechnology.Default"/>.</param>
/// <param name="globalBiasScale">Scale of every interconnect bias, &gt; 0.</param>
public sealed partial class SfqCellLibrary(SfqTechnology? technology = null, double globalBiasScale = 1)
{
    /// <summary>The technology.</summary>
    public SfqTechnology Technology { get; } = technology ?? SfqTechnology.Default;

    /// <summary>Scale of the interconnect biases.</summary>
    public double GlobalBiasScale { get; } = Guard.Positive(globalBiasScale, nameof(globalBiasScale));

    /// <summary>Critical current of the gate's escape junction relative to I_c: 0.8, which puts the
    /// noise-free switching threshold of the default gate at 68.5 µA, near the 0.7 I_c of the
    /// closed-form model's 50 % point.</summary>
    public const double GateEscapeSize = 0.8;

    /// <summary>Inductance between consecutive junctions, Φ0 / (4 I_c) (pH).</summary>
    public double StageInductancePh => SfqConstants.FluxQuantumUaPh / (4 * Technology.CriticalCurrentUa);

    /// <summary>Width of the pulses of <see cref="Source"/>, 2 τ_sw (ps).</summary>
    public double SourcePulseWidthPs => 2 * Technology.SwitchingTimePs;

    /// <summary>The interconnect bias of a junction of relative size <paramref name="size"/> (µA).</summary>
    /// <param name="size">Critical current relative to the technology's I_c.</param>
    public double InterconnectBiasUa(double size) => size * Technology.InterconnectBiasFraction * Technology.CriticalCurrentUa * GlobalBiasScale;

    /// <summary>Adds a junction of relative size <paramref name="size"/> from <paramref name="plus"/> to <paramref name="minus"/>.</summary>
    public int Junction(JosephsonCircuit circuit, string name, int plus, int minus, double size)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        Guard.Positive(size, nameof(size));
        return circuit.AddJunction(name, plus, minus, size * Technology.CriticalCurrentUa, Technology.ShuntResistanceOhm / size, Technology.JunctionCapacitancePf * size);
    }

    /// <summary>An SFQ pulse source driving one biased junction; returns that junction's node.</summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="name">Cell name.</param>
    /// <param name="input">Index of the pulse input created.</param>
    public int Source(JosephsonCircuit circuit, string name, out int input)
    {
        int node = Stage(circuit, name + ".J1");
        input = circuit.AddPulseInput(name, node, StageInductancePh, SourcePulseWidthPs);
        return node;
    }

    /// <summary>A JTL stage (two junctions) after <paramref name="from"/>.</summary>
    public int Jtl(JosephsonCircuit circuit, string name, int from)
    {
        int first = Stage(circuit, name + ".J1");
        circuit.AddInductor(from, first, StageInductancePh);
        int second = Stage(circuit, name + ".J2");
        circuit.AddInductor(first, second, StageInductancePh);
        return second;
    }

    /// <summary>A splitter after <paramref name="from"/>; returns its two output nodes.</summary>
    public (int A, int B) Splitter(JosephsonCircuit circuit, string name, int from)
    {
        int node = Stage(circuit, name + ".J0", 1.4);
        circuit.AddInductor(from, node, StageInductancePh / 1.4);
        int a = Stage(circuit, name + ".Ja");
        circuit.AddInductor(node, a, StageInductancePh);
        int b = Stage(circuit, name + ".Jb");
        circuit.AddInductor(node, b, StageInductancePh);
        return (a, b);
    }

    /// <summary>The decision-pair stochastic gate after <paramref name="from"/> with gate bias
    /// <paramref name="gateBiasUa"/> (µA, not scaled by the global bias); returns the decision
    /// junction's node. Its junctions are <c>{name}.E</c> (escape) and <c>{name}.D</c> (decision).</summary>
    public int Gate(JosephsonCircuit circuit, string name, int from, double gateBiasUa)
    {
        Guard.Finite(gateBiasUa, nameof(gateBiasUa));
        int top = circuit.AddNode(name + ".in");
        circuit.AddInductor(from, top, StageInductancePh);
        int decision = circuit.AddNode(name + ".out");
        Junction(circuit, name + ".E", top, decision, GateEscapeSize);
        Junction(circuit, name + ".D", decision, JosephsonCircuit.Ground, 1);
        circuit.AddBias(decision, gateBiasUa);
        return decision;
    }

    /// <summary>Two input lines joined by a merger (<c>M</c>): each an SFQ source (<c>inA</c>, <c>inB</c>),
    /// a JTL stage (<c>a0</c>, <c>b0</c>), a stochastic gate (<c>gA</c>, <c>gB</c>) biased at
    /// <paramref name="gateBiasUa"/> (µA) and <paramref name="stages"/> JTL stages (<c>a1</c>…, <c>b1</c>…).
    /// The two lines are built stage by stage side by side, which keeps the solver's band narrow.
    /// Returns the merger's output node.</summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="gateBiasUa">Bias of both gates (µA), finite.</param>
    /// <param name="stages">JTL stages after each gate, ≥ 0.</param>
    /// <param name="inputA">Index of input A's pulse input.</param>
    /// <param name="inputB">Index of input B's pulse input.</param>
    public int GatedPair(JosephsonCircuit circuit, double gateBiasUa, int stages, out int inputA, out int inputB)
    {
        Guard.InRange(stages, 0, 100_000, nameof(stages));
        int lineA = Source(circuit, "inA", out inputA);
        int lineB = Source(circuit, "inB", out inputB);
        lineA = Jtl(circuit, "a0", lineA);
        lineB = Jtl(circuit, "b0", lineB);
        lineA = Gate(circuit, "gA", lineA, gateBiasUa);
        lineB = Gate(circuit, "gB", lineB, gateBiasUa);
        for (int k = 1; k <= stages; k++)
        {
            lineA = Jtl(circuit, $"a{k}", lineA);
            lineB = Jtl(circuit, $"b{k}", lineB);
        }
        return Merger(circuit, "M", lineA, lineB);
    }

    /// <summary>Critical current of a merger's buffer junctions relative to I_c.</summary>
    public const double MergerBufferSize = 0.7;

    /// <summary>Bias of a merger's output junction relative to its I_c (before the global scale):
    /// 1.3, because part of it flows back through both buffers into the input lines (at rest the
    /// output junction itself carries about 0.8 I_c).</summary>
    public const double MergerOutputBiasFraction = 1.3;

    /// <summary>A merger of the lines ending at <paramref name="fromA"/> and <paramref name="fromB"/>;
    /// returns its output junction's node. Each line reaches the common output junction
    /// <c>{name}.Jc</c> through a storage inductor and an unbiased buffer junction
    /// (<c>{name}.Ba</c>, <c>{name}.Bb</c>).</summary>
    public int Merger(JosephsonCircuit circuit, string name, int fromA, int fromB)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        int a = circuit.AddNode(name + ".a");
        circuit.AddInductor(fromA, a, StageInductancePh);
        int output = circuit.AddNode(name + ".Jc");
        Junction(circuit, name + ".Jc", output, JosephsonCircuit.Ground, 1);
        circuit.AddBias(output, MergerOutputBiasFraction * Technology.CriticalCurrentUa * GlobalBiasScale);
        int b = circuit.AddNode(name + ".b");
        circuit.AddInductor(fromB, b, StageInductancePh);
        Junction(circuit, name + ".Ba", a, output, MergerBufferSize);
        Junction(circuit, name + ".Bb", b, output, MergerBufferSize);
        return output;
    }

    /// <summary>The bias of a loop neuron's output junction for a threshold of
    /// <paramref name="thresholdFluxons"/> stored fluxons in a loop of <paramref name="loopInductancePh"/>,
    /// I_bn = I_c − n_th Φ0 / L (µA), the closed-form map of <see cref="SfqBiasMapping"/>.</summary>
    public double NeuronBiasUa(double thresholdFluxons, double loopInductancePh)
        => Technology.CriticalCurrentUa - Guard.Positive(thresholdFluxons, nameof(thresholdFluxons)) * SfqConstants.FluxQuantumUaPh / Guard.Positive(loopInductancePh, nameof(loopInductancePh));

    /// <summary>A loop neuron after <paramref name="from"/>: input junction <c>{name}.In</c>, storage
    /// inductor <paramref name="loopInductancePh"/>, output junction <c>{name}.Out</c> biased at
    /// <paramref name="outputBiasUa"/> (µA, not scaled by the global bias); returns the output node.</summary>
    public int Neuron(JosephsonCircuit circuit, string name, int from, double loopInductancePh, double outputBiasUa)
        => Loop(circuit, name, from, loopInductancePh, null, outputBiasUa);

    /// <summary>A leaky loop neuron after <paramref name="from"/>: input junction <c>{name}.In</c>,
    /// resistor <paramref name="leakResistanceOhm"/> to the node <c>{name}.R</c>, storage inductor
    /// <paramref name="loopInductancePh"/>, output junction <c>{name}.Out</c> biased at
    /// <paramref name="outputBiasUa"/> (µA, not scaled by the global bias); returns the output node.</summary>
    public int LeakyNeuron(JosephsonCircuit circuit, string name, int from, double loopInductancePh, double leakResistanceOhm, double outputBiasUa)
        => Loop(circuit, name, from, loopInductancePh, Guard.Positive(leakResistanceOhm, nameof(leakResistanceOhm)), outputBiasUa);

    private int Loop(JosephsonCircuit circuit, string name, int from, double loopInductancePh, double? leakResistanceOhm, double outputBiasUa)
    {
        Guard.Positive(loopInductancePh, nameof(loopInductancePh));
        Guard.Finite(outputBiasUa, nameof(outputBiasUa));
        int loopStart = LoopStart(circuit, name, from, leakResistanceOhm);
        int output = circuit.AddNode(name + ".Out");
        Junction(circuit, name + ".Out", output, JosephsonCircuit.Ground, 1);
        circuit.AddBias(output, outputBiasUa);
        circuit.AddInductor(loopStart, output, loopInductancePh);
        return output;
    }

    /// <summary>Critical current of an inhibitable neuron's sink junction relative to I_c.</summary>
    public const double SinkSize = 0.9;

    /// <summary>Critical current of an inhibitable neuron's clear escape junction relative to I_c.</summary>
    public const double ClearEscapeSize = 0.75;

    /// <summary>A leaky loop neuron with an inhibitory (clear) input, after the reset of a D flip-flop:
    /// the leaky loop neuron of <see cref="LeakyNeuron"/> with a series sink junction <c>{name}.S</c>
    /// (<see cref="SinkSize"/> × I_c) between its storage inductor (node <c>{name}.s</c>) and the
    /// output junction <c>{name}.Out</c>. The clear line ending at <paramref name="clearFrom"/> reaches
    /// the sink node through a storage inductor and an unbiased escape junction <c>{name}.E</c>
    /// (<see cref="ClearEscapeSize"/> × I_c). The clear pulse's current adds to the loop current in the
    /// sink: when the loop holds about a fluxon or more (in the noise-free circuit, 42 µA but not
    /// 27 µA of loop current at the XOR study's technology) the sink slips, the loop current drops by one
    /// fluxon and the output junction does not switch; when the loop is (nearly) empty the escape
    /// junction switches and the pulse is lost, so the stored flux does not go below zero. The clear
    /// line is a superconducting path in parallel with the sink and the output junction and takes
    /// about half of the loop current, so the output junction sees less of each stored fluxon than in
    /// <see cref="LeakyNeuron"/>: at L = 40 pH and τ = 300 ps no output bias up to 0.98 I_c gives it
    /// a 1.5 Φ0 threshold, and at such high biases a clear pulse on an empty loop fires the output
    /// junction. It works as a clear for neurons with a low output bias. Returns the output node.</summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="name">Cell name.</param>
    /// <param name="from">Node of the excitatory line's last junction.</param>
    /// <param name="clearFrom">Node of the clear line's last junction.</param>
    /// <param name="loopInductancePh">Storage inductance L (pH), &gt; 0.</param>
    /// <param name="leakResistanceOhm">Loop resistor R (Ω), &gt; 0.</param>
    /// <param name="outputBiasUa">Bias of the output junction (µA, not scaled by the global bias), finite.</param>
    public int InhibitableLeakyNeuron(JosephsonCircuit circuit, string name, int from, int clearFrom, double loopInductancePh, double leakResistanceOhm, double outputBiasUa)
    {
        Guard.Positive(loopInductancePh, nameof(loopInductancePh));
        Guard.Positive(leakResistanceOhm, nameof(leakResistanceOhm));
        Guard.Finite(outputBiasUa, nameof(outputBiasUa));
        int loopStart = LoopStart(circuit, name, from, leakResistanceOhm);
        int clear = circuit.AddNode(name + ".c");
        circuit.AddInductor(clearFrom, clear, StageInductancePh);
        int sink = circuit.AddNode(name + ".s");
        circuit.AddInductor(loopStart, sink, loopInductancePh);
        Junction(circuit, name + ".E", clear, sink, ClearEscapeSize);
        int output = circuit.AddNode(name + ".Out");
        Junction(circuit, name + ".S", sink, output, SinkSize);
        Junction(circuit, name + ".Out", output, JosephsonCircuit.Ground, 1);
        circuit.AddBias(output, outputBiasUa);
        return output;
    }

    /// <summary>The inductance of a leaky loop neuron's storing loop at rest, L + L_J(in) + L_J(out) (pH),
    /// with L_J = Φ0 / (2π I_c cos θ) and sin θ = bias / I_c of each junction (the input junction at
    /// its interconnect bias; its coupling to the line before it is neglected).</summary>
    /// <param name="loopInductancePh">The storage inductance L (pH), &gt; 0.</param>
    /// <param name="outputBiasUa">The output junction's bias (µA), in (−I_c, I_c).</param>
    public double LeakyLoopInductancePh(double loopInductancePh, double outputBiasUa)
    {
        Guard.Positive(loopInductancePh, nameof(loopInductancePh));
        double ic = Technology.CriticalCurrentUa;
        Guard.InRange(outputBiasUa, -ic * (1 - 1e-9), ic * (1 - 1e-9), nameof(outputBiasUa));
        return loopInductancePh + JosephsonInductancePh(InterconnectBiasUa(1) / ic) + JosephsonInductancePh(outputBiasUa / ic);
    }

    /// <summary>The leak resistance that gives a leaky loop neuron the decay time <paramref name="leakTimeConstantPs"/>,
    /// R = <see cref="LeakyLoopInductancePh"/> / τ (Ω).</summary>
    /// <param name="leakTimeConstantPs">τ (ps), &gt; 0.</param>
    /// <param name="loopInductancePh">The storage inductance L (pH), &gt; 0.</param>
    /// <param name="outputBiasUa">The output junction's bias (µA), in (−I_c, I_c).</param>
    public double LeakResistanceOhm(double leakTimeConstantPs, double loopInductancePh, double outputBiasUa)
        => LeakyLoopInductancePh(loopInductancePh, outputBiasUa) / Guard.Positive(leakTimeConstantPs, nameof(leakTimeConstantPs));

    private double JosephsonInductancePh(double biasFraction)
        => CircuitSimulator.ReducedFluxQuantumUaPh / (Technology.CriticalCurrentUa * Math.Sqrt(1 - biasFraction * biasFraction));

    /// <summary>A loop neuron's input stage, fed from <paramref name="from"/>, and its leak resistor when
    /// one is given: returns the node where the storage inductor starts.</summary>
    private int LoopStart(JosephsonCircuit circuit, string name, int from, double? leakResistanceOhm)
    {
        int input = Stage(circuit, name + ".In");
        circuit.AddInductor(from, input, StageInductancePh);
        if (leakResistanceOhm is not double resistance)
        {
            return input;
        }
        int loopStart = circuit.AddNode(name + ".R");
        circuit.AddResistor(input, loopStart, resistance);
        return loopStart;
    }

    private int Stage(JosephsonCircuit circuit, string name, double size = 1)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        int node = circuit.AddNode(name);
        Junction(circuit, name, node, JosephsonCircuit.Ground, size);
        circuit.AddBias(node, InterconnectBiasUa(size));
        return node;
    }
}
