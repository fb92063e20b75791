using Snn.Core.Validation;

namespace Snn.Backends.Crossbar;

/// <summary>
/// The statistics of one resistive-memory technology as the crossbar backend uses them. A weight w
/// of a projection whose largest magnitude is w_max is stored on a differential pair of cells:
/// <code>
/// G+ = GMin + max(w, 0)·(GMax − GMin)/w_max,   G− = GMin + max(−w, 0)·(GMax − GMin)/w_max
/// (rounded to Levels equally spaced values in [GMin, GMax] when Levels is set)
/// G_prog = (G_target + s·σ_prog(G_target)·ξ₁)·(1 + σ_d2d·ξ₂),  clipped at 0 µS
/// σ_prog(G) = max(Σᵢ cᵢ·(G / G_ref)ⁱ, 0) µS           (aihwkit's polynomial programming noise)
/// stuck-at: with probability StuckOnRate the cell reads GMax, with StuckOffRate it reads GMin
/// G(t) = G_prog·((t + t₀)/t₀)^(−ν),  ν = |ν̄ + σ_ν·ξ₃| per device   (power-law drift, aihwkit's convention)
/// each read: G·(1 + σ_read·ξ)                          (cycle-to-cycle read noise)
/// </code>
/// On-chip learning changes cells with programming pulses whose response is <see cref="Update"/>.
/// ξ are standard normal draws from Snn's counter-based generator, one set per cell, so a chip is
/// reproducible from its seed. Conductances are in µS, times in s. Presets cite their sources; a
/// preset value nobody measured says so in <see cref="Source"/>.
/// </summary>
public sealed record ResistiveDevice
{
    /// <summary>A short name for tables.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Where the numbers come from.</summary>
    public string Source { get; init; } = "user supplied";

    /// <summary>Lowest programmable conductance (µS), ≥ 0. Default 0.</summary>
    public double GMin { get; init; }

    /// <summary>Highest programmable conductance (µS), &gt; <see cref="GMin"/>. Default 25.</summary>
    public double GMax { get; init; } = 25;

    /// <summary>Number of distinct programmable conductance levels in [GMin, GMax] (2 to 65536), or null
    /// for a continuous (analog) target.</summary>
    public int? Levels { get; init; }

    /// <summary>Coefficients cᵢ of the programming-noise polynomial σ_prog(G) = max(Σ cᵢ (G/G_ref)ⁱ, 0) (µS);
    /// empty for no programming noise.</summary>
    public IReadOnlyList<double> ProgrammingNoiseCoefficients { get; init; } = [];

    /// <summary>The conductance G_ref (µS, &gt; 0) the polynomial's argument is divided by. Default 1.</summary>
    public double ProgrammingNoiseReference { get; init; } = 1;

    /// <summary>Scale s of the programming noise (≥ 0; 1 = as published). Default 1.</summary>
    public double ProgrammingNoiseScale { get; init; } = 1;

    /// <summary>Relative standard deviation of the conductance per read (cycle-to-cycle), ≥ 0. Default 0.</summary>
    public double ReadNoise { get; init; }

    /// <summary>Relative standard deviation of a fixed per-device gain on the programmed conductance
    /// (device-to-device variation of open-loop programming), ≥ 0. Default 0.</summary>
    public double DeviceToDevice { get; init; }

    /// <summary>Probability that a cell is stuck in the low-resistance state, in [0, 1]. Default 0.</summary>
    public double StuckOnRate { get; init; }

    /// <summary>Probability that a cell is stuck in the high-resistance state, in [0, 1]. Default 0.</summary>
    public double StuckOffRate { get; init; }

    /// <summary>Mean drift exponent ν̄ (dimensionless), ≥ 0. Default 0 (no drift).</summary>
    public double DriftNuMean { get; init; }

    /// <summary>Device-to-device standard deviation of the drift exponent σ_ν, ≥ 0. Default 0.</summary>
    public double DriftNuStd { get; init; }

    /// <summary>Reference time t₀ of the drift law (s) after programming, &gt; 0. Default 20 (aihwkit).</summary>
    public double DriftT0 { get; init; } = 20;

    /// <summary>Mean conductance (µS) of cells switched by one identical SET pulse, the source of the
    /// zero-shot LSM's random weights (<see cref="StochasticSwitching"/>). Default 0 (not characterised).</summary>
    public double SwitchingMean { get; init; }

    /// <summary>Standard deviation (µS) of the conductance of identically switched cells, ≥ 0. Default 0.</summary>
    public double SwitchingStd { get; init; }

    /// <summary>How the cells respond to programming pulses during on-chip learning (plastic projections).
    /// Default <see cref="PulseUpdateModel.Ideal"/>.</summary>
    public PulseUpdateModel Update { get; init; } = PulseUpdateModel.Ideal;

