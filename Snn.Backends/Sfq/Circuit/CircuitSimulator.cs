using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// Transient simulation of a <see cref="JosephsonCircuit"/> in node phases φ (rad), with thermal noise.
/// <para><b>Equations.</b> Kirchhoff's current law at every node: the currents leaving it through
/// junctions (I_c sin θ + (Φ0/2πR) θ' + (Φ0C/2π) θ'' − i_n, θ the branch phase), resistors
/// ((Φ0/2πR) θ' − i_n) and inductors ((Φ0/2π) Σ_l Γ_kl θ_l, Γ the inverse of the inductance matrix,
/// which is diagonal, Γ_kk = 1/L_k, without mutual inductances) equal the bias currents fed into it. Units: ps, µA, pH, pF, Ω; Φ0/2π = 329.1 µA·pH.</para>
/// <para><b>Integrator.</b> The trapezoidal rule on the state (φ, φ'), with every force averaged
/// over the step ((sin θ_n + sin θ_{n+1})/2 and so on), solved for φ_{n+1} by Newton's method on a
/// band matrix. It is A-stable and second order. The noise of each shunt is a current held
/// constant over the step (the same for a resistor) with variance σ² = 2 k_B T / (R Δt) (white noise of two-sided density
/// 2 k_B T / R averaged over Δt). For any linear(ised) circuit this discretisation reproduces the
/// continuous stationary covariance exactly: with M = (1 − ΔtA/2)⁻¹(1 + ΔtA/2) and
/// K = (1 − ΔtA/2)⁻¹, P − M P Mᵀ = −Δt K (A P + P Aᵀ) Kᵀ = Δt K B Q Bᵀ Kᵀ, which is the
/// covariance the held noise adds per step. So equipartition, ⟨δθ²⟩ = k_B T / (E_J cos θ_0), holds
/// at any step size (the tests check it).</para>
/// <para><b>Pulses.</b> A junction's phase crossing π (mod 2π) upwards is a fluxon passing
/// (<see cref="PhaseSlip"/>, direction +1); downwards an antifluxon (−1).</para>
/// </summary>
public sealed class CircuitSimulator
{
    /// <summary>Φ0/2π in µA·pH: the current (µA) of a 1 rad phase across a 1 pH inductor.</summary>
    public const double ReducedFluxQuantumUaPh = SfqConstants.FluxQuantumUaPh / (2 * Math.PI);

    /// <summary>Φ0/2π in mV·ps: the voltage (mV) of a phase changing at 1 rad/ps.</summary>
    public const double ReducedFluxQuantumMvPs = SfqConstants.FluxQuantumMvPs / (2 * Math.PI);

    private const int MaxNewtonIterations = 40;

    private readonly JosephsonCircuit _circuit;
    private readonly double _dt;
    private readonly int _n;
    private readonly int[] _jPlus, _jMinus;
    private readonly double[] _ic, _damping, _mass, _sigma, _noise, _sinOld;
    private readonly int[] _lPlus, _lMinus;
    private readonly double[] _lCoefficient;
    private readonly int[] _mRow, _mColumn;
    private readonly double[] _mCoefficient;
    private readonly int[] _rPlus, _rMinus;
    private readonly double[] _rDamping, _rSigma, _rNoise;
    private readonly int[] _inNode;
    private readonly double[] _inCoefficient, _inWidth;
    private readonly List<double>[] _pulses;
    private readonly int[] _pulsePointer, _pulsesDone;
    private readonly double[] _phi, _velocity, _next, _residual;
    private readonly int[] _slipIndex, _netSlips;
    private readonly List<PhaseSlip> _slips = [];
    private readonly BandMatrix _constant, _work;
    private readonly bool _noisy;
    private CounterRng _rng;
    private long _steps;

