using Snn.Core.Validation;

namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// A superconducting circuit for <see cref="CircuitSimulator"/>: named nodes, RCSJ junctions,
/// inductors (optionally coupled by mutual inductances), resistors, bias current sources and SFQ pulse inputs. Every node carries a junction or
/// a resistor (a junction's capacitance or a resistor's damping keeps the integrator's matrix
/// positive definite); build circuits so that elements join neighbouring nodes, as the
/// solver's band matrix is as wide as the largest index distance between joined nodes.
/// </summary>
public sealed class JosephsonCircuit
{
    /// <summary>The ground node.</summary>
    public const int Ground = -1;

    private readonly List<string> _nodes = [];
    private readonly List<CircuitJunction> _junctions = [];
    private readonly List<CircuitInductor> _inductors = [];
    private readonly List<CircuitMutualInductance> _couplings = [];
    private readonly List<CircuitResistor> _resistors = [];
    private readonly List<CircuitBias> _biases = [];
    private readonly List<CircuitPulseInput> _inputs = [];

    /// <summary>Node names, by index.</summary>
    public IReadOnlyList<string> Nodes => _nodes;

    /// <summary>The junctions.</summary>
    public IReadOnlyList<CircuitJunction> Junctions => _junctions;

    /// <summary>The inductors.</summary>
    public IReadOnlyList<CircuitInductor> Inductors => _inductors;

    /// <summary>The mutual inductances between inductors.</summary>
    public IReadOnlyList<CircuitMutualInductance> MutualInductances => _couplings;

    /// <summary>The resistors.</summary>
    public IReadOnlyList<CircuitResistor> Resistors => _resistors;

    /// <summary>The bias sources.</summary>
    public IReadOnlyList<CircuitBias> Biases => _biases;

    /// <summary>The pulse inputs.</summary>
    public IReadOnlyList<CircuitPulseInput> Inputs => _inputs;

    /// <summary>Adds a node and returns its index.</summary>
    /// <param name="name">Node name.</param>
    public int AddNode(string name)
    {
        Guard.Name(name, nameof(name));
        _nodes.Add(name);
        return _nodes.Count - 1;
    }

    /// <summary>Adds a junction and returns its index.</summary>
    /// <param name="name">Junction name.</param>
    /// <param name="plus">Node the positive current leaves, or <see cref="Ground"/>.</param>
    /// <param name="minus">Node it enters, or <see cref="Ground"/>; differs from <paramref name="plus"/>.</param>
    /// <param name="criticalCurrentUa">I_c (µA), &gt; 0.</param>
    /// <param name="shuntResistanceOhm">R (Ω), &gt; 0.</param>
    /// <param name="capacitancePf">C (pF), &gt; 0.</param>
    public int AddJunction(string name, int plus, int minus, double criticalCurrentUa, double shuntResistanceOhm, double capacitancePf)
    {
        Guard.Name(name, nameof(name));
        CheckPair(plus, minus);
        Guard.Positive(criticalCurrentUa, nameof(criticalCurrentUa));
        Guard.Positive(shuntResistanceOhm, nameof(shuntResistanceOhm));
        Guard.Positive(capacitancePf, nameof(capacitancePf));
        _junctions.Add(new CircuitJunction(name, plus, minus, criticalCurrentUa, shuntResistanceOhm, capacitancePf));
        return _junctions.Count - 1;
    }

    /// <summary>Adds an inductor and returns its index.</summary>
    /// <param name="plus">First node, or <see cref="Ground"/>.</param>
    /// <param name="minus">Second node, or <see cref="Ground"/>.</param>
    /// <param name="inductancePh">L (pH), &gt; 0.</param>
    public int AddInductor(int plus, int minus, double inductancePh)
    {
        CheckPair(plus, minus);
        Guard.Positive(inductancePh, nameof(inductancePh));
        _inductors.Add(new CircuitInductor(plus, minus, inductancePh));
        return _inductors.Count - 1;
    }

