using Snn.Core.Validation;

namespace Snn.Backends.Sfq;

/// <summary>Operating conditions of one simulated chip: bias settings, jitter and process spread.</summary>
public sealed record SfqBackendOptions
{
    /// <summary>Global bias scale β: every bias current is β times its nominal value (the bias
    /// supply setting), &gt; 0. Default 1.</summary>
    public double GlobalBiasScale { get; init; } = 1;

    /// <summary>Extra bias scale of the gates of individual projections (key: projection index),
    /// each &gt; 0, on top of <see cref="GlobalBiasScale"/>.</summary>
    public IReadOnlyDictionary<int, double> ProjectionBiasScales { get; init; } = new Dictionary<int, double>();

    /// <summary>Scale of PyLSE's delay variability (a Gaussian with σ = 0.2 d / 3 clipped to
    /// ±20 % of the path delay d), ≥ 0; 0 (default) turns it off, 1 is PyLSE's default.</summary>
    public double DelayJitterScale { get; init; }

    /// <summary>Whether every switching junction adds thermal timing jitter
    /// (<see cref="SfqTechnology.ThermalJitterPs"/>). Default true.</summary>
    public bool ThermalJitter { get; init; } = true;

    /// <summary>Relative standard deviation of each junction's critical current (process spread),
    /// in [0, 0.5). Default 0.</summary>
    public double CriticalCurrentSpread { get; init; }

    /// <summary>Which chip of a process-spread ensemble (selects the spread draws). Default 0.</summary>
    public int ChipIndex { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Guard.Positive(GlobalBiasScale, nameof(GlobalBiasScale));
        ArgumentNullException.ThrowIfNull(ProjectionBiasScales, nameof(ProjectionBiasScales));
        foreach (var (projection, scale) in ProjectionBiasScales)
        {
            Guard.Positive(scale, $"{nameof(ProjectionBiasScales)}[{projection}]");
        }
        Guard.NonNegative(DelayJitterScale, nameof(DelayJitterScale));
        Guard.InRange(CriticalCurrentSpread, 0, 0.5 - 1e-12, nameof(CriticalCurrentSpread));
        Guard.InRange(ChipIndex, 0, int.MaxValue, nameof(ChipIndex));
    }
}