    /// <summary>Prepares a simulation of <paramref name="circuit"/> at rest (all phases 0) at time 0.
    /// Call <see cref="Settle"/> to start from the DC operating point.</summary>
    /// <param name="circuit">The circuit; it must have at least one node and every node a junction or a resistor.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    public CircuitSimulator(JosephsonCircuit circuit, CircuitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        options ??= new CircuitOptions();
        options.Validate();
        Guard.PositiveCount(circuit.Nodes.Count, "circuit.Nodes.Count");
        _circuit = circuit;
        _dt = options.TimeStepPs;
        _n = circuit.Nodes.Count;
        var junctions = circuit.Junctions;
        int m = junctions.Count;
        _jPlus = new int[m];
        _jMinus = new int[m];
        _ic = new double[m];
        _damping = new double[m];
        _mass = new double[m];
        _sigma = new double[m];
        _noise = new double[m];
        _sinOld = new double[m];
        _slipIndex = new int[m];
        _netSlips = new int[m];
        var damped = new bool[_n];
        int bandwidth = 0;
        for (int j = 0; j < m; j++)
        {
            var junction = junctions[j];
            _jPlus[j] = junction.Plus;
            _jMinus[j] = junction.Minus;
            _ic[j] = junction.CriticalCurrentUa;
            _damping[j] = ReducedFluxQuantumMvPs * 1000 / junction.ShuntResistanceOhm;
            _mass[j] = ReducedFluxQuantumMvPs * 1000 * junction.CapacitancePf;
            _sigma[j] = Math.Sqrt(2 * SfqConstants.BoltzmannJPerK * options.TemperatureK / (junction.ShuntResistanceOhm * _dt * 1e-12)) * 1e6;
            Mark(damped, junction.Plus);
            Mark(damped, junction.Minus);
            bandwidth = Math.Max(bandwidth, Span(junction.Plus, junction.Minus));
        }
        var resistors = circuit.Resistors;
        _rPlus = resistors.Select(r => r.Plus).ToArray();
        _rMinus = resistors.Select(r => r.Minus).ToArray();
        _rDamping = resistors.Select(r => ReducedFluxQuantumMvPs * 1000 / r.ResistanceOhm).ToArray();
        _rSigma = resistors.Select(r => Math.Sqrt(2 * SfqConstants.BoltzmannJPerK * options.TemperatureK / (r.ResistanceOhm * _dt * 1e-12)) * 1e6).ToArray();
        _rNoise = new double[resistors.Count];
        foreach (var resistor in resistors)
        {
            Mark(damped, resistor.Plus);
            Mark(damped, resistor.Minus);
            bandwidth = Math.Max(bandwidth, Span(resistor.Plus, resistor.Minus));
        }
        for (int i = 0; i < _n; i++)
        {
            if (!damped[i])
            {
                throw new ArgumentException($"Node '{circuit.Nodes[i]}' has neither a junction nor a resistor: every node needs one (a capacitance or a damping keeps the integrator's matrix definite).", nameof(circuit));
            }
        }
        var inductors = circuit.Inductors;
        _lPlus = inductors.Select(l => l.Plus).ToArray();
        _lMinus = inductors.Select(l => l.Minus).ToArray();
        var (diagonal, offDiagonal) = InverseInductance.Compute(inductors, circuit.MutualInductances);
        _lCoefficient = inductors.Select((l, k) => ReducedFluxQuantumUaPh * diagonal[k] / l.InductancePh).ToArray();
        foreach (var inductor in inductors)
        {
            bandwidth = Math.Max(bandwidth, Span(inductor.Plus, inductor.Minus));
        }
        _mRow = offDiagonal.Select(e => e.Row).ToArray();
        _mColumn = offDiagonal.Select(e => e.Column).ToArray();
        _mCoefficient = offDiagonal.Select(e => ReducedFluxQuantumUaPh * e.Value).ToArray();
        foreach (var (row, column, _) in offDiagonal)
        {
            foreach (int a in new[] { _lPlus[row], _lMinus[row] })
            {
                foreach (int b in new[] { _lPlus[column], _lMinus[column] })
                {
                    bandwidth = Math.Max(bandwidth, Span(a, b));
                }
            }
        }
        var inputs = circuit.Inputs;
        _inNode = inputs.Select(p => p.Node).ToArray();
        _inCoefficient = inputs.Select(p => ReducedFluxQuantumUaPh / p.CouplingInductancePh).ToArray();
        _inWidth = inputs.Select(p => p.PulseWidthPs).ToArray();
        _pulses = inputs.Select(_ => new List<double>()).ToArray();
        _pulsePointer = new int[inputs.Count];
        _pulsesDone = new int[inputs.Count];
        _phi = new double[_n];
        _velocity = new double[_n];
        _next = new double[_n];
        _residual = new double[_n];
        _constant = new BandMatrix(_n, bandwidth);
        _work = new BandMatrix(_n, bandwidth);
        for (int j = 0; j < m; j++)
        {
            _constant.Stamp(_jPlus[j], _jMinus[j], 2 * _mass[j] / (_dt * _dt) + _damping[j] / _dt);
        }
        for (int k = 0; k < _lCoefficient.Length; k++)
        {
            _constant.Stamp(_lPlus[k], _lMinus[k], _lCoefficient[k] / 2);
        }
        for (int k = 0; k < _mCoefficient.Length; k++)
        {
            _constant.StampTransfer(_lPlus[_mRow[k]], _lMinus[_mRow[k]], _lPlus[_mColumn[k]], _lMinus[_mColumn[k]], _mCoefficient[k] / 2);
        }
        for (int k = 0; k < _rDamping.Length; k++)
        {
            _constant.Stamp(_rPlus[k], _rMinus[k], _rDamping[k] / _dt);
        }
        for (int k = 0; k < _inNode.Length; k++)
        {
            _constant.Stamp(_inNode[k], JosephsonCircuit.Ground, _inCoefficient[k] / 2);
        }
        _noisy = options.TemperatureK > 0;
        _rng = new CounterRng(options.Seed, RngStreams.User(SfqBackend.CircuitNoiseStream), options.Substream);
    }

    /// <summary>The circuit.</summary>
    public JosephsonCircuit Circuit => _circuit;

    /// <summary>Simulated time (ps).</summary>
    public double TimePs => _steps * _dt;

    /// <summary>The time step (ps).</summary>
    public double TimeStepPs => _dt;

    /// <summary>Every phase slip so far (since the last <see cref="ClearSlips"/>), in time order per step.</summary>
    public IReadOnlyList<PhaseSlip> Slips => _slips;

    /// <summary>Forgets the recorded slips (the net counts stay).</summary>
    public void ClearSlips() => _slips.Clear();

    /// <summary>Net 2π slips of a junction since the start (fluxons minus antifluxons).</summary>
    /// <param name="junction">Junction index.</param>
    public int NetSlips(int junction) => _netSlips[junction];

    /// <summary>The phase difference across a junction (rad).</summary>
    /// <param name="junction">Junction index.</param>
    public double JunctionPhase(int junction) => Branch(_phi, _jPlus[junction], _jMinus[junction]);

    /// <summary>The voltage across a junction, (Φ0/2π) dθ/dt (mV).</summary>
    /// <param name="junction">Junction index.</param>
    public double JunctionVoltageMv(int junction) => ReducedFluxQuantumMvPs * Branch(_velocity, _jPlus[junction], _jMinus[junction]);

    /// <summary>The current through an inductor from its plus to its minus node (µA), mutual inductances included.</summary>
    /// <param name="inductor">Inductor index.</param>
    public double InductorCurrentUa(int inductor)
    {
        Guard.InRange(inductor, 0, _lCoefficient.Length - 1, nameof(inductor));
        double current = _lCoefficient[inductor] * Branch(_phi, _lPlus[inductor], _lMinus[inductor]);
        for (int k = 0; k < _mCoefficient.Length; k++)
        {
            if (_mRow[k] == inductor)
            {
                current += _mCoefficient[k] * Branch(_phi, _lPlus[_mColumn[k]], _lMinus[_mColumn[k]]);
            }
        }
        return current;
    }

    /// <summary>The phase of a node (rad).</summary>
    /// <param name="node">Node index.</param>
    public double NodePhase(int node) => _phi[node];

    /// <summary>Schedules an SFQ pulse of an input at <paramref name="timePs"/>.</summary>
    /// <param name="input">Input index.</param>
    /// <param name="timePs">Start of the pulse (ps), not before the current time nor before the input's previous pulse.</param>
    public void InjectPulse(int input, double timePs)
    {
        Guard.InRange(input, 0, _pulses.Length - 1, nameof(input));
        var list = _pulses[input];
        double earliest = Math.Max(TimePs, list.Count > 0 ? list[^1] : double.NegativeInfinity);
        Guard.InRange(timePs, earliest, double.MaxValue, nameof(timePs));
        list.Add(timePs);
    }

    /// <summary>Moves the phases to the DC operating point under the sources' current values
    /// (Newton's method from the present phases), with all velocities 0.</summary>
    public void Settle()
    {
        double time = TimePs;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            Array.Clear(_residual);
            Array.Clear(_work.Values);
            for (int j = 0; j < _ic.Length; j++)
            {
                double theta = Branch(_phi, _jPlus[j], _jMinus[j]);
                AddCurrent(_residual, _jPlus[j], _jMinus[j], _ic[j] * Math.Sin(theta));
                _work.Stamp(_jPlus[j], _jMinus[j], _ic[j] * Math.Cos(theta) + 1e-9);
            }
            for (int k = 0; k < _lCoefficient.Length; k++)
            {
                AddCurrent(_residual, _lPlus[k], _lMinus[k], _lCoefficient[k] * Branch(_phi, _lPlus[k], _lMinus[k]));
                _work.Stamp(_lPlus[k], _lMinus[k], _lCoefficient[k]);
            }
            for (int k = 0; k < _mCoefficient.Length; k++)
            {
                int r = _mRow[k], c = _mColumn[k];
                AddCurrent(_residual, _lPlus[r], _lMinus[r], _mCoefficient[k] * Branch(_phi, _lPlus[c], _lMinus[c]));
                _work.StampTransfer(_lPlus[r], _lMinus[r], _lPlus[c], _lMinus[c], _mCoefficient[k]);
            }
            for (int k = 0; k < _inNode.Length; k++)
            {
                _residual[_inNode[k]] += _inCoefficient[k] * (_phi[_inNode[k]] - SourcePhase(k, time));
                _work.Stamp(_inNode[k], JosephsonCircuit.Ground, _inCoefficient[k]);
            }
            for (int k = 0; k < _rDamping.Length; k++)
            {
                _work.Stamp(_rPlus[k], _rMinus[k], 1e-9);
            }
            foreach (var bias in _circuit.Biases)
            {
                _residual[bias.Node] -= bias.CurrentAt(time);
            }
            for (int i = 0; i < _n; i++)
            {
                _residual[i] = -_residual[i];
            }
            _work.SolveInPlace(_residual);
            double largest = 0;
            for (int i = 0; i < _n; i++)
            {
                largest = Math.Max(largest, Math.Abs(_residual[i]));
            }
            double scale = largest > 0.3 ? 0.3 / largest : 1;
            for (int i = 0; i < _n; i++)
            {
                _phi[i] += scale * _residual[i];
            }
            if (largest < 1e-12)
            {
                Array.Clear(_velocity);
                ResetSlipIndices();
                return;
            }
        }
        throw new InvalidOperationException("The circuit has no DC operating point reachable from its present phases (a junction biased above I_c?).");
    }

    /// <summary>Integrates until <paramref name="timePs"/> (whole steps).</summary>
    /// <param name="timePs">End time (ps), finite.</param>
    public void RunUntil(double timePs)
    {
        Guard.Finite(timePs, nameof(timePs));
        while (TimePs + 0.5 * _dt < timePs)
        {
            Step();
        }
    }

    /// <summary>One time step.</summary>
    public void Step()
    {
        double t0 = TimePs, t1 = (_steps + 1) * _dt, dt = _dt;
        int m = _ic.Length;
        for (int j = 0; j < m; j++)
        {
            _sinOld[j] = Math.Sin(Branch(_phi, _jPlus[j], _jMinus[j]));
            _noise[j] = _noisy ? _sigma[j] * _rng.NextNormal() : 0;
        }
        for (int k = 0; k < _rNoise.Length; k++)
        {
            _rNoise[k] = _noisy ? _rSigma[k] * _rng.NextNormal() : 0;
        }
        for (int i = 0; i < _n; i++)
        {
            _next[i] = _phi[i] + _velocity[i] * dt;
        }
        Span<double> sourceMean = stackalloc double[_inNode.Length];
        for (int k = 0; k < _inNode.Length; k++)
        {
            sourceMean[k] = 0.5 * (SourcePhase(k, t0) + SourcePhase(k, t1));
        }
        double largest = double.PositiveInfinity;
        for (int iteration = 0; largest > 1e-10; iteration++)
        {
            if (iteration == MaxNewtonIterations)
            {
                throw new InvalidOperationException($"Newton's method did not converge at t = {t0} ps (largest correction {largest} rad); use a smaller TimeStepPs than {dt} ps.");
            }
            Array.Clear(_residual);
            _work.CopyFrom(_constant);
            for (int j = 0; j < m; j++)
            {
                int a = _jPlus[j], b = _jMinus[j];
                double theta0 = Branch(_phi, a, b), theta1 = Branch(_next, a, b), change = theta1 - theta0;
                double current = _mass[j] * (2 * change / dt - 2 * Branch(_velocity, a, b)) / dt + _damping[j] * change / dt
                    + 0.5 * _ic[j] * (_sinOld[j] + Math.Sin(theta1)) - _noise[j];
                AddCurrent(_residual, a, b, current);
                _work.Stamp(a, b, 0.5 * _ic[j] * Math.Cos(theta1));
            }
            for (int k = 0; k < _lCoefficient.Length; k++)
            {
                int a = _lPlus[k], b = _lMinus[k];
                AddCurrent(_residual, a, b, 0.5 * _lCoefficient[k] * (Branch(_phi, a, b) + Branch(_next, a, b)));
            }
            for (int k = 0; k < _mCoefficient.Length; k++)
            {
                int r = _mRow[k], c = _mColumn[k];
                double theta = Branch(_phi, _lPlus[c], _lMinus[c]) + Branch(_next, _lPlus[c], _lMinus[c]);
                AddCurrent(_residual, _lPlus[r], _lMinus[r], 0.5 * _mCoefficient[k] * theta);
            }
            for (int k = 0; k < _rDamping.Length; k++)
            {
                int a = _rPlus[k], b = _rMinus[k];
                AddCurrent(_residual, a, b, _rDamping[k] * (Branch(_next, a, b) - Branch(_phi, a, b)) / dt - _rNoise[k]);
            }
            for (int k = 0; k < _inNode.Length; k++)
            {
                int node = _inNode[k];
                _residual[node] += _inCoefficient[k] * (0.5 * (_phi[node] + _next[node]) - sourceMean[k]);
            }
            foreach (var bias in _circuit.Biases)
            {
                _residual[bias.Node] -= 0.5 * (bias.CurrentAt(t0) + bias.CurrentAt(t1));
            }
            for (int i = 0; i < _n; i++)
            {
                _residual[i] = -_residual[i];
            }
            _work.SolveInPlace(_residual);
            largest = 0;
            for (int i = 0; i < _n; i++)
            {
                _next[i] += _residual[i];
                largest = Math.Max(largest, Math.Abs(_residual[i]));
            }
        }
        for (int i = 0; i < _n; i++)
        {
            _velocity[i] = 2 * (_next[i] - _phi[i]) / dt - _velocity[i];
        }
        for (int j = 0; j < m; j++)
        {
            double theta0 = Branch(_phi, _jPlus[j], _jMinus[j]), theta1 = Branch(_next, _jPlus[j], _jMinus[j]);
            int index = SlipIndex(theta1);
            for (int boundary = _slipIndex[j] + 1; boundary <= index; boundary++)
            {
                RecordSlip(j, t0, theta0, theta1, boundary, +1);
            }
            for (int boundary = _slipIndex[j]; boundary > index; boundary--)
            {
                RecordSlip(j, t0, theta0, theta1, boundary, -1);
            }
            _slipIndex[j] = index;
        }
        Array.Copy(_next, _phi, _n);
        _steps++;
        for (int k = 0; k < _pulses.Length; k++)
        {
            var list = _pulses[k];
            while (_pulsePointer[k] < list.Count && list[_pulsePointer[k]] + _inWidth[k] <= t1)
            {
                _pulsePointer[k]++;
                _pulsesDone[k]++;
            }
        }
    }

    private void RecordSlip(int j, double t0, double theta0, double theta1, int boundary, int direction)
    {
        double crossing = 2 * Math.PI * boundary - Math.PI;
        double fraction = Math.Clamp((crossing - theta0) / (theta1 - theta0), 0, 1);
        _slips.Add(new PhaseSlip(j, t0 + fraction * _dt, direction));
        _netSlips[j] += direction;
    }

    private void ResetSlipIndices()
    {
        for (int j = 0; j < _ic.Length; j++)
        {
            _slipIndex[j] = SlipIndex(Branch(_phi, _jPlus[j], _jMinus[j]));
        }
    }

    private double SourcePhase(int input, double time)
    {
        var list = _pulses[input];
        double phase = _pulsesDone[input];
        double width = _inWidth[input];
        for (int p = _pulsePointer[input]; p < list.Count && list[p] < time; p++)
        {
            double u = (time - list[p]) / width;
            phase += u >= 1 ? 1 : 0.5 * (1 - Math.Cos(Math.PI * u));
        }
        return 2 * Math.PI * phase;
    }

    private static int SlipIndex(double theta) => (int)Math.Floor((theta + Math.PI) / (2 * Math.PI));

    private static double Branch(double[] values, int a, int b) => (a >= 0 ? values[a] : 0) - (b >= 0 ? values[b] : 0);

    private static void AddCurrent(double[] residual, int a, int b, double current)
    {
        if (a >= 0)
        {
            residual[a] += current;
        }
        if (b >= 0)
        {
            residual[b] -= current;
        }
    }

    private static void Mark(bool[] marks, int node)
    {
        if (node >= 0)
        {
            marks[node] = true;
        }
    }

    private static int Span(int a, int b) => a >= 0 && b >= 0 ? Math.Abs(a - b) : 0;
}