    /// <summary>Couples two inductors magnetically with M = k √(L1 L2) (see <see cref="CircuitMutualInductance"/>).</summary>
    /// <param name="first">Index of the first inductor.</param>
    /// <param name="second">Index of the second inductor, not <paramref name="first"/> and not yet coupled to it.</param>
    /// <param name="coupling">Coupling coefficient k, −1 &lt; k &lt; 1; with the inductors' other couplings the
    /// inductance matrix must stay positive definite (a passive set of coils).</param>
    public void AddMutualInductance(int first, int second, double coupling)
    {
        Guard.InRange(first, 0, _inductors.Count - 1, nameof(first));
        Guard.InRange(second, 0, _inductors.Count - 1, nameof(second));
        if (first == second)
        {
            throw new ArgumentException($"first = second = {first}: an inductor cannot be coupled to itself (its self-inductance is L).", nameof(second));
        }
        if (_couplings.Any(c => (c.First == first && c.Second == second) || (c.First == second && c.Second == first)))
        {
            throw new ArgumentException($"Inductors {first} and {second} are already coupled.", nameof(second));
        }
        if (!(Math.Abs(coupling) < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(coupling), coupling, "The coupling coefficient k must lie in (-1, 1): |k| >= 1 would store negative magnetic energy.");
        }
        _couplings.Add(new CircuitMutualInductance(first, second, coupling));
        if (!InverseInductance.IsPositiveDefinite(_inductors.Count, _couplings, first))
        {
            _couplings.RemoveAt(_couplings.Count - 1);
            throw new ArgumentOutOfRangeException(nameof(coupling), coupling, $"With the other couplings of inductors {first} and {second}, k = {coupling} makes the inductance matrix indefinite (negative magnetic energy).");
        }
    }

    /// <summary>Adds a resistor.</summary>
    /// <param name="plus">First node, or <see cref="Ground"/>.</param>
    /// <param name="minus">Second node, or <see cref="Ground"/>.</param>
    /// <param name="resistanceOhm">R (Ω), &gt; 0.</param>
    public void AddResistor(int plus, int minus, double resistanceOhm)
    {
        CheckPair(plus, minus);
        Guard.Positive(resistanceOhm, nameof(resistanceOhm));
        _resistors.Add(new CircuitResistor(plus, minus, resistanceOhm));
    }

    /// <summary>Adds a bias current source and returns its index.</summary>
    /// <param name="bias">The source; its node must exist and its currents and times be finite.</param>
    public int AddBias(CircuitBias bias)
    {
        ArgumentNullException.ThrowIfNull(bias);
        CheckNode(bias.Node, nameof(bias));
        Guard.Finite(bias.CurrentUa, nameof(bias.CurrentUa));
        Guard.Finite(bias.RampFromUa, nameof(bias.RampFromUa));
        Guard.Finite(bias.RampStartPs, nameof(bias.RampStartPs));
        Guard.Finite(bias.RampEndPs, nameof(bias.RampEndPs));
        _biases.Add(bias);
        return _biases.Count - 1;
    }

    /// <summary>Adds a DC bias of <paramref name="currentUa"/> into <paramref name="node"/>.</summary>
    /// <param name="node">The node.</param>
    /// <param name="currentUa">Current (µA), finite.</param>
    public int AddBias(int node, double currentUa) => AddBias(new CircuitBias(node, currentUa));

    /// <summary>Adds an SFQ pulse input and returns its index.</summary>
    /// <param name="name">Input name.</param>
    /// <param name="node">The node it drives.</param>
    /// <param name="couplingInductancePh">Coupling inductance (pH), &gt; 0.</param>
    /// <param name="pulseWidthPs">Pulse width (ps), &gt; 0.</param>
    public int AddPulseInput(string name, int node, double couplingInductancePh, double pulseWidthPs)
    {
        Guard.Name(name, nameof(name));
        CheckNode(node, nameof(node));
        Guard.Positive(couplingInductancePh, nameof(couplingInductancePh));
        Guard.Positive(pulseWidthPs, nameof(pulseWidthPs));
        _inputs.Add(new CircuitPulseInput(name, node, couplingInductancePh, pulseWidthPs));
        return _inputs.Count - 1;
    }

    /// <summary>The index of the junction named <paramref name="name"/>.</summary>
    /// <param name="name">A junction name.</param>
    public int JunctionIndex(string name)
    {
        int index = _junctions.FindIndex(j => j.Name == name);
        return index >= 0 ? index : throw new ArgumentException($"No junction named '{name}' (junctions: {string.Join(", ", _junctions.Select(j => j.Name))}).", nameof(name));
    }

    private void CheckPair(int plus, int minus)
    {
        if (plus != Ground)
        {
            CheckNode(plus, nameof(plus));
        }
        if (minus != Ground)
        {
            CheckNode(minus, nameof(minus));
        }
        if (plus == minus)
        {
            throw new ArgumentException($"plus = minus = {plus}: an element must join two different nodes.", nameof(minus));
        }
    }

    private void CheckNode(int node, string name) => Guard.InRange(node, 0, _nodes.Count - 1, name);
}
