using Snn.Backends.Sfq;
using Snn.Backends.Sfq.Circuit;
using Snn.Core.Validation;

namespace Snn.Experiments.Sfq;

/// <summary>
/// The whole XOR network of <see cref="SfqXorDesign"/> as one circuit for <see cref="CircuitSimulator"/>,
/// built from <see cref="SfqCellLibrary"/> cells the way the pulse-level model's maps say:
/// per input an SFQ source, a JTL stage (<c>a0</c>, <c>b0</c>) and a splitter (<c>sA</c>, <c>sB</c>);
/// four stochastic gates (<c>gAA</c>, <c>gBA</c> to the AND neuron, <c>gAO</c>, <c>gBO</c> to the
/// output neuron) biased for their weights, each followed by the JTL stages of the input delay; a
/// merger and the leaky AND neuron (<c>AND</c>); a splitter (<c>sI</c>) into the inhibitory synapses
/// (gates <c>gI1</c>, <c>gI2</c> and the JTL stages of their delays), merged (<c>MI</c>) into the clear
/// input of the output neuron (<c>OUT</c>, <see cref="SfqCellLibrary.CoupledInhibitionLeakyNeuron"/>, each
/// inhibitory pulse removing one stored fluxon), which also takes the merged excitatory lines (<c>MO</c>,
/// then the JTL stages of <see cref="SfqXorDesign.InputToOutputExtraDelayPs"/>); a JTL stage after it. Neuron biases set their
/// thresholds (<see cref="SfqAndCircuitComparison.LeakyNeuronBiasUa"/>). Every bias (interconnect,
/// gates, neurons) is multiplied by the global bias scale, as in the pulse-level model. The
/// inhibition cannot store negative flux, so in (1,1) the first inhibitory pulse removes A's fluxon
/// before B's excitation arrives and the second removes one as the next period's A excitation arrives
/// (<see cref="DesignFor"/>).
/// </summary>
public static class SfqXorCircuit
{
    /// <summary>JTL stages added to the output neuron's excitatory lines (<see cref="SfqXorDesign.InputToOutputExtraDelayPs"/>
    /// in <see cref="DesignFor"/>) so that the inhibition, which passes the AND neuron, its splitter, gates
    /// and merger, reaches the output neuron before B's excitation.</summary>
    public const int ExcitatoryMatchingStages = 6;

    /// <summary>The output neuron's sink junction size (relative to I_c). Smaller than the cell's default
    /// <see cref="SfqCellLibrary.CoupledSinkSize"/> so that the second inhibitory pulse, which arrives as
    /// the next period's A excitation does, slips the sink; found without noise over 10 periods: (1,1)
    /// gives no output for sink sizes 0.5 to 0.6, 2 to 6 pulses for 0.65 to 0.85; at 0.45 one input alone
    /// gives 4 pulses instead of 6.</summary>
    public const double OutputSinkSize = 0.55;

    /// <summary>JTL stages of the second inhibitory line (the first has one), so that the second inhibition
    /// reaches the output neuron just after the next period's A excitation. Found without noise over 10
    /// periods, with the closed-form and the calibrated model's cells: (1,1) gives no output with 20 or 21
    /// stages, and output pulses with 22.</summary>
    public const int SecondInhibitoryLineStages = 20;

    /// <summary>The default XOR design with the inhibitory stagger the circuit needs in <paramref name="model"/>'s
    /// JTL stages: the second inhibitory synapse's requested delay is <see cref="SecondInhibitoryLineStages"/>
    /// JTL delays (about 112 ps in the closed-form model's 5.6 ps stages, 51 ps in the circuit-calibrated ones).</summary>
    /// <param name="model">The technology whose JTL delay sets the stagger.</param>
    public static SfqXorDesign DesignFor(SfqTechnology model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var design = SfqXorDesign.Default;
        return design with
        {
            InhibitoryStaggerPs = SecondInhibitoryLineStages * model.Jtl.DelayPs - design.InhibitoryDelayPs,
            InputToOutputExtraDelayPs = ExcitatoryMatchingStages * model.Jtl.DelayPs,
        };
    }

    /// <summary>Name of the output neuron's output junction.</summary>
    public const string OutputJunction = "OUT.Out";

    /// <summary>Name of the AND neuron's output junction.</summary>
    public const string AndJunction = "AND.Out";

