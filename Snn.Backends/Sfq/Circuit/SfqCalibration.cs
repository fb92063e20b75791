namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// Parameters of the pulse-level SFQ model measured in the circuit solver by
/// <see cref="SfqCalibrator"/> for one technology, temperature and global bias, and
/// <see cref="Apply"/>, which puts them into an <see cref="SfqTechnology"/> so that
/// <see cref="SfqBackend"/> runs the calibrated model.
/// <list type="bullet">
/// <item>Cell delays: the mean time from the slip of the junction driving a cell to the slip of
/// its last junction (JTL stage, splitter, merger, gate at full bias); the JTL stage's jitter.</item>
/// <item>Gate: p(I_b) = Φ((I_b − I_50)/σ) fitted by maximum likelihood (probit) to the pass counts
/// of the sweep, I_b being the gate's source bias; the double-switch rate d at the midpoint, from
/// the sweep's double-switch counts under the model P(double) = 4 d p (1 − p).</item>
/// <item>Neuron: the output bias at which a loop holding no fluxon loses its static state, I_sw(0),
/// and the drop of that bias per stored fluxon, ΔI (least squares over 0..3 fluxons); the
/// threshold a bias I_bn sets is n_th = (I_sw(0) − I_bn)/ΔI, where the closed-form model has
/// (I_c − I_bn) L / Φ0.</item>
/// <item>Format version 2 adds <see cref="Tables"/> (cell delay and jitter against temperature and
/// global bias scale, the gate's curve against temperature and bias scale, its delay against the
/// standard score of its bias), <see cref="GateSweeps"/> (every sweep the curves were fitted to)
/// and <see cref="NeuronSwitchingBiasesUa"/> (the threshold map point by point). A version 1 file
/// reads with these empty, and then applies as before: fixed delays and one gate curve.</item>
/// </list>
/// </summary>
public sealed record SfqCalibration
{
    /// <summary>Format version of the serialised calibration.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The oldest format version <see cref="SfqCalibrationFile"/> reads.</summary>
    public const int OldestReadableVersion = 1;

    /// <summary>Format version.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Temperature of the circuit runs (K).</summary>
    public double TemperatureK { get; init; }

    /// <summary>Global bias scale of the interconnect in the circuit runs.</summary>
    public double GlobalBiasScale { get; init; } = 1;

    /// <summary>Time step of the circuit runs (ps).</summary>
    public double TimeStepPs { get; init; }

    /// <summary>Pulses per measured point.</summary>
    public int PulsesPerPoint { get; init; }

    /// <summary>Critical current of the technology calibrated (µA).</summary>
    public double CriticalCurrentUa { get; init; }

    /// <summary>JTL stage delay (ps).</summary>
    public double JtlDelayPs { get; init; }

    /// <summary>JTL stage delay jitter (ps, standard deviation).</summary>
    public double JtlJitterPs { get; init; }

    /// <summary>Splitter delay (ps).</summary>
    public double SplitterDelayPs { get; init; }

    /// <summary>Merger delay (ps).</summary>
    public double MergerDelayPs { get; init; }

    /// <summary>Gate delay at full bias (ps): the median time from the input line's last junction to
    /// the last junction of the first JTL stage after the gate, minus one JTL stage delay.</summary>
    public double GateDelayPs { get; init; }

    /// <summary>Gate bias at which half the pulses pass, I_50 (µA).</summary>
    public double GateHalfPassBiasUa { get; init; }

    /// <summary>Width of the gate's switching curve σ (µA).</summary>
    public double GateSpreadUa { get; init; }

    /// <summary>Double-switch rate at the gate's midpoint, d.</summary>
    public double GateDoubleSwitchRate { get; init; }

    /// <summary>The gate sweep the fit used.</summary>
    public IReadOnlyList<GateSweepPoint> GateSweep { get; init; } = [];

    /// <summary>Loop inductance of the calibrated neuron (pH).</summary>
    public double NeuronLoopInductancePh { get; init; }

    /// <summary>Output bias at which an empty loop switches, I_sw(0) (µA).</summary>
    public double NeuronZeroFluxSwitchingBiasUa { get; init; }

    /// <summary>Drop of the switching bias per stored fluxon, ΔI (µA).</summary>
    public double NeuronFluxonCurrentUa { get; init; }

    /// <summary>Output bias (µA) at which the loop holding k fluxons switches, for k = 0, 1, ...
    /// (the points <see cref="NeuronZeroFluxSwitchingBiasUa"/> and <see cref="NeuronFluxonCurrentUa"/>
    /// are fitted to); empty in version 1.</summary>
    public IReadOnlyList<double> NeuronSwitchingBiasesUa { get; init; } = [];

    /// <summary>Every gate sweep of the calibration, one per temperature and global bias scale; empty in version 1.</summary>
    public IReadOnlyList<GateSweep> GateSweeps { get; init; } = [];

    /// <summary>The tabulated cell timing and gate curves; null in version 1.</summary>
    public SfqCalibratedTables? Tables { get; init; }

    /// <summary>The calibrated pass probability of a gate biased at <paramref name="biasUa"/>.</summary>
    /// <param name="biasUa">Gate bias (µA).</param>
    public double PassProbability(double biasUa) => NormalDistribution.Cdf((biasUa - GateHalfPassBiasUa) / GateSpreadUa);

    /// <summary><paramref name="technology"/> with this calibration's cell delays, gate curve,
    /// double-switch rate, switching jitter and neuron threshold map. The cells count the
    /// junctions that switch in the circuit: one per gate outcome, two per merged pulse. With
    /// <see cref="Tables"/> the technology also carries them, and its gate curve at bias scale 1
    /// (which maps weights to biases) is the tables' curve at the technology's temperature.</summary>
    /// <param name="technology">The technology the calibration was measured for.</param>
    public SfqTechnology Apply(SfqTechnology technology)
    {
        ArgumentNullException.ThrowIfNull(technology);
        if (Math.Abs(technology.LoopInductancePh - NeuronLoopInductancePh) > 1e-9 * NeuronLoopInductancePh
            || Math.Abs(technology.CriticalCurrentUa - CriticalCurrentUa) > 1e-9 * CriticalCurrentUa)
        {
            throw new ArgumentException($"The calibration was measured for I_c = {CriticalCurrentUa} µA and L = {NeuronLoopInductancePh} pH, not I_c = {technology.CriticalCurrentUa} µA and L = {technology.LoopInductancePh} pH.", nameof(technology));
        }
        double half = GateHalfPassBiasUa, spread = GateSpreadUa, doubles = GateDoubleSwitchRate;
        if (Tables is { GateCurves.Count: > 0 })
        {
            (half, spread, doubles) = Tables.GateCurve(technology.TemperatureK, 1);
        }
        return technology with
        {
            Jtl = technology.Jtl with { DelayPs = JtlDelayPs },
            Splitter = technology.Splitter with { DelayPs = SplitterDelayPs },
            Merger = new SfqCell("M", MergerDelayPs, 3, 2),
            Gate = new SfqCell("gate", GateDelayPs, 2, 1),
            GateHalfPassBiasUa = half,
            GateSwitchingSpreadUa = spread,
            GateDoubleSwitchRate = doubles,
            SwitchingJitterPs = JtlJitterPs / Math.Sqrt(2),
            NeuronZeroFluxSwitchingBiasUa = NeuronZeroFluxSwitchingBiasUa,
            NeuronFluxonCurrentUa = NeuronFluxonCurrentUa,
            Tables = Tables,
        };
    }
}
