namespace Snn.Backends.Sfq;

/// <summary>Physical constants of the SFQ model (CODATA 2018 exact SI values).</summary>
public static class SfqConstants
{
    /// <summary>Magnetic flux quantum Φ0 = h / 2e (Wb = V·s).</summary>
    public const double FluxQuantumWb = 2.067833848e-15;

    /// <summary>Φ0 in mV·ps: the area of one SFQ voltage pulse.</summary>
    public const double FluxQuantumMvPs = 2.067833848;

    /// <summary>Φ0 in µA·pH: the current a one-fluxon loop of inductance L carries is Φ0/L.</summary>
    public const double FluxQuantumUaPh = 2067.833848;

    /// <summary>Boltzmann constant k_B (J/K).</summary>
    public const double BoltzmannJPerK = 1.380649e-23;

    /// <summary>Picoseconds per millisecond, to convert SFQ times to the network's ms.</summary>
    public const double PsPerMs = 1e9;

    /// <summary>A time in ps expressed in ms (the unit of <see cref="Snn.Core.Network"/> times).</summary>
    /// <param name="ps">Time (ps).</param>
    public static double Ps(double ps) => ps / PsPerMs;
}
