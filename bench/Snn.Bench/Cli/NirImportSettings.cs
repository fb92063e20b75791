namespace Snn.Bench.Cli;

/// <summary>The options of <c>snn-bench nir import</c>.</summary>
/// <param name="Path">The .nir file.</param>
/// <param name="DtMs">Simulation time step (ms).</param>
/// <param name="DurationMs">Simulated time (ms).</param>
/// <param name="InputRateHz">Rate of the Poisson trains on every Input channel (Hz).</param>
/// <param name="Seed">Seed of the input trains.</param>
/// <param name="Backend">Engine name.</param>
/// <param name="Threads">Worker threads; null lets the engine choose.</param>
public sealed record NirImportSettings(string Path, double DtMs, double DurationMs, double InputRateHz, ulong Seed, string Backend, int? Threads)
{
    /// <summary>Default time step (ms), NirImportOptions' own.</summary>
    public const double DefaultDtMs = 0.1;

    /// <summary>Default simulated time (ms).</summary>
    public const double DefaultDurationMs = 100;

    /// <summary>Default input rate (Hz).</summary>
    public const double DefaultInputRateHz = 50;
}
