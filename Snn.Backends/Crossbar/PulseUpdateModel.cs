using Snn.Core.Validation;

namespace Snn.Backends.Crossbar;

/// <summary>
/// How a resistive cell's conductance responds to identical programming pulses: the device side of
/// on-chip learning. It is the exponential pulse-response model of NeuroSim+ (Chen, Peng &amp; Yu,
/// IEEE TCAD 37(12), 2018; <c>NonlinearWeight</c> in MLP+NeuroSim's <c>formula.cpp</c>), which is
/// also aihwkit's <c>SoftBoundsPmaxDevice</c>. In the normalised conductance x = (G − GMin)/(GMax − GMin):
/// <code>
/// potentiation curve   x(p) = β₊·(1 − e^(−ν₊·p/N₊)),   β₊ = 1/(1 − e^(−ν₊))       so x(0) = 0, x(N₊) = 1
/// one pulse            x ← x + (β₊ − x)·(1 − e^(−ν₊/N₊))                             (ν₊ = 0: x ← x + 1/N₊)
/// depression curve     1 − x(q) = β₋·(1 − e^(−ν₋·q/N₋)),   β₋ = 1/(1 − e^(−ν₋))   (from GMax down)
/// one pulse            x ← x − (x + β₋ − 1)·(1 − e^(−ν₋/N₋))                         (ν₋ = 0: x ← x − 1/N₋)
/// reset (PCM)          x ← 0                                                          (when ResetDepression)
/// every pulse          x ← clamp(x + σ_c2c·ξ, 0, 1)      ξ ~ N(0, 1): cycle-to-cycle noise, saturation at the bounds
/// energy per pulse     E = V²·(G_before + G_after)/2·t_pulse                          (NeuroSim's cell write energy)
/// </code>
/// The potentiation step shrinks linearly as G rises (large steps near GMin, small near GMax) and the
/// depression step shrinks as G falls, each with its own nonlinearity ν: the asymmetric, nonlinear
/// response of real devices. NeuroSim's parameter A (pulses) is N/ν; its nonlinearity label NL maps to
/// A/N through its table <c>getParamA</c> (NL 2.4 → 0.4992, NL 4.88 → 0.2003; NeuroSim writes the LTD
/// label with a minus sign, −4.88, which here is the magnitude ν₋ = 1/0.2003). The cycle-to-cycle σ is
/// NeuroSim's convention: a fraction of the conductance range per pulse (n pulses spread as √n·σ).
/// With <see cref="PotentiationPulses"/> null the model is analog and ideal: a write sets the requested
/// conductance exactly (linear, unlimited levels, no noise), still saturating at GMin and GMax.
/// </summary>
public sealed record PulseUpdateModel
{
    /// <summary>The largest pulse count accepted for a full sweep of the range.</summary>
    public const int MaxPulses = 1_000_000;

    /// <summary>The largest nonlinearity ν accepted (e^(−ν) underflows far beyond).</summary>
    public const double MaxNonlinearity = 100;

    /// <summary>A short name for tables.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Where the numbers come from.</summary>
    public string Source { get; init; } = "user supplied";

    /// <summary>N₊: identical potentiation pulses that take a cell from GMin to GMax (1 to <see cref="MaxPulses"/>),
    /// or null for the analog, ideal model (then <see cref="DepressionPulses"/> must be null too).</summary>
    public int? PotentiationPulses { get; init; }

    /// <summary>N₋: identical depression pulses that take a cell from GMax to GMin (1 to <see cref="MaxPulses"/>);
    /// null for the analog model and for devices that depress only by reset (<see cref="ResetDepression"/>).</summary>
    public int? DepressionPulses { get; init; }

    /// <summary>ν₊ (dimensionless, 0 to <see cref="MaxNonlinearity"/>): nonlinearity of the potentiation curve;
    /// 0 is linear. The first pulse from GMin is about ν₊/(1 − e^(−ν₊)) times the mean step, the N₊-th e^(−ν₊·(N₊ − 1)/N₊) times the first.</summary>
    public double PotentiationNonlinearity { get; init; }

    /// <summary>ν₋ (dimensionless, 0 to <see cref="MaxNonlinearity"/>): nonlinearity of the depression curve; 0 is linear.</summary>
    public double DepressionNonlinearity { get; init; }

    /// <summary>σ_c2c: standard deviation of the conductance change of every pulse, as a fraction of
    /// GMax − GMin (0 to 1; NeuroSim's cycle-to-cycle variation). Default 0.</summary>
    public double CycleToCycleNoise { get; init; }

    /// <summary>Whether the device cannot be depressed gradually and a depression is one RESET pulse to GMin
    /// (phase-change memory). Both cells of a pair are then only potentiated: aihwkit's one-sided unit cell,
    /// refreshed by <see cref="RefreshUpper"/> and <see cref="RefreshLower"/>. Default false.</summary>
    public bool ResetDepression { get; init; }

