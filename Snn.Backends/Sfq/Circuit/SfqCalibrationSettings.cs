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

    /// <summary>Further temperatures (K, each &gt; 0) at which the cells and the gate are measured
    /// besides <see cref="TemperatureK"/>, for the tables. Default none.</summary>
    public IReadOnlyList<double> SweepTemperaturesK { get; init; } = [];

    /// <summary>Further global bias scales (each &gt; 0) at which the cells and the gate are measured
    /// besides <see cref="GlobalBiasScale"/>, for the tables. Default none.</summary>
    public IReadOnlyList<double> SweepBiasScales { get; init; } = [];

    /// <summary>Solver time step (ps). Default 0.1.</summary>
    public double TimeStepPs { get; init; } = 0.1;

    /// <summary>Seed of the thermal noise; each measurement uses its own substream.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Circuit runs at once, ≥ 1; null (default) for one per core. The results do not
    /// depend on it (every run draws from its own noise substream).</summary>
    public int? Threads { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Guard.InRange(PulsesPerPoint, 20, 10_000_000, nameof(PulsesPerPoint));
        Guard.InRange(GateBiasPoints, 3, 1000, nameof(GateBiasPoints));
        Guard.Positive(TemperatureK, nameof(TemperatureK));
        Guard.Positive(GlobalBiasScale, nameof(GlobalBiasScale));
        Guard.InRange(TimeStepPs, 1e-3, 1, nameof(TimeStepPs));
        if (Threads is int threads)
        {
            Guard.InRange(threads, 1, 4096, nameof(Threads));
        }
        ArgumentNullException.ThrowIfNull(SweepTemperaturesK, nameof(SweepTemperaturesK));
        ArgumentNullException.ThrowIfNull(SweepBiasScales, nameof(SweepBiasScales));
        for (int k = 0; k < SweepTemperaturesK.Count; k++)
        {
            Guard.InRange(SweepTemperaturesK[k], 1e-3, 1000, $"{nameof(SweepTemperaturesK)}[{k}]");
        }
        for (int k = 0; k < SweepBiasScales.Count; k++)
        {
            Guard.InRange(SweepBiasScales[k], 0.05, 2, $"{nameof(SweepBiasScales)}[{k}]");
        }
    }
}
