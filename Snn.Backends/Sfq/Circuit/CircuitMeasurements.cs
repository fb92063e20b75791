using Snn.Core.Validation;

namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// Measurements of single cells in the circuit solver, the raw material of
/// <see cref="SfqCalibrator"/>. Every measurement sends a train of pulses (one every
/// <see cref="PulseSpacingPs"/>) from an SFQ source through a JTL stage into the cell, which
/// drives a line of <see cref="LoadStages"/> JTL stages, with the
/// thermal noise of <see cref="CircuitOptions"/>, and reads the 2π slips of named junctions in each
/// pulse's time slot.
/// </summary>
public static class CircuitMeasurements
{
    /// <summary>Time between the pulses of a measurement train (ps): long enough for every cell to settle.</summary>
    public const double PulseSpacingPs = 40;

    /// <summary>JTL stages after every measured cell.</summary>
    public const int LoadStages = 4;

    private const double FirstPulsePs = 20;

    /// <summary>The decision-pair gate at <paramref name="biasUa"/>: pass, drop, double-switch and loss counts and delays.</summary>
    /// <param name="library">Cell library (technology, global bias).</param>
    /// <param name="biasUa">Gate bias (µA), finite.</param>
    /// <param name="pulses">Pulses to send, ≥ 1.</param>
    /// <param name="options">Solver settings (temperature, time step, seed, substream).</param>
    public static GateSweepPoint Gate(SfqCellLibrary library, double biasUa, int pulses, CircuitOptions options)
    {
        ArgumentNullException.ThrowIfNull(library);
        var circuit = new JosephsonCircuit();
        int line = library.Jtl(circuit, "up", library.Source(circuit, "in", out int input));
        Line(library, circuit, "out", library.Gate(circuit, "g", line, biasUa));
        var slots = Run(circuit, input, pulses, options);
        int up = circuit.JunctionIndex("up.J2"), decision = circuit.JunctionIndex("g.D"), escape = circuit.JunctionIndex("g.E");
        int next = circuit.JunctionIndex("out0.J2");
        int passed = 0, doubles = 0, dropped = 0, lost = 0;
        var delays = new List<double>();
        foreach (var slot in slots)
        {
            int d = slot.Net(decision), e = slot.Net(escape);
            if (d == 1 && e == 0)
            {
                passed++;
                double delay = slot.FirstForward(next) - slot.FirstForward(up);
                if (double.IsFinite(delay))
                {
                    delays.Add(delay);
                }
            }
            else if (d == 1 && e == 1)
            {
                doubles++;
            }
            else if (d == 0 && e == 1)
            {
                dropped++;
            }
            else if (d == 0 && e == 0)
            {
                lost++;
            }
        }
        delays.Sort();
        double median = delays.Count == 0 ? double.NaN : delays[delays.Count / 2];
        return new GateSweepPoint(biasUa, pulses, passed, doubles, dropped, lost, median, StandardDeviation(delays));
    }

    /// <summary>One JTL stage inside a line of five: the delay from the last junction of the stage before to its own last junction.</summary>
    /// <param name="library">Cell library.</param>
    /// <param name="pulses">Pulses, ≥ 2.</param>
    /// <param name="options">Solver settings.</param>
    public static CellTiming JtlStage(SfqCellLibrary library, int pulses, CircuitOptions options)
    {
        ArgumentNullException.ThrowIfNull(library);
        var circuit = new JosephsonCircuit();
        int node = library.Jtl(circuit, "a", library.Source(circuit, "in", out int input));
        foreach (string name in new[] { "b", "c", "d", "e" })
        {
            node = library.Jtl(circuit, name, node);
        }
        return Timing(circuit, input, pulses, options, "b.J2", "c.J2");
    }

    /// <summary>A splitter: from the line's last junction to the first output junction.</summary>
    /// <param name="library">Cell library.</param>
    /// <param name="pulses">Pulses, ≥ 2.</param>
    /// <param name="options">Solver settings.</param>
    public static CellTiming Splitter(SfqCellLibrary library, int pulses, CircuitOptions options)
    {
        ArgumentNullException.ThrowIfNull(library);
        var circuit = new JosephsonCircuit();
        int line = library.Jtl(circuit, "a", library.Source(circuit, "in", out int input));
        var (left, right) = library.Splitter(circuit, "S", line);
        Line(library, circuit, "oa", left);
        Line(library, circuit, "ob", right);
        return Timing(circuit, input, pulses, options, "a.J2", "S.Ja");
    }

    /// <summary>A merger driven on one input: from that line's last junction to the output junction.</summary>
    /// <param name="library">Cell library.</param>
    /// <param name="pulses">Pulses, ≥ 2.</param>
    /// <param name="options">Solver settings.</param>
    public static CellTiming Merger(SfqCellLibrary library, int pulses, CircuitOptions options)
    {
        ArgumentNullException.ThrowIfNull(library);
        var circuit = new JosephsonCircuit();
        int a = library.Jtl(circuit, "a", library.Source(circuit, "inA", out int input));
        int b = library.Jtl(circuit, "b", library.Source(circuit, "inB", out _));
        Line(library, circuit, "out", library.Merger(circuit, "M", a, b));
        return Timing(circuit, input, pulses, options, "a.J2", "M.Jc");
    }