    /// <summary>The conductance step between levels (µS), or 0 for a continuous target.</summary>
    public double LevelStep => Levels is int levels ? (GMax - GMin) / (levels - 1) : 0;

    /// <summary>The programming-noise standard deviation σ_prog (µS) at target conductance <paramref name="g"/> (µS),
    /// including <see cref="ProgrammingNoiseScale"/>.</summary>
    public double ProgrammingSigma(double g)
    {
        double x = g / ProgrammingNoiseReference;
        double power = 1;
        double sigma = 0;
        foreach (double c in ProgrammingNoiseCoefficients)
        {
            sigma += c * power;
            power *= x;
        }
        return Math.Max(sigma, 0) * ProgrammingNoiseScale;
    }

    /// <summary>Rounds a target conductance (µS) to the nearest level; unchanged when continuous.</summary>
    public double Quantize(double g)
    {
        if (Levels is null)
        {
            return g;
        }
        double step = LevelStep;
        return GMin + Math.Round((g - GMin) / step) * step;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid parameter.</summary>
    public void Validate()
    {
        Guard.NonNegative(GMin, nameof(GMin));
        Guard.Finite(GMax, nameof(GMax));
        if (GMax <= GMin)
        {
            throw new ArgumentOutOfRangeException(nameof(GMax), GMax, $"GMax = {GMax} µS must be above GMin = {GMin} µS.");
        }
        if (Levels is int levels)
        {
            Guard.InRange(levels, 2, 65536, nameof(Levels));
        }
        ArgumentNullException.ThrowIfNull(ProgrammingNoiseCoefficients, nameof(ProgrammingNoiseCoefficients));
        for (int i = 0; i < ProgrammingNoiseCoefficients.Count; i++)
        {
            Guard.Finite(ProgrammingNoiseCoefficients[i], $"{nameof(ProgrammingNoiseCoefficients)}[{i}]");
        }
        Guard.Positive(ProgrammingNoiseReference, nameof(ProgrammingNoiseReference));
        Guard.NonNegative(ProgrammingNoiseScale, nameof(ProgrammingNoiseScale));
        Guard.NonNegative(ReadNoise, nameof(ReadNoise));
        Guard.NonNegative(DeviceToDevice, nameof(DeviceToDevice));
        Guard.Probability(StuckOnRate, nameof(StuckOnRate));
        Guard.Probability(StuckOffRate, nameof(StuckOffRate));
        if (StuckOnRate + StuckOffRate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(StuckOffRate), StuckOffRate,
                $"StuckOnRate + StuckOffRate = {StuckOnRate + StuckOffRate} must be at most 1.");
        }
        Guard.NonNegative(DriftNuMean, nameof(DriftNuMean));
        Guard.NonNegative(DriftNuStd, nameof(DriftNuStd));
        Guard.Positive(DriftT0, nameof(DriftT0));
        Guard.NonNegative(SwitchingMean, nameof(SwitchingMean));
        Guard.NonNegative(SwitchingStd, nameof(SwitchingStd));
        ArgumentNullException.ThrowIfNull(Update, nameof(Update));
        Update.Validate();
    }

    /// <summary>A perfect device: continuous levels in [0, 25] µS, no noise, no faults, no drift.</summary>
    public static ResistiveDevice Ideal => new() { Name = "ideal", Source = "no non-idealities (reference)" };

    /// <summary>
    /// IBM's phase-change memory statistics as in aihwkit's <c>PCMLikeNoiseModel</c> (Nandakumar et al.,
    /// ICECS 2019; fitted on a 1-million-device PCM array): G in [0, 25] µS, programming noise
    /// σ = max(0.26348 + 1.9650·g − 1.1731·g², 0) µS with g = G/25 µS, drift ν ~ |N(0.049, 0.008)|
    /// with t₀ = 20 s (aihwkit's conductance-dependent ν̄ and σ_ν are clamped to these values for
    /// G ≥ 0.33·GMax; below, ν̄ falls and σ_ν grows, which this preset does not follow), read noise 1 %
    /// per read (aihwkit's documented short-term read-noise guidance). On-chip updates follow aihwkit's
    /// PCM preset (<see cref="PulseUpdateModel.PcmNandakumar2020"/>: gradual SET, abrupt RESET, one-sided pairs).
    /// </summary>
    public static ResistiveDevice AihwkitPcm => new()
    {
        Name = "pcm-aihwkit",
        Source = "aihwkit PCMLikeNoiseModel (Nandakumar et al., ICECS 2019): measured on 1M PCM devices",
        GMin = 0,
        GMax = 25,
        ProgrammingNoiseCoefficients = [0.26348, 1.9650, -1.1731],
        ProgrammingNoiseReference = 25,
        ReadNoise = 0.01,
        DriftNuMean = 0.049,
        DriftNuStd = 0.008,
        DriftT0 = 20,
        Update = PulseUpdateModel.PcmNandakumar2020,
    };

