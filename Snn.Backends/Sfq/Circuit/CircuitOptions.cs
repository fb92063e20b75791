using Snn.Core.Validation;

namespace Snn.Backends.Sfq.Circuit;

/// <summary>Settings of a <see cref="CircuitSimulator"/> run.</summary>
public sealed record CircuitOptions
{
    /// <summary>Time step Δt (ps), &gt; 0. Default 0.1 (about 1/30 of a plasma period of the default junction).</summary>
    public double TimeStepPs { get; init; } = 0.1;

    /// <summary>Temperature of the shunt resistors T (K), ≥ 0; 0 turns thermal noise off. Default 4.2.</summary>
    public double TemperatureK { get; init; } = 4.2;

    /// <summary>Seed of the noise draws.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Independent noise sequence under the same seed (for example one per sweep point).</summary>
    public uint Substream { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Guard.InRange(TimeStepPs, 1e-6, 10, nameof(TimeStepPs));
        Guard.InRange(TemperatureK, 0, 1000, nameof(TemperatureK));
    }
}
