using System.Globalization;

namespace Snn.Backends.Sfq;

/// <summary>
/// The pulse-level model's cell behaviour as measured in the circuit solver
/// (<see cref="Circuit.SfqCalibrator"/>), tabulated over temperature and global bias scale, and
/// read at an operating point by linear interpolation (first along the bias scale or standard
/// score at each tabulated temperature, then between the two temperatures around the requested
/// one). A temperature or bias scale outside the tabulated range is refused, never extrapolated.
/// <list type="bullet">
/// <item><see cref="Cells"/>: delay, jitter and delivered share of the JTL stage, splitter and
/// merger. A cell works at a bias scale only when the tabulated points on both sides of it
/// delivered at least <see cref="CellTimingPoint.WorkingShare"/> of their pulses.</item>
/// <item><see cref="GateDelays"/>: the gate's delay and jitter against z = (I_b − I_50)/σ (the
/// gray-zone delay). Below the lowest tabulated z (where too few pulses pass to measure a delay)
/// and above the highest, the edge point's value holds.</item>
/// <item><see cref="GateCurves"/>: the gate's I_50, σ and double-switch rate against the bias scale,
/// which sets the strength of the pulse driving the gate.</item>
/// </list>
/// </summary>
public sealed record SfqCalibratedTables
{
    /// <summary>Interconnect cell timing rows.</summary>
    public IReadOnlyList<CellTimingPoint> Cells { get; init; } = [];

    /// <summary>Gate delay rows.</summary>
    public IReadOnlyList<GateDelayPoint> GateDelays { get; init; } = [];

    /// <summary>Gate switching-curve rows.</summary>
    public IReadOnlyList<GateCurvePoint> GateCurves { get; init; } = [];

    /// <summary>Delay (ps), jitter (ps) and whether it works, of the cell named <paramref name="cell"/>
    /// at <paramref name="temperatureK"/> and <paramref name="biasScale"/>.</summary>
    /// <param name="cell">A cell name of <see cref="Cells"/>.</param>
    /// <param name="temperatureK">Temperature (K), inside the tabulated range.</param>
    /// <param name="biasScale">Global bias scale, inside the tabulated range.</param>
    /// <exception cref="ArgumentOutOfRangeException">Temperature or bias scale outside the tabulated range.</exception>
    public (double DelayPs, double JitterPs, bool Works) CellTiming(string cell, double temperatureK, double biasScale)
    {
        var rows = Cells.Where(c => c.Cell == cell).ToArray();
        if (rows.Length == 0)
        {
            throw new ArgumentException($"The calibrated tables have no timing of cell '{cell}' (cells: {string.Join(", ", Cells.Select(c => c.Cell).Distinct())}).", nameof(cell));
        }
        var values = AcrossTemperatures(rows, r => r.TemperatureK, temperatureK, $"{cell} timing", group =>
        {
            var sorted = group.OrderBy(r => r.BiasScale).ToArray();
            var (lower, fraction) = Locate([.. sorted.Select(r => r.BiasScale)], biasScale, "biasScale", $"{cell} timing at {Invariant(group[0].TemperatureK)} K");
            var a = sorted[lower];
            var b = sorted[Math.Min(lower + 1, sorted.Length - 1)];
            bool works = a.Works && (fraction == 0 || b.Works);
            return works ? [Lerp(a.DelayPs, b.DelayPs, fraction), Lerp(a.JitterPs, b.JitterPs, fraction), 1] : [double.NaN, double.NaN, 0];
        });
        return values[2] == 1 ? (values[0], values[1], true) : (double.NaN, double.NaN, false);
    }

    /// <summary>Delay (ps) and jitter (ps) of the gate at <paramref name="temperatureK"/> for a bias
    /// of standard score <paramref name="standardScore"/> (edge values outside the tabulated scores).</summary>
    /// <param name="temperatureK">Temperature (K), inside the tabulated range.</param>
    /// <param name="standardScore">z = (I_b − I_50)/σ, finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">Temperature outside the tabulated range.</exception>
    public (double DelayPs, double JitterPs) GateTiming(double temperatureK, double standardScore)
    {
        Core.Validation.Guard.Finite(standardScore, nameof(standardScore));
        if (GateDelays.Count == 0)
        {
            throw new InvalidOperationException("The calibrated tables have no gate delays.");
        }
        var values = AcrossTemperatures(GateDelays, r => r.TemperatureK, temperatureK, "gate delay", group =>
        {
            var sorted = group.OrderBy(r => r.StandardScore).ToArray();
            double z = Math.Clamp(standardScore, sorted[0].StandardScore, sorted[^1].StandardScore);
            var (lower, fraction) = Locate([.. sorted.Select(r => r.StandardScore)], z, nameof(standardScore), "gate delay");
            var a = sorted[lower];
            var b = sorted[Math.Min(lower + 1, sorted.Length - 1)];
            return [Lerp(a.DelayPs, b.DelayPs, fraction), Lerp(a.JitterPs, b.JitterPs, fraction)];
        });
        return (values[0], values[1]);
    }