    /// <summary>One-sided refresh: when the larger normalised conductance of a pair exceeds this value and the
    /// smaller exceeds <see cref="RefreshLower"/>, both cells are reset and the difference is rewritten onto one.
    /// In (RefreshLower, 1]. Default 0.75 (aihwkit's <c>refresh_upper_thres</c>).</summary>
    public double RefreshUpper { get; init; } = 0.75;

    /// <summary>One-sided refresh lower threshold (normalised conductance), in [0, RefreshUpper). Default 0.25
    /// (aihwkit's <c>refresh_lower_thres</c>).</summary>
    public double RefreshLower { get; init; } = 0.25;

    /// <summary>Amplitude of a potentiation (SET) pulse (V), ≥ 0. Default 2 (NeuroSim's <c>IdealDevice</c>).</summary>
    public double PotentiationVoltage { get; init; } = 2;

    /// <summary>Amplitude of a depression or reset pulse (V; the magnitude, whatever its polarity), ≥ 0. Default 2.</summary>
    public double DepressionVoltage { get; init; } = 2;

    /// <summary>Width of a potentiation pulse (s), ≥ 0. Default 10 ns (NeuroSim's <c>IdealDevice</c>).</summary>
    public double PotentiationPulseWidth { get; init; } = 10e-9;

    /// <summary>Width of a depression or reset pulse (s), ≥ 0. Default 10 ns.</summary>
    public double DepressionPulseWidth { get; init; } = 10e-9;

    /// <summary>Whether the model is the analog ideal one (no pulse quantisation, nonlinearity or noise).</summary>
    public bool IsAnalog => PotentiationPulses is null;

    /// <summary>The normalised conductance after one noise-free potentiation pulse from <paramref name="x"/> (in [0, 1]),
    /// clamped at 1.</summary>
    public double Potentiate(double x)
    {
        int pulses = PulseCount(PotentiationPulses, nameof(PotentiationPulses));
        double nu = PotentiationNonlinearity;
        double next = nu == 0 ? x + 1.0 / pulses : x + (Beta(nu) - x) * (1 - Math.Exp(-nu / pulses));
        return Math.Min(next, 1);
    }

    /// <summary>The normalised conductance after one noise-free depression pulse from <paramref name="x"/> (in [0, 1]),
    /// clamped at 0; 0 for a reset device.</summary>
    public double Depress(double x)
    {
        if (ResetDepression)
        {
            return 0;
        }
        int pulses = PulseCount(DepressionPulses, nameof(DepressionPulses));
        double nu = DepressionNonlinearity;
        double next = nu == 0 ? x - 1.0 / pulses : x - (x + Beta(nu) - 1) * (1 - Math.Exp(-nu / pulses));
        return Math.Max(next, 0);
    }

