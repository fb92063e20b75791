using Snn.Core.Validation;

namespace Snn.Backends.Sfq;

/// <summary>
/// The mapping between an abstract network's parameters and bias currents, and back.
/// <para><b>Synapse weight ↔ gate bias.</b> A stochastic synapse is a junction of critical current
/// I_c biased at I_b; an incoming pulse adds I_p = f_p I_c (<see cref="SfqTechnology.PulseCurrentFraction"/>)
/// and the junction switches (passes the pulse on) when I_b + I_p + i_n ≥ I_c, with Gaussian
/// thermal noise i_n of standard deviation σ_I (<see cref="SfqTechnology.NoiseCurrentUa"/>).
/// So the pass probability is the error-function curve
/// p(I_b) = Φ((I_b − I_50) / σ_I), I_50 = I_c (1 − f_p)
/// (the "gray zone" of a switching junction; Filippov et al., IEEE TAS 5, 2240, 1995; used as a
/// tunable stochastic synapse by Krylov, Edwards, Friedman &amp; Friedman, Neuromorph. Comput. Eng.
/// 2024). A weight is the signed pass probability |w| = p; its bias is I_50 + σ_I Φ⁻¹(|w|). The map
/// is strictly increasing and is inverted exactly on |w| ∈ [Φ(−6), Φ(6)]; weights outside that band
/// (including 0 and 1) use the band's edge, 6σ from I_50, where p differs from 0 or 1 by 1e-9.</para>
/// <para><b>Neuron threshold ↔ neuron bias.</b> A neuron's loop of inductance L stores fluxons;
/// n of them circulate n Φ0 / L through the output junction, which also carries the bias I_bn and
/// switches when I_bn + n Φ0 / L ≥ I_c. The threshold in stored flux is therefore
/// n_th = (I_c − I_bn) L / Φ0, set by the bias; I_bn = I_c − n_th Φ0 / L.</para>
/// <para><b>Calibrated maps.</b> A technology calibrated from the circuit solver
/// (<see cref="Circuit.SfqCalibration"/>) replaces I_50 and σ_I by the fitted curve of the circuit's
/// gate, and I_c and Φ0 / L in the neuron map by the circuit loop's switching bias with no flux
/// and its drop per fluxon.</para>
/// </summary>
public static class SfqBiasMapping
{
    /// <summary>Largest |z| = |I_b − I_50| / σ_I a weight maps to.</summary>
    public const double MaxStandardScore = 6;

    /// <summary>The bias current at which a gate passes half the pulses, I_50 = I_c (1 − f_p) (µA).</summary>
    /// <param name="technology">The technology.</param>
    /// <param name="criticalCurrentUa">The gate junction's I_c (µA), &gt; 0.</param>
    public static double HalfPassBiasUa(SfqTechnology technology, double criticalCurrentUa)
    {
        ArgumentNullException.ThrowIfNull(technology);
        Guard.Positive(criticalCurrentUa, nameof(criticalCurrentUa));
        return technology.GateHalfPassBiasUa is { } half
            ? half * criticalCurrentUa / technology.CriticalCurrentUa
            : criticalCurrentUa * (1 - technology.PulseCurrentFraction);
    }

    /// <summary>Width σ of the gate's switching curve (µA): the calibrated value when the technology
    /// has one, else the thermal noise current σ_I.</summary>
    /// <param name="technology">The technology.</param>
    public static double GateSpreadUa(SfqTechnology technology)
    {
        ArgumentNullException.ThrowIfNull(technology);
        return technology.GateSwitchingSpreadUa ?? technology.NoiseCurrentUa;
    }

    /// <summary>Output bias at which a neuron loop holding no flux switches (µA): calibrated, else I_c.</summary>
    /// <param name="technology">The technology.</param>
    public static double NeuronZeroFluxSwitchingBiasUa(SfqTechnology technology)
    {
        ArgumentNullException.ThrowIfNull(technology);
        return technology.NeuronZeroFluxSwitchingBiasUa ?? technology.CriticalCurrentUa;
    }

    /// <summary>Drop of the neuron's switching bias per stored fluxon (µA): calibrated, else Φ0 / L.</summary>
    /// <param name="technology">The technology.</param>
    public static double NeuronFluxonCurrentUa(SfqTechnology technology)
    {
        ArgumentNullException.ThrowIfNull(technology);
        return technology.NeuronFluxonCurrentUa ?? SfqConstants.FluxQuantumUaPh / technology.LoopInductancePh;
    }