    /// <summary>The gate's I_50 (µA), σ (µA) and double-switch rate at <paramref name="temperatureK"/> and <paramref name="biasScale"/>.</summary>
    /// <param name="temperatureK">Temperature (K), inside the tabulated range.</param>
    /// <param name="biasScale">Global bias scale, inside the tabulated range.</param>
    /// <exception cref="ArgumentOutOfRangeException">Temperature or bias scale outside the tabulated range.</exception>
    public (double HalfPassBiasUa, double SpreadUa, double DoubleSwitchRate) GateCurve(double temperatureK, double biasScale)
    {
        if (GateCurves.Count == 0)
        {
            throw new InvalidOperationException("The calibrated tables have no gate curves.");
        }
        var values = AcrossTemperatures(GateCurves, r => r.TemperatureK, temperatureK, "gate curve", group =>
        {
            var sorted = group.OrderBy(r => r.BiasScale).ToArray();
            var (lower, fraction) = Locate([.. sorted.Select(r => r.BiasScale)], biasScale, "biasScale", $"gate curve at {Invariant(group[0].TemperatureK)} K");
            var a = sorted[lower];
            var b = sorted[Math.Min(lower + 1, sorted.Length - 1)];
            return [Lerp(a.HalfPassBiasUa, b.HalfPassBiasUa, fraction), Lerp(a.SpreadUa, b.SpreadUa, fraction), Lerp(a.DoubleSwitchRate, b.DoubleSwitchRate, fraction)];
        });
        return (values[0], values[1], values[2]);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid row.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Cells, nameof(Cells));
        ArgumentNullException.ThrowIfNull(GateDelays, nameof(GateDelays));
        ArgumentNullException.ThrowIfNull(GateCurves, nameof(GateCurves));
        for (int k = 0; k < Cells.Count; k++)
        {
            var row = Cells[k];
            Core.Validation.Guard.Positive(row.TemperatureK, $"Cells[{k}].TemperatureK");
            Core.Validation.Guard.Positive(row.BiasScale, $"Cells[{k}].BiasScale");
            Core.Validation.Guard.Probability(row.DeliveredShare, $"Cells[{k}].DeliveredShare");
            if (row.Works)
            {
                Core.Validation.Guard.NonNegative(row.DelayPs, $"Cells[{k}].DelayPs");
                Core.Validation.Guard.NonNegative(row.JitterPs, $"Cells[{k}].JitterPs");
            }
        }
        for (int k = 0; k < GateDelays.Count; k++)
        {
            var row = GateDelays[k];
            Core.Validation.Guard.Positive(row.TemperatureK, $"GateDelays[{k}].TemperatureK");
            Core.Validation.Guard.Finite(row.StandardScore, $"GateDelays[{k}].StandardScore");
            Core.Validation.Guard.NonNegative(row.DelayPs, $"GateDelays[{k}].DelayPs");
            Core.Validation.Guard.NonNegative(row.JitterPs, $"GateDelays[{k}].JitterPs");
        }
        for (int k = 0; k < GateCurves.Count; k++)
        {
            var row = GateCurves[k];
            Core.Validation.Guard.Positive(row.TemperatureK, $"GateCurves[{k}].TemperatureK");
            Core.Validation.Guard.Positive(row.BiasScale, $"GateCurves[{k}].BiasScale");
            Core.Validation.Guard.Positive(row.HalfPassBiasUa, $"GateCurves[{k}].HalfPassBiasUa");
            Core.Validation.Guard.Positive(row.SpreadUa, $"GateCurves[{k}].SpreadUa");
            Core.Validation.Guard.Probability(row.DoubleSwitchRate, $"GateCurves[{k}].DoubleSwitchRate");
        }
    }

    private static double[] AcrossTemperatures<T>(IReadOnlyList<T> rows, Func<T, double> temperature, double temperatureK, string what, Func<T[], double[]> atTemperature)
    {
        double[] temperatures = [.. rows.Select(temperature).Distinct().Order()];
        var (lower, fraction) = Locate(temperatures, temperatureK, nameof(temperatureK), what, " K");
        var low = atTemperature([.. rows.Where(r => temperature(r) == temperatures[lower])]);
        if (fraction == 0)
        {
            return low;
        }
        var high = atTemperature([.. rows.Where(r => temperature(r) == temperatures[lower + 1])]);
        return [.. low.Zip(high, (a, b) => Lerp(a, b, fraction))];
    }

    /// <summary>The index i with xs[i] ≤ x &lt; xs[i+1] and the fraction of the way from xs[i] to xs[i+1];
    /// (i, 0) when x is a tabulated value (within 1e-9 relative), the last one included.</summary>
    private static (int Lower, double Fraction) Locate(double[] xs, double x, string name, string what, string unit = "")
    {
        double slack = 1e-9 * Math.Max(1, Math.Abs(x));
        if (!(x >= xs[0] - slack && x <= xs[^1] + slack))
        {
            throw new ArgumentOutOfRangeException(name, x, $"{name} = {Invariant(x)}{unit} is outside the range [{Invariant(xs[0])}, {Invariant(xs[^1])}]{unit} over which the SFQ {what} was calibrated.");
        }
        for (int i = 0; i < xs.Length - 1; i++)
        {
            if (x < xs[i + 1] - slack)
            {
                return (i, Math.Max(0, (x - xs[i]) / (xs[i + 1] - xs[i])));
            }
        }
        return (xs.Length - 1, 0);
    }

    private static double Lerp(double a, double b, double fraction) => fraction == 0 ? a : a + (b - a) * fraction;

    private static string Invariant(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
