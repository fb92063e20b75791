using Snn.Core.Validation;

namespace Snn.Backends.Crossbar;

/// <summary>
/// Settings of the crossbar backend: the device technology, the array and periphery circuit, the
/// time of inference after programming and the chip instance. The defaults are an ideal device and
/// ideal periphery (continuous levels, no noise, no wire resistance, no ADC quantisation), under
/// which the backend reproduces the CPU engine's spikes exactly.
/// </summary>
public sealed record CrossbarOptions
{
    /// <summary>The resistive-memory technology. Default <see cref="ResistiveDevice.Ideal"/>.</summary>
    public ResistiveDevice Device { get; init; } = ResistiveDevice.Ideal;

    /// <summary>Word lines per tile, ≥ 1. Default 256.</summary>
    public int TileRows { get; init; } = 256;

    /// <summary>Bit lines per tile, even and ≥ 2 (two per weight: G+ and G−). Default 256.</summary>
    public int TileColumns { get; init; } = 256;

    /// <summary>Read voltage applied to the row of a spiking source (V), &gt; 0. Default 0.2.</summary>
    public double ReadVoltage { get; init; } = 0.2;

    /// <summary>Read pulse width (s), &gt; 0. Default 10 ns (DNN+NeuroSim V2.1's readPulseWidth).</summary>
    public double ReadPulseWidth { get; init; } = 10e-9;

    /// <summary>Wire resistance of one cell pitch along rows and columns (Ω), ≥ 0. Default 0. 0.35 Ω is the
    /// value issue 10 quotes; NeuroSim's 40 nm 1T1R cell gives about 2.1 Ω.</summary>
    public double WireResistance { get; init; }

    /// <summary>ADC resolution (bits, 2 to 16), or null for an ideal (infinite-resolution, unclipped) ADC.</summary>
    public int? AdcBits { get; init; }

    /// <summary>ADC full scale in units of ReadVoltage·(GMax − GMin), i.e. in "fully-on weights"; &gt; 0.
    /// Default 12 (aihwkit's default <c>out_bound</c>).</summary>
    public double AdcFullScale { get; init; } = 12;

    /// <summary>Bit lines (weights) sharing one ADC through a multiplexer, ≥ 1. Default 8 (NeuroSim's numColMuxed).</summary>
    public int ColumnsPerAdc { get; init; } = 8;

    /// <summary>Time between programming and inference (s), ≥ 0; the drift law is evaluated at t + t₀. Default 0.</summary>
    public double TimeSinceProgramming { get; init; }

    /// <summary>Whether the periphery rescales each tile set's outputs by the ratio of its summed
    /// conductance at t₀ to that at inference time (aihwkit's global drift compensation, from one
    /// calibration read). Default false.</summary>
    public bool DriftCompensation { get; init; }

    /// <summary>The chip instance: mixed with the network seed to key every device draw. Default 0.</summary>
    public ulong ChipSeed { get; init; }

    /// <summary>Per-operation energies and times. Default <see cref="EnergyModel.Default"/>.</summary>
    public EnergyModel Energy { get; init; } = EnergyModel.Default;

    /// <summary>Projections (by <c>Projection.Name</c>) whose cells hold as-switched random conductances
    /// instead of programmed weights (<see cref="StochasticSwitching"/>). Default none.</summary>
    public IReadOnlyDictionary<string, SwitchedConductances> AsGrown { get; init; } = new Dictionary<string, SwitchedConductances>();

    /// <summary>Per projection (by <c>Projection.Name</c>): the weight magnitude (unit of the target model, &gt; 0)
    /// that maps to the full conductance range GMax − GMin. A projection not listed uses its largest initial |w| (1 when all are 0),
    /// so a plastic projection should list the bound of its rule, or its weights cannot grow past their start.
    /// Initial weights beyond the range are refused. Default none.</summary>
    public IReadOnlyDictionary<string, double> WeightRanges { get; init; } = new Dictionary<string, double>();

    /// <summary>How requested weight changes of plastic projections become whole pulse counts.
    /// Default <see cref="PulseRounding.Stochastic"/>.</summary>
    public PulseRounding PulseRounding { get; init; } = PulseRounding.Stochastic;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Device, nameof(Device));
        Device.Validate();
        Guard.PositiveCount(TileRows, nameof(TileRows));
        if (TileColumns < 2 || TileColumns % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TileColumns), TileColumns, $"TileColumns = {TileColumns} must be even and at least 2 (two bit lines per weight).");
        }
        Guard.Positive(ReadVoltage, nameof(ReadVoltage));
        Guard.Positive(ReadPulseWidth, nameof(ReadPulseWidth));
        Guard.NonNegative(WireResistance, nameof(WireResistance));
        if (AdcBits is int bits)
        {
            Guard.InRange(bits, 2, 16, nameof(AdcBits));
        }
        Guard.Positive(AdcFullScale, nameof(AdcFullScale));
        Guard.PositiveCount(ColumnsPerAdc, nameof(ColumnsPerAdc));
        Guard.NonNegative(TimeSinceProgramming, nameof(TimeSinceProgramming));
        ArgumentNullException.ThrowIfNull(Energy, nameof(Energy));
        Energy.Validate();
        ArgumentNullException.ThrowIfNull(AsGrown, nameof(AsGrown));
        ArgumentNullException.ThrowIfNull(WeightRanges, nameof(WeightRanges));
        foreach (var (name, range) in WeightRanges)
        {
            Guard.Positive(range, $"{nameof(WeightRanges)}['{name}']");
        }
        if (!Enum.IsDefined(PulseRounding))
        {
            throw new ArgumentOutOfRangeException(nameof(PulseRounding), PulseRounding, $"PulseRounding = {PulseRounding} must be Nearest or Stochastic.");
        }
    }

    /// <summary>Whether a column read is linear in the cell conductances (ideal ADC, no read noise, no
    /// wire resistance), so the engine may add per-cell weights instead of digitising column sums.</summary>
    public bool IsLinearRead => AdcBits is null && Device.ReadNoise == 0 && WireResistance == 0;
}
