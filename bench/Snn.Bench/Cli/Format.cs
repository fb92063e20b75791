using System.Globalization;

namespace Snn.Bench.Cli;

/// <summary>Number formats of the result tables.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>An integer with thousands separators: 320,123.</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>A duration: 1.234 s from one second up, else milliseconds with three significant digits (42.1 ms, 0.532 ms).</summary>
    public static string Seconds(double seconds)
    {
        if (seconds >= 1)
        {
            return seconds.ToString("F3", Invariant) + " s";
        }
        double ms = seconds * 1000;
        return ms.ToString(ms >= 100 ? "F0" : ms >= 10 ? "F1" : ms >= 1 ? "F2" : "F3", Invariant) + " ms";
    }

    /// <summary>Milliseconds: 1000 ms.</summary>
    public static string Milliseconds(double ms) => ms.ToString("0.###", Invariant) + " ms";

    /// <summary>A rate in Hz: 5.48 Hz.</summary>
    public static string Hertz(double hz) => hz.ToString("F2", Invariant) + " Hz";

    /// <summary>A plain number with a fixed number of decimals.</summary>
    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(Invariant), Invariant);

    /// <summary>A per-second rate with an SI prefix: 1.23 G/s.</summary>
    public static string PerSecond(double value) => Si(value) + "/s";

    /// <summary>A number with an SI prefix (k, M, G, T), three significant digits.</summary>
    public static string Si(double value)
    {
        string[] prefixes = ["", " k", " M", " G", " T"];
        int k = 0;
        double v = value;
        while (Math.Abs(v) >= 1000 && k < prefixes.Length - 1)
        {
            v /= 1000;
            k++;
        }
        return v.ToString(Math.Abs(v) >= 100 ? "F0" : Math.Abs(v) >= 10 ? "F1" : "F2", Invariant) + prefixes[k];
    }

    /// <summary>Bytes in MiB: 123.4 MiB.</summary>
    public static string MiB(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", Invariant) + " MiB";

    /// <summary>A wall/simulated ratio: 0.042 (three significant digits for small values).</summary>
    public static string Ratio(double value) => value.ToString(value >= 10 ? "F1" : value >= 1 ? "F2" : "F3", Invariant);

    /// <summary>An energy with an SI prefix down to zepto (3.21 aJ, 1.50 fJ); "-" for NaN.</summary>
    public static string Joules(double joules)
    {
        if (double.IsNaN(joules))
        {
            return "-";
        }
        string[] prefixes = ["J", "mJ", "µJ", "nJ", "pJ", "fJ", "aJ", "zJ"];
        int k = 0;
        double v = joules;
        while (v != 0 && Math.Abs(v) < 1 && k < prefixes.Length - 1)
        {
            v *= 1000;
            k++;
        }
        return v.ToString(Math.Abs(v) >= 100 ? "F0" : Math.Abs(v) >= 10 ? "F1" : "F2", Invariant) + " " + prefixes[k];
    }
}
