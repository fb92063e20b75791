namespace Snn.Bench.Suites;

/// <summary>
/// A named benchmark network: what <c>snn-bench list</c> shows and <c>snn-bench run</c> builds.
/// </summary>
public sealed class BenchmarkSuite
{
    private readonly Func<int, ulong, BuiltNetwork> _build;
    private readonly Func<int, ulong, double, BuiltNetwork>? _buildWithInDegreeScale;

    /// <summary>Creates a suite.</summary>
    /// <param name="name">The name used on the command line (lower case, no spaces).</param>
    /// <param name="description">One line: the network and its source.</param>
    /// <param name="defaultSize">Number of neurons when <c>--size</c> is not given.</param>
    /// <param name="minimumSize">The smallest size the network can be built with.</param>
    /// <param name="dtMs">The time step the suite uses (ms).</param>
    /// <param name="build">Builds the network for a size and a seed.</param>
    /// <param name="defaultDurationMs">Simulated time (ms) when <c>--duration</c> is not given; null for the program's default.</param>
    /// <param name="fullSize">Neurons of the published full-scale model, for <c>--scale</c>; null when the suite has no full scale.</param>
    /// <param name="buildWithInDegreeScale">Builds the network for a size, a seed and an in-degree scale in (0, 1] (<c>--k-scale</c>); null when the suite cannot scale in-degrees.</param>
    public BenchmarkSuite(string name, string description, int defaultSize, int minimumSize, double dtMs, Func<int, ulong, BuiltNetwork> build, double? defaultDurationMs = null,
        int? fullSize = null, Func<int, ulong, double, BuiltNetwork>? buildWithInDegreeScale = null)
    {
        FullSize = fullSize;
        _buildWithInDegreeScale = buildWithInDegreeScale;
        DefaultDurationMs = defaultDurationMs;
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(build);
        Name = name;
        Description = description;
        DefaultSize = defaultSize;
        MinimumSize = minimumSize;
        DtMs = dtMs;
        _build = build;
    }

    /// <summary>The name used on the command line.</summary>
    public string Name { get; }

    /// <summary>One line: the network and its source.</summary>
    public string Description { get; }

    /// <summary>Number of neurons when no size is given.</summary>
    public int DefaultSize { get; }

    /// <summary>The smallest size the network can be built with.</summary>
    public int MinimumSize { get; }

    /// <summary>Simulated time (ms) when none is given, or null for the program's default.</summary>
    public double? DefaultDurationMs { get; }

    /// <summary>The suite's time step (ms).</summary>
    public double DtMs { get; }

    /// <summary>Neurons of the published full-scale model (what <c>--scale 1</c> builds), or null.</summary>
    public int? FullSize { get; }

    /// <summary>Whether <see cref="Build(int, ulong, double?)"/> accepts an in-degree scale.</summary>
    public bool ScalesInDegrees => _buildWithInDegreeScale is not null;

    /// <summary>Builds the network with <paramref name="size"/> neurons from <paramref name="seed"/>,
    /// with in-degrees scaled by <paramref name="inDegreeScale"/> (null for the suite's default).</summary>
    public BuiltNetwork Build(int size, ulong seed, double? inDegreeScale = null)
    {
        if (size < MinimumSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"size = {size} is too small for suite '{Name}'; it needs at least {MinimumSize} neurons.");
        }
        if (inDegreeScale is not double scale)
        {
            return _build(size, seed);
        }
        if (_buildWithInDegreeScale is null)
        {
            throw new ArgumentException($"Suite '{Name}' cannot scale its in-degrees (inDegreeScale = {scale}).", nameof(inDegreeScale));
        }
        if (!(scale > 0 && scale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(inDegreeScale), scale, $"inDegreeScale = {scale} must be in (0, 1].");
        }
        return _buildWithInDegreeScale(size, seed, scale);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