    /// <summary>The probability that a gate of critical current <paramref name="criticalCurrentUa"/>
    /// biased at <paramref name="biasUa"/> passes a pulse. A bias at or above I_c means the
    /// junction is in the voltage state; this returns 1 (and the engine reports it as overbiased).</summary>
    /// <param name="technology">The technology.</param>
    /// <param name="biasUa">Gate bias current (µA), finite.</param>
    /// <param name="criticalCurrentUa">The gate junction's I_c (µA), &gt; 0.</param>
    public static double PassProbability(SfqTechnology technology, double biasUa, double criticalCurrentUa)
    {
        Guard.Finite(biasUa, nameof(biasUa));
        double half = HalfPassBiasUa(technology, criticalCurrentUa);
        if (biasUa >= criticalCurrentUa)
        {
            return 1;
        }
        return NormalDistribution.Cdf((biasUa - half) / GateSpreadUa(technology));
    }

    /// <summary>The gate bias (µA) for a synapse weight: I_50 + σ_I Φ⁻¹(|w|), with |w| limited to
    /// [Φ(−6), Φ(6)] (see the type's remarks).</summary>
    /// <param name="technology">The technology.</param>
    /// <param name="weight">Signed pass probability, in [−1, 1].</param>
    /// <param name="criticalCurrentUa">The gate junction's I_c (µA), &gt; 0.</param>
    public static double GateBiasUa(SfqTechnology technology, double weight, double criticalCurrentUa)
    {
        Guard.InRange(weight, -1, 1, nameof(weight));
        double half = HalfPassBiasUa(technology, criticalCurrentUa);
        double p = Math.Abs(weight);
        double z = Math.Clamp(NormalDistribution.InverseCdf(Math.Clamp(p, 1e-300, 1 - 1e-16)), -MaxStandardScore, MaxStandardScore);
        return half + GateSpreadUa(technology) * z;
    }

    /// <summary>The weight magnitude (pass probability) a gate bias realises: <see cref="PassProbability"/>.</summary>
    /// <param name="technology">The technology.</param>
    /// <param name="biasUa">Gate bias current (µA), finite.</param>
    /// <param name="criticalCurrentUa">The gate junction's I_c (µA), &gt; 0.</param>
    public static double WeightForGateBias(SfqTechnology technology, double biasUa, double criticalCurrentUa)
        => PassProbability(technology, biasUa, criticalCurrentUa);

    /// <summary>The neuron bias (µA) giving a threshold of <paramref name="thresholdFluxons"/>:
    /// I_bn = I_c − n_th Φ0 / L. Throws when the bias would be negative (n_th above <see cref="MaxThresholdFluxons"/>).</summary>
    /// <param name="technology">The technology.</param>
    /// <param name="thresholdFluxons">Threshold in stored flux (Φ0), &gt; 0.</param>
    public static double NeuronBiasUa(SfqTechnology technology, double thresholdFluxons)
    {
        ArgumentNullException.ThrowIfNull(technology);
        double max = MaxThresholdFluxons(technology);
        Guard.InRange(thresholdFluxons, double.Epsilon, max, nameof(thresholdFluxons));
        return NeuronZeroFluxSwitchingBiasUa(technology) - thresholdFluxons * NeuronFluxonCurrentUa(technology);
    }

    /// <summary>The threshold in stored flux (Φ0) that a neuron bias sets: n_th = (I_c − I_bn) L / Φ0.</summary>
    /// <param name="technology">The technology.</param>
    /// <param name="biasUa">Neuron bias current (µA), finite.</param>
    /// <param name="criticalCurrentUa">The output junction's I_c (µA), &gt; 0.</param>
    public static double ThresholdFluxons(SfqTechnology technology, double biasUa, double criticalCurrentUa)
    {
        ArgumentNullException.ThrowIfNull(technology);
        Guard.Finite(biasUa, nameof(biasUa));
        Guard.Positive(criticalCurrentUa, nameof(criticalCurrentUa));
        double zeroFlux = NeuronZeroFluxSwitchingBiasUa(technology) * criticalCurrentUa / technology.CriticalCurrentUa;
        return (zeroFlux - biasUa) / NeuronFluxonCurrentUa(technology);
    }

    /// <summary>The largest threshold a non-negative bias can set, I_c L / Φ0 in the closed form (Φ0).</summary>
    /// <param name="technology">The technology.</param>
    public static double MaxThresholdFluxons(SfqTechnology technology)
    {
        ArgumentNullException.ThrowIfNull(technology);
        return NeuronZeroFluxSwitchingBiasUa(technology) / NeuronFluxonCurrentUa(technology);
    }
}
