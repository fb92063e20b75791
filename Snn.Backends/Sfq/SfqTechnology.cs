using Snn.Core.Validation;

namespace Snn.Backends.Sfq;

/// <summary>
/// The physical parameters of the SFQ model. Defaults describe a niobium process like MIT Lincoln
/// Laboratory's SFQ5ee (Tolpygo et al., IEEE TAS 25, 1101312, 2015: J_c = 100 µA/µm², externally
/// shunted junctions with I_c R_n ≈ 0.7 mV) operated at 4.2 K. Derived quantities:
/// <list type="bullet">
/// <item>switching time τ_sw = Φ0 / (I_c R_n) (the width of an SFQ pulse; ≈ 3 ps);</item>
/// <item>thermal noise current σ_I = √(4 k_B T Δf / R_n) with the junction's characteristic
/// bandwidth Δf = I_c R_n / Φ0, i.e. σ_I = √(4 k_B T I_c / Φ0) (≈ 3.3 µA at 100 µA, 4.2 K);
/// this sets the width of the switching-probability (error-function) curve;</item>
/// <item>thermal timing jitter per switching junction σ_t = τ_sw σ_I / I_c (≈ 0.1 ps, the order
/// measured for JTL stages, Rylyakov &amp; Likharev, IEEE TAS 9, 3539, 1999);</item>
/// <item>energy per switching event E = I_c Φ0 (≈ 2×10⁻¹⁹ J).</item>
/// </list>
/// </summary>
public sealed record SfqTechnology
{
    /// <summary>Critical current of every junction, I_c (µA), &gt; 0. Default 100.</summary>
    public double CriticalCurrentUa { get; init; } = 100;

    /// <summary>Shunt (normal) resistance R_n (Ω), &gt; 0. Default 7 (I_c R_n = 0.7 mV).</summary>
    public double ShuntResistanceOhm { get; init; } = 7;

    /// <summary>Capacitance of a junction of critical current <see cref="CriticalCurrentUa"/> (pF), &gt; 0.
    /// Default 0.07 (a specific capacitance of about 70 fF/µm² at J_c = 100 µA/µm²), which with the
    /// 7 Ω shunt gives a Stewart–McCumber parameter β_c = 2π I_c R² C / Φ0 ≈ 1 (critically damped).
    /// Used by the circuit solver (<see cref="Circuit.SfqCellLibrary"/>); junctions of other I_c
    /// scale C ∝ I_c and R ∝ 1/I_c (same J_c, same I_c R_n).</summary>
    public double JunctionCapacitancePf { get; init; } = 0.07;

    /// <summary>Temperature T (K), &gt; 0. Default 4.2 (liquid helium).</summary>
    public double TemperatureK { get; init; } = 4.2;

    /// <summary>Current an incoming SFQ pulse adds to a gate junction, as a fraction of I_c, in (0, 1).
    /// The gate passes a pulse when bias + pulse current + noise ≥ I_c, so its 50 % point is
    /// I_c (1 − this). Default 0.3.</summary>
    public double PulseCurrentFraction { get; init; } = 0.3;

    /// <summary>Inductance of a neuron's storage loop L (pH), &gt; 0. One stored fluxon circulates
    /// Φ0/L (20.7 µA at the default 100 pH).</summary>
    public double LoopInductancePh { get; init; } = 100;

    /// <summary>Bias rail voltage of RSFQ (mV), &gt; 0. Default 2.6 (SFQ5ee cells).</summary>
    public double BiasVoltageMv { get; init; } = 2.6;

    /// <summary>Bias of interconnect junctions (JTL, splitter, merger) as a fraction of I_c, in (0, 1). Default 0.7.</summary>
    public double InterconnectBiasFraction { get; init; } = 0.7;

    /// <summary>Relative global bias deviation the interconnect cells tolerate (±), in (0, 1).
    /// Default 0.3 (±30 %, typical RSFQ cell margins). Outside it their pulses are lost.</summary>
    public double InterconnectBiasMargin { get; init; } = 0.3;

    /// <summary>Junctions of one neuron (storage loop, output junction, reset/escape junction). Default 3.</summary>
    public int NeuronJunctions { get; init; } = 3;

    /// <summary>How the junctions are biased. Default <see cref="SfqLogicFamily.Rsfq"/>.</summary>
    public SfqLogicFamily Family { get; init; } = SfqLogicFamily.Rsfq;

    /// <summary>Wall-plug watts per watt dissipated at 4 K (W/W), ≥ 0. Default 400 (Holmes, Ripple
    /// &amp; Manheimer, IEEE TAS 23, 1701610, 2013: 400–1000 W/W for large 4 K cryocoolers); 0 omits it.</summary>
    public double CryocoolerOverhead { get; init; } = 400;

    /// <summary>JTL stage.</summary>
    public SfqCell Jtl { get; init; } = SfqCell.Jtl;

    /// <summary>Splitter (fan-out trees).</summary>
    public SfqCell Splitter { get; init; } = SfqCell.Splitter;

    /// <summary>Merger (fan-in trees).</summary>
    public SfqCell Merger { get; init; } = SfqCell.Merger;

    /// <summary>Stochastic synapse gate.</summary>
    public SfqCell Gate { get; init; } = SfqCell.StochasticGate;

    /// <summary>Gate bias at which half the pulses pass, I_50 (µA, for a gate of critical current
    /// <see cref="CriticalCurrentUa"/>; scaled with a gate's own I_c), &gt; 0; null (default) for the
    /// closed form I_c (1 − <see cref="PulseCurrentFraction"/>). Set by <see cref="Circuit.SfqCalibration.Apply"/>.</summary>
    public double? GateHalfPassBiasUa { get; init; }