    /// <summary>The two neuron biases at global bias scale 1 (µA), found in the circuit without noise.</summary>
    /// <param name="library">The cell library (at global bias scale 1).</param>
    /// <param name="design">The design, exactly two inhibitory synapses.</param>
    public static (double AndUa, double OutputUa) NeuronBiasesUa(SfqCellLibrary library, SfqXorDesign design)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(design);
        return (SfqAndCircuitComparison.LeakyNeuronBiasUa(library, design.AndThresholdFluxons, design.AndLeakPs),
                SfqAndCircuitComparison.LeakyNeuronBiasUa(library, design.OutputThresholdFluxons, design.OutputLeakPs));
    }

    /// <summary>Builds the circuit.</summary>
    /// <param name="model">The pulse-level technology whose maps size the circuit.</param>
    /// <param name="design">The design; it must have exactly two inhibitory synapses.</param>
    /// <param name="neuronBiasesUa">The neuron biases at global bias scale 1 (<see cref="NeuronBiasesUa"/>).</param>
    /// <param name="globalBiasScale">Scale of every bias, &gt; 0.</param>
    /// <param name="inputA">Index of input A's pulse input.</param>
    /// <param name="inputB">Index of input B's pulse input.</param>
    public static JosephsonCircuit Build(SfqTechnology model, SfqXorDesign design, (double AndUa, double OutputUa) neuronBiasesUa, double globalBiasScale, out int inputA, out int inputB)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(design);
        design.Validate();
        Guard.InRange(design.InhibitorySynapses, 2, 2, nameof(design.InhibitorySynapses));
        Guard.Positive(globalBiasScale, nameof(globalBiasScale));
        var library = new SfqCellLibrary(model, globalBiasScale);
        double ic = model.CriticalCurrentUa;
        double GateBias(double weight) => globalBiasScale * SfqBiasMapping.GateBiasUa(model, weight, ic);
        int Stages(double delayPs) => Math.Max(1, (int)Math.Round(delayPs / model.Jtl.DelayPs));
        double loop = model.LoopInductancePh;

        var circuit = new JosephsonCircuit();
        int lineA = library.Source(circuit, "inA", out inputA);
        int lineB = library.Source(circuit, "inB", out inputB);
        lineA = library.Jtl(circuit, "a0", lineA);
        lineB = library.Jtl(circuit, "b0", lineB);
        var (aToAnd, aToOut) = library.Splitter(circuit, "sA", lineA);
        var (bToAnd, bToOut) = library.Splitter(circuit, "sB", lineB);
        int[] lines =
        [
            library.Gate(circuit, "gAA", aToAnd, GateBias(design.InputToAndWeight)),
            library.Gate(circuit, "gBA", bToAnd, GateBias(design.InputToAndWeight)),
            library.Gate(circuit, "gAO", aToOut, GateBias(design.InputToOutputWeight)),
            library.Gate(circuit, "gBO", bToOut, GateBias(design.InputToOutputWeight)),
        ];
        string[] names = ["aa", "ba", "ao", "bo"];
        for (int k = 1; k <= Stages(design.InputDelayPs); k++)
        {
            for (int line = 0; line < lines.Length; line++)
            {
                lines[line] = library.Jtl(circuit, $"{names[line]}{k}", lines[line]);
            }
        }
        int excitation = library.Jtl(circuit, "mo", library.Merger(circuit, "MO", lines[2], lines[3]));
        int matchingStages = (int)Math.Round(design.InputToOutputExtraDelayPs / model.Jtl.DelayPs);
        for (int k = 1; k <= matchingStages; k++)
        {
            excitation = library.Jtl(circuit, $"mo{k}", excitation);
        }
        int and = library.Merger(circuit, "MA", lines[0], lines[1]);
        double andBias = globalBiasScale * neuronBiasesUa.AndUa;
        and = library.LeakyNeuron(circuit, "AND", and, loop, library.LeakResistanceOhm(design.AndLeakPs, loop, andBias), andBias);
        var (first, second) = library.Splitter(circuit, "sI", library.Jtl(circuit, "an", and));
        double inhibitoryBias = GateBias(design.AndToOutputWeight);
        first = library.Gate(circuit, "gI1", first, inhibitoryBias);
        second = library.Gate(circuit, "gI2", second, inhibitoryBias);
        int firstStages = Stages(design.InhibitoryDelayPs), secondStages = Stages(design.InhibitoryDelayPs + design.InhibitoryStaggerPs);
        for (int k = 1; k <= Math.Max(firstStages, secondStages); k++)
        {
            if (k <= firstStages)
            {
                first = library.Jtl(circuit, $"i1{k}", first);
            }
            if (k <= secondStages)
            {
                second = library.Jtl(circuit, $"i2{k}", second);
            }
        }
        int clear = library.Merger(circuit, "MI", first, second);
        double outputBias = globalBiasScale * neuronBiasesUa.OutputUa;
        double resistance = library.LeakResistanceOhm(design.OutputLeakPs, loop, outputBias);
        library.Jtl(circuit, "out", library.CoupledInhibitionLeakyNeuron(circuit, "OUT", excitation, clear, loop, resistance, outputBias, OutputSinkSize));
        return circuit;
    }

    /// <summary>Runs the circuit for one input pattern over <paramref name="periods"/> clock periods
    /// (A's pulses at (k + 1) T, B's half a period later, k &lt; periods; the run ends at (periods + 2) T)
    /// and returns the output neuron's pulse times (ps), on the time base of the input pulses.</summary>
    /// <param name="model">The pulse-level technology whose maps size the circuit.</param>
    /// <param name="design">The design.</param>
    /// <param name="neuronBiasesUa">The neuron biases at global bias scale 1.</param>
    /// <param name="globalBiasScale">Scale of every bias, &gt; 0.</param>
    /// <param name="a">Input A active.</param>
    /// <param name="b">Input B active.</param>
    /// <param name="periods">Clock periods, ≥ 1.</param>
    /// <param name="options">Solver settings (temperature, seed).</param>
    public static double[] Run(SfqTechnology model, SfqXorDesign design, (double AndUa, double OutputUa) neuronBiasesUa, double globalBiasScale, bool a, bool b, int periods, CircuitOptions options)
    {
        Guard.InRange(periods, 1, 1_000_000, nameof(periods));
        var circuit = Build(model, design, neuronBiasesUa, globalBiasScale, out int inputA, out int inputB);
        double period = design.ClockPeriodPs;
        double[] Train(bool on, double firstPs) => on ? [.. Enumerable.Range(0, periods).Select(k => firstPs + k * period)] : [];
        return SfqCircuitComparison.RunCircuit(circuit, inputA, inputB, Train(a, period), Train(b, 1.5 * period), period * (periods + 2), OutputJunction, options);
    }
}
