using Snn.Bench.Studies;

namespace Snn.Bench.Cli;

/// <summary>The options of <c>snn-bench run</c>; an option not given keeps its default here.</summary>
public sealed record RunSettings
{
    /// <summary>Default simulated time (ms).</summary>
    public const double DefaultDurationMs = 1000;

    /// <summary>Default seed.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>Default output folder.</summary>
    public const string DefaultOutDirectory = "out";

    /// <summary>Default engine (outside <c>mpirun</c>; under it, <c>mpi</c>).</summary>
    public const string DefaultBackend = "cpu";

    /// <summary>Suite and study names, in order (suites run first, then studies).</summary>
    public required IReadOnlyList<string> Suites { get; init; }

    /// <summary>Network seed.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Worker threads; null lets the engine choose.</summary>
    public int? Threads { get; init; }

    /// <summary>Where results.json and the plots go.</summary>
    public string OutDirectory { get; init; } = DefaultOutDirectory;

    /// <summary>Engine name.</summary>
    public string Backend { get; init; } = DefaultBackend;

    /// <summary>Neurons per suite (a study's size knob); null for each one's default.</summary>
    public int? Size { get; init; }

    /// <summary>Simulated time (ms); null for each suite's default.</summary>
    public double? DurationMs { get; init; }

    /// <summary>Suites with a full scale only: the fraction of its neurons, in (0, 1], instead of <see cref="Size"/>; null for none.</summary>
    public double? Scale { get; init; }

    /// <summary>Suites that scale in-degrees only: the in-degree scale, in (0, 1]; null for the suite's default.</summary>
    public double? InDegreeScale { get; init; }

    /// <summary>Suites: the machine's mean power draw while simulating (W); null to read RAPL counters where possible.</summary>
    public double? PowerWatts { get; init; }

    /// <summary>Studies run their reduced form (smaller sweeps and networks).</summary>
    public bool Quick { get; init; }

    /// <summary>Studies: the folder of the data set they read; null for their default.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The options of <c>nalsm-fmnist</c>.</summary>
    public NalsmStudyOptions Nalsm { get; init; } = NalsmStudyOptions.None;

    /// <summary>The number of neurons for <paramref name="suite"/>: from <see cref="Scale"/> of its full size, else <see cref="Size"/>, else its default.</summary>
    public int SizeFor(Suites.BenchmarkSuite suite)
        => Scale is double scale && suite.FullSize is int full ? Math.Max(1, (int)Math.Round(scale * full)) : Size ?? suite.DefaultSize;

    /// <summary>The simulated time (ms) for <paramref name="suite"/>: the given one, else the suite's, else the default.</summary>
    public double DurationFor(Suites.BenchmarkSuite suite) => DurationMs ?? suite.DefaultDurationMs ?? DefaultDurationMs;

    /// <summary>What a study is asked to do under these settings.</summary>
    /// <param name="status">Receives each new stage; null to ignore.</param>
    /// <param name="fraction">Receives the fraction done; null to ignore.</param>
    public StudyContext StudyContext(Action<string>? status = null, Action<double>? fraction = null)
        => new(Seed, Size, DurationMs, Threads, Quick, status, DataDirectory, fraction, Nalsm, Backend);
}
