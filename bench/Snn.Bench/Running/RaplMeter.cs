using System.Globalization;

namespace Snn.Bench.Running;

/// <summary>
/// Reads the energy counters of the CPU packages through Linux's powercap interface
/// (<c>/sys/class/powercap/intel-rapl:N/energy_uj</c>, which AMD Zen processors also expose): the
/// cumulative energy in µJ of each top-level package domain, wrapping at its
/// <c>max_energy_range_uj</c>. The counters are often readable by root only; where none can be read
/// there is no meter.
/// </summary>
public sealed class RaplMeter
{
    /// <summary>Where Linux exposes the counters.</summary>
    public const string DefaultRoot = "/sys/class/powercap";

    private readonly string[] _counters;
    private readonly long[] _ranges;

    private RaplMeter(string[] counters, long[] ranges)
    {
        _counters = counters;
        _ranges = ranges;
    }

    /// <summary>The number of package domains read.</summary>
    public int Packages => _counters.Length;

    /// <summary>A meter over the readable package domains under <paramref name="root"/>, or null when there are none.</summary>
    public static RaplMeter? TryOpen(string root = DefaultRoot)
    {
        if (!Directory.Exists(root))
        {
            return null;
        }
        var counters = new List<string>();
        var ranges = new List<long>();
        foreach (string domain in Directory.GetDirectories(root, "intel-rapl:*").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(domain).Count(c => c == ':') != 1)
            {
                continue;
            }
            string counter = Path.Combine(domain, "energy_uj");
            if (TryRead(counter) is null || TryRead(Path.Combine(domain, "max_energy_range_uj")) is not long range || range <= 0)
            {
                continue;
            }
            counters.Add(counter);
            ranges.Add(range);
        }
        return counters.Count == 0 ? null : new RaplMeter([.. counters], [.. ranges]);
    }

    /// <summary>The current counter of each package (µJ).</summary>
    public long[] Read() => _counters.Select(c => TryRead(c) ?? throw new IOException($"{c} can no longer be read.")).ToArray();

    /// <summary>The energy (J) between two readings, summed over packages, counting one wrap per package when a counter went down.</summary>
    public double JoulesBetween(long[] before, long[] after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Length != _counters.Length || after.Length != _counters.Length)
        {
            throw new ArgumentException($"Readings must have one value per package ({_counters.Length}).", nameof(after));
        }
        double microjoules = 0;
        for (int p = 0; p < before.Length; p++)
        {
            long delta = after[p] - before[p];
            microjoules += delta >= 0 ? delta : delta + _ranges[p];
        }
        return microjoules * 1e-6;
    }

    private static long? TryRead(string path)
    {
        try
        {
            return long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
