using Snn.Core.Validation;

namespace Snn.Backends.Crossbar;

/// <summary>
/// Per-operation energies and times of the crossbar's periphery and digital neurons, NeuroSim-style:
/// <code>
/// E = Σ_reads V²·G·t_pulse  +  N_row·E_driver  +  N_conv·FoM·2^bits  +  N_add·E_add
///   + N_neuron-updates·E_neuron  +  N_short-term-updates·E_short-term  +  P_static·N_tiles·T
///   + Σ_programming-pulses V_w²·(G_before + G_after)/2·t_w      (on-chip learning; V_w, t_w from
///                                                                 the device's PulseUpdateModel)
/// latency per step = t_pulse + ColumnsPerAdc·t_conv  (tiles in parallel)  +  ⌈N_neurons / lanes⌉·t_neuron
/// </code>
/// The cell read and programming energies are physics (modelled from the conductances and the
/// preset's pulses; write drivers and half-selected cells are not counted); the other constants are
/// published figures (see each property) at other technology nodes than a given chip, so treat
/// the totals as first-order estimates.
/// </summary>
public sealed record EnergyModel
{
    /// <summary>ADC energy per conversion step (J): E_conv = FoM·2^bits. Default 6.1 fJ, ISAAC's 8-bit
    /// 1.28 GS/s SAR ADC at 2 mW (Shafiee et al., ISCA 2016, from Kull et al., ISSCC 2013, measured)
    /// scaled with the Walden figure of merit.</summary>
    public double AdcEnergyPerStep { get; init; } = 2e-3 / 1.28e9 / 256;

    /// <summary>Time of one ADC conversion (s). Default 0.78 ns (1.28 GS/s, ISAAC).</summary>
    public double AdcConversionTime { get; init; } = 1 / 1.28e9;

    /// <summary>Energy of driving one row with a read pulse (J). Default 3.1 fJ: ISAAC's 1-bit DAC array,
    /// 4 mW for 8 × 128 DACs at 1.28 GHz (pre-silicon estimate).</summary>
    public double RowDriverEnergy { get; init; } = 4e-3 / (8 * 128) / 1.28e9;

    /// <summary>Energy of one digital accumulation of a digitised column into a neuron's input (J).
    /// Default 0.1 pJ: a 32-bit integer add at 45 nm (Horowitz, ISSCC 2014).</summary>
    public double AccumulateEnergy { get; init; } = 0.1e-12;

    /// <summary>Energy of one digital neuron update per step (J). Default 4.6 pJ: one 32-bit float
    /// multiply (3.7 pJ) and add (0.9 pJ) at 45 nm (Horowitz, ISSCC 2014); state memory traffic excluded.</summary>
    public double NeuronUpdateEnergy { get; init; } = 4.6e-12;

    /// <summary>Energy of one short-term plasticity update in the periphery (J): at a spike, advancing u and x
    /// (x ← 1 + (x − u·x − 1)·e_rec, u ← U + u·(1 − U)·e_fac, with the exponentials of the interval looked up
    /// in a table by its step count) and forming u·x, which sets the amplitude of the row's read pulse.
    /// Default 23 pJ: five 32-bit float multiplies (3.7 pJ each) and five adds (0.9 pJ each) at 45 nm
    /// (Horowitz, ISSCC 2014); table and state memory traffic excluded.</summary>
    public double ShortTermUpdateEnergy { get; init; } = 5 * 3.7e-12 + 5 * 0.9e-12;

    /// <summary>Time of one neuron update on one lane (s). Default 1 ns (1 GHz, NeuroSim's clock).</summary>
    public double NeuronUpdateTime { get; init; } = 1e-9;

    /// <summary>Neurons updated in parallel by the digital periphery, ≥ 1. Default 64 (assumed).</summary>
    public int NeuronLanes { get; init; } = 64;

    /// <summary>Static (leakage) power per tile (W), ≥ 0. Default 0 (not modelled unless set).</summary>
    public double StaticPowerPerTile { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid parameter.</summary>
    public void Validate()
    {
        Guard.NonNegative(AdcEnergyPerStep, nameof(AdcEnergyPerStep));
        Guard.NonNegative(AdcConversionTime, nameof(AdcConversionTime));
        Guard.NonNegative(RowDriverEnergy, nameof(RowDriverEnergy));
        Guard.NonNegative(AccumulateEnergy, nameof(AccumulateEnergy));
        Guard.NonNegative(NeuronUpdateEnergy, nameof(NeuronUpdateEnergy));
        Guard.NonNegative(ShortTermUpdateEnergy, nameof(ShortTermUpdateEnergy));
        Guard.NonNegative(NeuronUpdateTime, nameof(NeuronUpdateTime));
        Guard.PositiveCount(NeuronLanes, nameof(NeuronLanes));
        Guard.NonNegative(StaticPowerPerTile, nameof(StaticPowerPerTile));
    }

    /// <summary>The defaults above.</summary>
    public static EnergyModel Default => new();
}