    /// <summary>
    /// Wan et al. (Nature 2022, NeuRRAM) ReRAM as fitted in aihwkit's <c>ReRamWan2022NoiseModel</c>: G in
    /// [0, 40] µS, programming noise after 1 s σ = max(0.348 + 16.030·g − 43.853·g² + 45.393·g³ − 16.815·g⁴, 0) µS
    /// with g = G/40 µS, read noise 1 % per read (aihwkit's note), no power-law drift (aihwkit models
    /// ReRAM relaxation as a wider spread at 1 day instead).
    /// </summary>
    public static ResistiveDevice ReRamWan2022 => new()
    {
        Name = "reram-wan2022",
        Source = "aihwkit ReRamWan2022NoiseModel (Wan et al., Nature 608, 2022): fitted to published measurements",
        GMin = 0,
        GMax = 40,
        ProgrammingNoiseCoefficients = [0.348, 16.030, -43.853, 45.393, -16.815],
        ProgrammingNoiseReference = 40,
        ReadNoise = 0.01,
    };

    /// <summary>
    /// DNN+NeuroSim V2.1's default RRAM cell (<c>Param.cpp</c>): R_on = 100 kΩ and R_off = 1 MΩ, so G in
    /// [1, 10] µS, 32 levels (cellBit = 5); NeuroSim's inference defaults add no device noise.
    /// </summary>
    public static ResistiveDevice NeuroSimRram => new()
    {
        Name = "rram-neurosim",
        Source = "DNN+NeuroSim V2.1 Param.cpp defaults (pre-silicon benchmark parameters)",
        GMin = 1,
        GMax = 10,
        Levels = 32,
    };

    /// <summary>
    /// A high-conductance filamentary ReRAM with the statistics quoted in Snn's issue 10: G in [50, 225] µS,
    /// programming noise σ = max(−0.0007·G + 4.782, 0) µS, MNSIM's 0.1 % stuck-at-LRS and 0.1 % stuck-at-HRS
    /// (Xia et al., IEEE TCAD 2018). The primary publication of the σ fit was not checked. The switching
    /// distribution (137.5 ± 35 µS) for zero-shot random weights is an assumption, not a measurement:
    /// Lin et al. (Nat. Comput. Sci. 2025) exploit such a distribution but we did not have its numbers.
    /// </summary>
    public static ResistiveDevice ReRamHighConductance => new()
    {
        Name = "reram-50-225uS",
        Source = "issue 10's quoted fit (unverified) + MNSIM stuck-at rates; switching distribution assumed",
        GMin = 50,
        GMax = 225,
        ProgrammingNoiseCoefficients = [4.782, -0.0007],
        ProgrammingNoiseReference = 1,
        StuckOnRate = 0.001,
        StuckOffRate = 0.001,
        SwitchingMean = 137.5,
        SwitchingStd = 35,
    };

    /// <summary>
    /// The Ag:a-Si RRAM synapse of NeuroSim+'s on-chip training benchmark (Jo et al., Nano Lett. 10, 2010; Chen, Peng &amp; Yu,
    /// IEEE TCAD 2018), as in MLP+NeuroSim's <c>RealDevice</c>: R_on = 26 MΩ and on/off 12.5, so G in [0.0030769, 0.038462] µS,
    /// with the pulse response <see cref="PulseUpdateModel.AgASiNeuroSim"/> (97/100 pulses, nonlinearity 2.4/−4.88,
    /// 3.5 % cycle-to-cycle). No programming, read or drift noise is given by the source.
    /// </summary>
    public static ResistiveDevice AgASiRram => new()
    {
        Name = "rram-ag-a-si",
        Source = "NeuroSim+ / MLP+NeuroSim RealDevice (Ag:a-Si, Jo et al., Nano Lett. 2010): measured",
        GMin = 0.0030769,
        GMax = 0.038462,
        Update = PulseUpdateModel.AgASiNeuroSim,
    };

    /// <summary>Every preset, for tables and sweeps.</summary>
    public static IReadOnlyList<ResistiveDevice> Presets => [Ideal, AihwkitPcm, ReRamWan2022, NeuroSimRram, ReRamHighConductance];

    /// <summary>The presets with a characterised pulse response, for on-chip learning: the ideal device, Ag:a-Si RRAM
    /// and aihwkit's PCM. (The other presets keep the ideal update.)</summary>
    public static IReadOnlyList<ResistiveDevice> LearningPresets => [Ideal, AgASiRram, AihwkitPcm];
}
