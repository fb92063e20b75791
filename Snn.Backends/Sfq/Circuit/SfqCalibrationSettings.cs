using Snn.Core.Validation;

namespace Snn.Backends.Sfq.Circuit;

/// <summary>How <see cref="SfqCalibrator"/> measures.</summary>
public sealed record SfqCalibrationSettings
{
    /// <summary>Pulses per gate bias point and per cell timing, ≥ 20. Default 400.</summary>
    public int PulsesPerPoint { get; init; } = 400;

    /// <summary>Gate bias points of the sweep, ≥ 3. Default 9, spread over ±3 σ_I around the closed-form I_50.</summary>
    public int GateBiasPoints { get; init; } = 9;

    /// <summary>Temperature of the circuit (K), &gt; 0. Default 4.2.</summary>
    public double TemperatureK { get; init; } = 4.2;

    /// <summary>Global bias scale of the interconnect (and the merger's output bias), &gt; 0. Default 1.</summary>
    public double GlobalBiasScale { get; init; } = 1;

    /// <summary>Solver time step (ps). Default 0.1.</summary>
    public double TimeStepPs { get; init; } = 0.1;

    /// <summary>Seed of the thermal noise; each measurement uses its own substream.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Guard.InRange(PulsesPerPoint, 20, 10_000_000, nameof(PulsesPerPoint));
        Guard.InRange(GateBiasPoints, 3, 1000, nameof(GateBiasPoints));
        Guard.Positive(TemperatureK, nameof(TemperatureK));
        Guard.Positive(GlobalBiasScale, nameof(GlobalBiasScale));
        Guard.InRange(TimeStepPs, 1e-3, 1, nameof(TimeStepPs));
    }
}