    /// <summary>The output bias (µA) at which a loop neuron holding <paramref name="fluxons"/> loses its
    /// static state: the fluxons are loaded with the output junction unbiased, then its bias is raised
    /// at 0.1 µA/ps without noise until it switches.</summary>
    /// <param name="library">Cell library.</param>
    /// <param name="loopInductancePh">Storage loop inductance (pH), &gt; 0.</param>
    /// <param name="fluxons">Fluxons stored before the ramp, in [0, 20].</param>
    /// <param name="timeStepPs">Solver time step (ps).</param>
    public static double NeuronSwitchingBiasUa(SfqCellLibrary library, double loopInductancePh, int fluxons, double timeStepPs = 0.1)
    {
        ArgumentNullException.ThrowIfNull(library);
        Guard.InRange(fluxons, 0, 20, nameof(fluxons));
        var circuit = new JosephsonCircuit();
        int line = library.Jtl(circuit, "j", library.Source(circuit, "in", out int input));
        int neuron = library.Neuron(circuit, "N", line, loopInductancePh, 0);
        library.Jtl(circuit, "out", neuron);
        double top = 2 * library.Technology.CriticalCurrentUa;
        double start = FirstPulsePs + PulseSpacingPs * fluxons, end = start + 10 * top;
        circuit.AddBias(new CircuitBias(neuron, top, 0, start, end));
        var simulator = new CircuitSimulator(circuit, new CircuitOptions { TemperatureK = 0, TimeStepPs = timeStepPs });
        simulator.Settle();
        for (int k = 0; k < fluxons; k++)
        {
            simulator.InjectPulse(input, FirstPulsePs + PulseSpacingPs * k);
        }
        int output = circuit.JunctionIndex("N.Out"), stored = circuit.JunctionIndex("N.In");
        while (simulator.NetSlips(output) == 0 && simulator.TimePs < end)
        {
            simulator.Step();
        }
        if (simulator.NetSlips(stored) != fluxons || simulator.NetSlips(output) == 0 || simulator.TimePs < start)
        {
            throw new InvalidOperationException($"The loop of {loopInductancePh} pH did not hold {fluxons} fluxons up to its switching point (it took {simulator.NetSlips(stored)}).");
        }
        return circuit.Biases[^1].CurrentAt(simulator.TimePs);
    }

    /// <summary>The load a cell sees inside a network: a line of <see cref="LoadStages"/> JTL stages.
    /// (A cell at the open end of a line switches earlier: a gate driving one stage passes about
    /// twice as many pulses in its gray zone as one driving three or more.)</summary>
    private static void Line(SfqCellLibrary library, JosephsonCircuit circuit, string name, int from)
    {
        for (int k = 0; k < LoadStages; k++)
        {
            from = library.Jtl(circuit, $"{name}{k}", from);
        }
    }

    private static CellTiming Timing(JosephsonCircuit circuit, int input, int pulses, CircuitOptions options, string from, string to)
    {
        Guard.InRange(pulses, 2, 10_000_000, nameof(pulses));
        var slots = Run(circuit, input, pulses, options);
        int a = circuit.JunctionIndex(from), b = circuit.JunctionIndex(to);
        var delays = new List<double>();
        foreach (var slot in slots)
        {
            double delay = slot.FirstForward(b) - slot.FirstForward(a);
            if (double.IsFinite(delay))
            {
                delays.Add(delay);
            }
        }
        return new CellTiming(delays.Count > 0 ? delays.Average() : double.NaN, StandardDeviation(delays), delays.Count);
    }

    private static PulseSlot[] Run(JosephsonCircuit circuit, int input, int pulses, CircuitOptions options)
    {
        Guard.InRange(pulses, 1, 10_000_000, nameof(pulses));
        var simulator = new CircuitSimulator(circuit, options);
        simulator.Settle();
        for (int k = 0; k < pulses; k++)
        {
            simulator.InjectPulse(input, FirstPulsePs + PulseSpacingPs * k);
        }
        var slots = new PulseSlot[pulses];
        for (int k = 0; k < pulses; k++)
        {
            slots[k] = new PulseSlot(circuit.Junctions.Count);
        }
        for (int k = 0; k < pulses; k++)
        {
            simulator.RunUntil(FirstPulsePs + PulseSpacingPs * (k + 1));
            foreach (var slip in simulator.Slips)
            {
                int slot = (int)Math.Floor((slip.TimePs - FirstPulsePs) / PulseSpacingPs);
                slots[Math.Clamp(slot, 0, pulses - 1)].Add(slip);
            }
            simulator.ClearSlips();
        }
        return slots;
    }

    private static double StandardDeviation(List<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    private sealed class PulseSlot(int junctions)
    {
        private readonly int[] _net = new int[junctions];
        private readonly double[] _first = Enumerable.Repeat(double.NaN, junctions).ToArray();

        public void Add(PhaseSlip slip)
        {
            _net[slip.Junction] += slip.Direction;
            if (slip.Direction > 0 && double.IsNaN(_first[slip.Junction]))
            {
                _first[slip.Junction] = slip.TimePs;
            }
        }

        public int Net(int junction) => _net[junction];

        public double FirstForward(int junction) => _first[junction];
    }
}
