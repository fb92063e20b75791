namespace Snn.Bench.Cli;

/// <summary>The options of <c>snn-bench run</c>.</summary>
/// <param name="Suites">Suite and study names, in order (suites run first, then studies).</param>
/// <param name="Size">Neurons per suite; null for each suite's default.</param>
/// <param name="DurationMs">Simulated time (ms); null for each suite's default.</param>
/// <param name="Threads">Worker threads; null lets the engine choose.</param>
/// <param name="Seed">Network seed.</param>
/// <param name="OutDirectory">Where results.json and the plots go.</param>
/// <param name="Backend">Engine name.</param>
/// <param name="Quick">Studies run their reduced form (smaller sweeps and networks).</param>
/// <param name="DataDirectory">Studies: the folder of the data set they read; null for their default.</param>
/// <param name="Liquid"><c>nalsm-fmnist</c> only: liquid neurons (1000 or 8000); null for the study's default.</param>
/// <param name="Variant"><c>nalsm-fmnist</c> only: nalsm, lsm-stdp or lsm; null for the study's default.</param>
/// <param name="Scale">Suites with a full scale only: the fraction of its neurons, in (0, 1], instead of <paramref name="Size"/>; null for none.</param>
/// <param name="InDegreeScale">Suites that scale in-degrees only: the in-degree scale, in (0, 1]; null for the suite's default.</param>
/// <param name="PowerWatts">Suites: the machine's mean power draw while simulating (W); null to read RAPL counters where possible.</param>
/// <param name="Features"><c>nalsm-fmnist</c> only: the liquid feature file to read (when it exists) or write; null for none.</param>
/// <param name="Readout"><c>nalsm-fmnist</c> only: adam or paper; null for the study's default.</param>
/// <param name="Kernel"><c>nalsm-fmnist</c> only: summed or last-spike; null for the study's default.</param>
public sealed record RunSettings(IReadOnlyList<string> Suites, int? Size, double? DurationMs, int? Threads, ulong Seed, string OutDirectory, string Backend, bool Quick = false,
    string? DataDirectory = null, int? Liquid = null, string? Variant = null, double? Scale = null, double? InDegreeScale = null, double? PowerWatts = null,
    string? Features = null, string? Readout = null, string? Kernel = null)
{
    /// <summary>The number of neurons for <paramref name="suite"/>: from <see cref="Scale"/> of its full size, else <see cref="Size"/>, else its default.</summary>
    public int SizeFor(Suites.BenchmarkSuite suite)
        => Scale is double scale && suite.FullSize is int full ? Math.Max(1, (int)Math.Round(scale * full)) : Size ?? suite.DefaultSize;

    /// <summary>The simulated time (ms) for <paramref name="suite"/>: the given one, else the suite's, else the default.</summary>
    public double DurationFor(Suites.BenchmarkSuite suite) => DurationMs ?? suite.DefaultDurationMs ?? DefaultDurationMs;

    /// <summary>Default simulated time (ms).</summary>
    public const double DefaultDurationMs = 1000;

    /// <summary>Default seed.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>Default output folder.</summary>
    public const string DefaultOutDirectory = "out";

    /// <summary>Default engine (outside <c>mpirun</c>; under it, <c>mpi</c>).</summary>
    public const string DefaultBackend = "cpu";
}
