using Snn.Backends.Crossbar;

namespace Snn.Experiments.Crossbar;

/// <summary>The non-ideality a point of <see cref="CrossbarSweep"/> varies (all others off).</summary>
public enum SweepParameter
{
    /// <summary>Number of conductance levels (2–256).</summary>
    Levels,

    /// <summary>Relative read noise per read (σ/G).</summary>
    ReadNoise,

    /// <summary>Programming noise σ as a fraction of GMax (conductance-independent).</summary>
    ProgrammingNoise,

    /// <summary>Time after programming (s) with PCM-like drift (ν ~ |N(0.049, 0.008)|), no compensation.</summary>
    DriftTime,

    /// <summary>Time after programming (s) with the same drift and global drift compensation.</summary>
    DriftTimeCompensated,

    /// <summary>Total stuck-at rate, half stuck-on and half stuck-off.</summary>
    StuckAtRate,

    /// <summary>ADC resolution (bits).</summary>
    AdcBits,

    /// <summary>Wire resistance per cell pitch (Ω).</summary>
    WireResistance,
}