    /// <summary>Width σ of the gate's switching curve (µA), &gt; 0; null (default) for <see cref="NoiseCurrentUa"/>.</summary>
    public double? GateSwitchingSpreadUa { get; init; }

    /// <summary>Double-switch rate at the gate's midpoint d, in [0, 1]: a pulse passes and also
    /// switches the escape junction with probability 4 d p (1 − p), and the same gate then loses
    /// its next pulse. Default 0 (the closed-form model has no double switch).</summary>
    public double GateDoubleSwitchRate { get; init; }

    /// <summary>Timing jitter per switching junction (ps), ≥ 0; null (default) for the thermal
    /// estimate τ_sw σ_I / I_c.</summary>
    public double? SwitchingJitterPs { get; init; }

    /// <summary>Output bias at which a neuron loop holding no flux switches (µA), &gt; 0; null
    /// (default) for <see cref="CriticalCurrentUa"/>.</summary>
    public double? NeuronZeroFluxSwitchingBiasUa { get; init; }

    /// <summary>Drop of the neuron's switching bias per stored fluxon (µA), &gt; 0; null (default) for Φ0 / L.</summary>
    public double? NeuronFluxonCurrentUa { get; init; }

    /// <summary>Cell timing and gate curves measured in the circuit solver over temperature and
    /// global bias scale; null (default) for the fixed cell delays and gate curve above. When set,
    /// <see cref="SfqBackend"/> reads, at <see cref="TemperatureK"/> and the operating global bias
    /// scale, every cell's delay and jitter, whether the interconnect works (instead of
    /// <see cref="InterconnectBiasMargin"/>), the gate's pass curve and double-switch rate, and each
    /// gate's delay and jitter at its own bias (the gray-zone delay). Set by <see cref="Circuit.SfqCalibration.Apply"/>.</summary>
    public SfqCalibratedTables? Tables { get; init; }

    /// <summary>The default niobium 4.2 K technology.</summary>
    public static SfqTechnology Default { get; } = new();

    /// <summary>Switching time τ_sw = Φ0 / (I_c R_n) (ps).</summary>
    public double SwitchingTimePs => SfqConstants.FluxQuantumMvPs / (CriticalCurrentUa * ShuntResistanceOhm * 1e-3);

    /// <summary>Thermal noise current σ_I = √(4 k_B T I_c / Φ0) (µA).</summary>
    public double NoiseCurrentUa => Math.Sqrt(4 * SfqConstants.BoltzmannJPerK * TemperatureK * CriticalCurrentUa * 1e-6 / SfqConstants.FluxQuantumWb) * 1e6;

    /// <summary>Timing jitter of one switching junction (ps): <see cref="SwitchingJitterPs"/> when set, else σ_t = τ_sw σ_I / I_c.</summary>
    public double ThermalJitterPs => SwitchingJitterPs ?? SwitchingTimePs * NoiseCurrentUa / CriticalCurrentUa;

    /// <summary>Energy of one switching event I_c Φ0 (J).</summary>
    public double EnergyPerSwitchJ => CriticalCurrentUa * 1e-6 * SfqConstants.FluxQuantumWb;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid parameter.</summary>
    public void Validate()
    {
        Guard.Positive(CriticalCurrentUa, nameof(CriticalCurrentUa));
        Guard.Positive(ShuntResistanceOhm, nameof(ShuntResistanceOhm));
        Guard.Positive(JunctionCapacitancePf, nameof(JunctionCapacitancePf));
        Guard.Positive(TemperatureK, nameof(TemperatureK));
        Guard.InRange(PulseCurrentFraction, 1e-6, 1 - 1e-6, nameof(PulseCurrentFraction));
        Guard.Positive(LoopInductancePh, nameof(LoopInductancePh));
        Guard.Positive(BiasVoltageMv, nameof(BiasVoltageMv));
        Guard.InRange(InterconnectBiasFraction, 1e-6, 1 - 1e-6, nameof(InterconnectBiasFraction));
        Guard.InRange(InterconnectBiasMargin, 1e-6, 1 - 1e-6, nameof(InterconnectBiasMargin));
        Guard.InRange(NeuronJunctions, 1, 1000, nameof(NeuronJunctions));
        Guard.NonNegative(CryocoolerOverhead, nameof(CryocoolerOverhead));
        if (GateHalfPassBiasUa is { } half)
        {
            Guard.Positive(half, nameof(GateHalfPassBiasUa));
        }
        if (GateSwitchingSpreadUa is { } spread)
        {
            Guard.Positive(spread, nameof(GateSwitchingSpreadUa));
        }
        Guard.Probability(GateDoubleSwitchRate, nameof(GateDoubleSwitchRate));
        if (SwitchingJitterPs is { } jitter)
        {
            Guard.NonNegative(jitter, nameof(SwitchingJitterPs));
        }
        if (NeuronZeroFluxSwitchingBiasUa is { } zeroFlux)
        {
            Guard.Positive(zeroFlux, nameof(NeuronZeroFluxSwitchingBiasUa));
        }
        if (NeuronFluxonCurrentUa is { } perFluxon)
        {
            Guard.Positive(perFluxon, nameof(NeuronFluxonCurrentUa));
        }
        Tables?.Validate();
        Jtl.Validate();
        Splitter.Validate();
        Merger.Validate();
        Gate.Validate();
    }
}