    /// <summary>The pulse position p at which the noise-free potentiation curve from GMin reaches <paramref name="x"/>
    /// (in [0, 1]): p = −(N₊/ν₊)·ln(1 − x/β₊), or N₊·x when linear. Not rounded.</summary>
    public double PotentiationPosition(double x)
    {
        int pulses = PulseCount(PotentiationPulses, nameof(PotentiationPulses));
        double nu = PotentiationNonlinearity;
        return nu == 0 ? x * pulses : -pulses / nu * Math.Log(1 - x / Beta(nu));
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid parameter.</summary>
    public void Validate()
    {
        Guard.InRange(PotentiationNonlinearity, 0, MaxNonlinearity, nameof(PotentiationNonlinearity));
        Guard.InRange(DepressionNonlinearity, 0, MaxNonlinearity, nameof(DepressionNonlinearity));
        Guard.InRange(CycleToCycleNoise, 0, 1, nameof(CycleToCycleNoise));
        Guard.InRange(RefreshLower, 0, 1, nameof(RefreshLower));
        Guard.InRange(RefreshUpper, 0, 1, nameof(RefreshUpper));
        if (RefreshUpper <= RefreshLower)
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshUpper), RefreshUpper, $"RefreshUpper = {RefreshUpper} must be above RefreshLower = {RefreshLower}.");
        }
        Guard.NonNegative(PotentiationVoltage, nameof(PotentiationVoltage));
        Guard.NonNegative(DepressionVoltage, nameof(DepressionVoltage));
        Guard.NonNegative(PotentiationPulseWidth, nameof(PotentiationPulseWidth));
        Guard.NonNegative(DepressionPulseWidth, nameof(DepressionPulseWidth));
        if (PotentiationPulses is null)
        {
            RequireAnalog(DepressionPulses is null, nameof(DepressionPulses), DepressionPulses);
            RequireAnalog(PotentiationNonlinearity == 0, nameof(PotentiationNonlinearity), PotentiationNonlinearity);
            RequireAnalog(DepressionNonlinearity == 0, nameof(DepressionNonlinearity), DepressionNonlinearity);
            RequireAnalog(CycleToCycleNoise == 0, nameof(CycleToCycleNoise), CycleToCycleNoise);
            RequireAnalog(!ResetDepression, nameof(ResetDepression), ResetDepression);
            return;
        }
        Guard.InRange(PotentiationPulses.Value, 1, MaxPulses, nameof(PotentiationPulses));
        if (ResetDepression)
        {
            if (DepressionPulses is not null || DepressionNonlinearity != 0)
            {
                throw new ArgumentException($"DepressionPulses = {DepressionPulses?.ToString() ?? "null"} and DepressionNonlinearity = {DepressionNonlinearity} must be null and 0: "
                    + "a ResetDepression device has no gradual depression.", nameof(DepressionPulses));
            }
            return;
        }
        if (DepressionPulses is not int depression)
        {
            throw new ArgumentException("DepressionPulses = null: a pulsed device that depresses gradually needs 1 to 1000000 depression pulses.", nameof(DepressionPulses));
        }
        Guard.InRange(depression, 1, MaxPulses, nameof(DepressionPulses));
    }

    /// <summary>The analog ideal model: every write lands exactly on the requested conductance (clamped to
    /// [GMin, GMax]); pulses are costed with NeuroSim's <c>IdealDevice</c> write pulse (2 V, 10 ns).</summary>
    public static PulseUpdateModel Ideal => new() { Name = "ideal", Source = "no update non-idealities (reference)" };

    /// <summary>
    /// Ag:a-Si RRAM (Jo et al., Nano Lett. 10, 2010) as parameterised in NeuroSim+ (Chen, Peng &amp; Yu, IEEE TCAD 2018)
    /// and MLP+NeuroSim's <c>RealDevice</c>: 97 potentiation and 100 depression pulses, nonlinearity labels 2.4 / −4.88
    /// (A/N = 0.499181 and 0.2003 from NeuroSim's <c>getParamA</c> table, so ν₊ = 2.0033 and ν₋ = 4.9925),
    /// cycle-to-cycle σ = 3.5 % of the range per pulse, write pulses 3.2 V (LTP) and 2.8 V (LTD, negative) of 300 µs.
    /// </summary>
    public static PulseUpdateModel AgASiNeuroSim => new()
    {
        Name = "ag-a-si",
        Source = "NeuroSim+ (Chen et al., TCAD 2018) / MLP+NeuroSim RealDevice: Ag:a-Si (Jo et al., Nano Lett. 2010), measured",
        PotentiationPulses = 97,
        DepressionPulses = 100,
        PotentiationNonlinearity = 1 / 0.499181,
        DepressionNonlinearity = 1 / 0.2003,
        CycleToCycleNoise = 0.035,
        PotentiationVoltage = 3.2,
        DepressionVoltage = 2.8,
        PotentiationPulseWidth = 300e-6,
        DepressionPulseWidth = 300e-6,
    };

    /// <summary>
    /// Ge₂Sb₂Te₅ PCM as in aihwkit's <c>PCMPresetDevice</c> (Nandakumar et al., Front. Neurosci. 2020): potentiation
    /// only, gradual SET pulses and an abrupt RESET to GMin, used as a one-sided pair with refresh (aihwkit's
    /// <c>PCMPresetUnitCell</c>). aihwkit's ExpStep SET curve (dw_min 0.01, A_up −27.235, γ_up 2.5, a −1 on a range
    /// of 2) is fitted here at two points of its mean: the full range in 73 pulses and half of it in 13.4, giving
    /// N₊ = 73, ν₊ = 3.65 (the exponential form's first step is 5 % of the range against aihwkit's 14 %, its last
    /// smaller). σ_c2c = 5.5 %: aihwkit's σ·(σ_add + |Δw| + σ_slope·|w|) (0.6, 0.042, 0.108) at mid-range, held constant.
    /// Pulse voltages and widths are not in the source: NeuroSim's generic <c>RealDevice</c> write (2 V, 80 ns) is assumed.
    /// </summary>
    public static PulseUpdateModel PcmNandakumar2020 => new()
    {
        Name = "pcm-one-sided",
        Source = "aihwkit PCMPresetDevice (Nandakumar et al., Front. Neurosci. 2020), fitted to the exponential form; pulse energy assumed",
        PotentiationPulses = 73,
        PotentiationNonlinearity = 3.65,
        CycleToCycleNoise = 0.055,
        ResetDepression = true,
        PotentiationPulseWidth = 80e-9,
        DepressionPulseWidth = 80e-9,
    };

    private static double Beta(double nu) => 1 / (1 - Math.Exp(-nu));

    private static int PulseCount(int? pulses, string name)
        => pulses ?? throw new InvalidOperationException($"{name} is null: the analog update model has no pulse response.");

    private static void RequireAnalog(bool condition, string name, object? value)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} = {value} is not allowed when PotentiationPulses is null (the analog, ideal model has no pulses, nonlinearity, noise or reset).", name);
        }
    }
}
