using Snn.Backends.Sfq;
using Snn.Core.Validation;

namespace Snn.Experiments.Sfq;

/// <summary>
/// The SFQ XOR case study of <c>snn-bench run sfq-xor</c>: it evaluates the four
/// patterns of <see cref="SfqXorDesign"/> on <see cref="SfqBackend"/>, sweeps the global bias and
/// each projection's gate bias, and returns margin tables (the bias range over which all patterns
/// are correct) at nominal conditions, under delay jitter and under critical-current spread. All
/// results are data; plotting is left to the caller.
/// </summary>
/// <param name="design">The network design; null for <see cref="SfqXorDesign.Default"/>.</param>
/// <param name="technology">The technology; null for <see cref="DefaultTechnology"/>.</param>
/// <param name="seed">Seed of every random draw.</param>
public sealed class SfqXorStudy(SfqXorDesign? design = null, SfqTechnology? technology = null, ulong seed = 1)
{
    private static readonly (bool A, bool B)[] PatternInputs = [(false, false), (false, true), (true, false), (true, true)];

    /// <summary>The design.</summary>
    public SfqXorDesign Design { get; } = design ?? SfqXorDesign.Default;

    /// <summary>The technology.</summary>
    public SfqTechnology Technology { get; } = technology ?? DefaultTechnology;

    /// <summary>The study's technology: <see cref="SfqTechnology.Default"/> with 40 pH neuron loops.
    /// A smaller loop inductance needs a smaller neuron bias for the same threshold
    /// (I_bn = I_c − n_th Φ0 / L), so a bias change moves the threshold less
    /// (∂n_th/∂β = −I_bn L / Φ0 ≈ −0.7 Φ0 for the AND neuron instead of −3.6 Φ0 at 100 pH).</summary>
    public static SfqTechnology DefaultTechnology { get; } = SfqTechnology.Default with { LoopInductancePh = 40 };

    /// <summary>The seed.</summary>
    public ulong Seed { get; } = seed;

    /// <summary>Bias scales from <paramref name="low"/> to <paramref name="high"/> in <paramref name="count"/> equal steps.</summary>
    /// <param name="low">First scale, &gt; 0.</param>
    /// <param name="high">Last scale, &gt; low.</param>
    /// <param name="count">Number of points, ≥ 2.</param>
    public static double[] Scales(double low, double high, int count)
    {
        Guard.Positive(low, nameof(low));
        if (!(high > low) || !double.IsFinite(high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"high = {high} must be finite and > low = {low}.");
        }
        Guard.InRange(count, 2, 100_000, nameof(count));
        return Enumerable.Range(0, count).Select(i => low + (high - low) * i / (count - 1)).ToArray();
    }

    /// <summary>Runs the four patterns under <paramref name="options"/> (null: nominal).</summary>
    /// <param name="options">Operating conditions.</param>
    public XorEvaluation Evaluate(SfqBackendOptions? options = null)
    {
        options ??= new SfqBackendOptions();
        var results = new XorPatternResult[PatternInputs.Length];
        for (int k = 0; k < PatternInputs.Length; k++)
        {
            var (a, b) = PatternInputs[k];
            results[k] = RunPattern(a, b, options);
        }
        return new XorEvaluation(results, Design.DecisionRateGhz, Design.WindowPs);
    }

    private XorPatternResult RunPattern(bool a, bool b, SfqBackendOptions options)
    {
        var xor = SfqXorNetwork.Build(Design, a, b, Seed);
        using var simulation = new SfqBackend(Technology, options).CompileSfq(xor.Network);
        simulation.Run(SfqConstants.Ps(Design.WindowPs + 2 * Design.ClockPeriodPs));
        var output = simulation.GetExactSpikes(xor.OutputSpikes);
        var input = simulation.GetExactSpikes(xor.InputSpikes);
        double rateGhz = output.Count / Design.WindowPs * 1000;
        double latency = output.Count > 0 && input.Count > 0 ? (output.TimesMs[0] - input.TimesMs[0]) * SfqConstants.PsPerMs : double.NaN;
        return new XorPatternResult(a, b, a ^ b, rateGhz, rateGhz > Design.DecisionRateGhz, latency, simulation.Report());
    }

    /// <summary>Evaluates the patterns at each global bias scale.</summary>
    /// <param name="scales">Global bias scales, each &gt; 0.</param>
    /// <param name="conditions">Other conditions (jitter, spread); null for nominal.</param>
    public XorBiasPoint[] SweepGlobalBias(IReadOnlyList<double> scales, SfqBackendOptions? conditions = null)
    {
        ArgumentNullException.ThrowIfNull(scales);
        conditions ??= new SfqBackendOptions();
        return scales.Select(s => new XorBiasPoint(s, Evaluate(conditions with { GlobalBiasScale = s }))).ToArray();
    }

    /// <summary>Evaluates the patterns with the gates of one projection at each bias scale (all else nominal).</summary>
    /// <param name="projection">Index of the projection in <see cref="SfqXorNetwork.Projections"/>.</param>
    /// <param name="scales">Bias scales of that projection's gates, each &gt; 0.</param>
    /// <param name="conditions">Other conditions; null for nominal.</param>
    public XorBiasPoint[] SweepProjectionBias(int projection, IReadOnlyList<double> scales, SfqBackendOptions? conditions = null)
    {
        ArgumentNullException.ThrowIfNull(scales);
        Guard.InRange(projection, 0, 3 + Design.InhibitorySynapses, nameof(projection));
        conditions ??= new SfqBackendOptions();
        return scales.Select(s => new XorBiasPoint(s, Evaluate(conditions with
        {
            ProjectionBiasScales = new Dictionary<int, double>(conditions.ProjectionBiasScales) { [projection] = s },
        }))).ToArray();
    }

    /// <summary>The contiguous passing range around the point nearest scale 1.</summary>
    /// <param name="parameter">Name of the swept parameter.</param>
    /// <param name="condition">Description of the conditions.</param>
    /// <param name="points">A sweep in ascending scale order.</param>
    public static XorBiasWindow Window(string parameter, string condition, IReadOnlyList<XorBiasPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        Guard.PositiveCount(points.Count, "points.Count");
        var window = BiasWindow.AroundNominal([.. points.Select(p => p.BiasScale)], [.. points.Select(p => p.Evaluation.AllCorrect)]);
        var nominalPoint = points.MinBy(p => Math.Abs(p.BiasScale - 1))!;
        double separation = nominalPoint.Evaluation.SeparationGhz;
        return window is (int low, int high)
            ? new XorBiasWindow(parameter, condition, points[low].BiasScale, points[high].BiasScale, separation)
            : new XorBiasWindow(parameter, condition, double.NaN, double.NaN, separation);
    }

    /// <summary>The margin table: the global-bias window, then the window of each projection's gate bias, under <paramref name="conditions"/>.</summary>
    /// <param name="scales">Bias scales to sweep, ascending.</param>
    /// <param name="conditions">Conditions; null for nominal.</param>
    public XorBiasWindow[] MarginTable(IReadOnlyList<double> scales, SfqBackendOptions? conditions = null)
    {
        conditions ??= new SfqBackendOptions();
        string condition = Describe(conditions);
        var rows = new List<XorBiasWindow> { Window("global", condition, SweepGlobalBias(scales, conditions)) };
        var names = SfqXorNetwork.Build(Design, false, false, Seed).Projections.Select(p => p.Name).ToArray();
        for (int p = 0; p < names.Length; p++)
        {
            rows.Add(Window(names[p], condition, SweepProjectionBias(p, scales, conditions)));
        }
        return [.. rows];
    }

    /// <summary>The global-bias window under each delay-jitter scale and each critical-current
    /// spread; with spread, a scale passes only when all <paramref name="chips"/> simulated chips
    /// classify all patterns correctly.</summary>
    /// <param name="scales">Global bias scales, ascending.</param>
    /// <param name="jitterScales">PyLSE delay-variability scales to try (0 = none).</param>
    /// <param name="spreads">Relative I_c spreads to try (0 = none).</param>
    /// <param name="chips">Chips per spread, ≥ 1.</param>
    public XorBiasWindow[] Robustness(IReadOnlyList<double> scales, IReadOnlyList<double> jitterScales, IReadOnlyList<double> spreads, int chips)
    {
        ArgumentNullException.ThrowIfNull(jitterScales);
        ArgumentNullException.ThrowIfNull(spreads);
        Guard.PositiveCount(chips, nameof(chips));
        var rows = new List<XorBiasWindow>();
        foreach (double jitter in jitterScales)
        {
            foreach (double spread in spreads)
            {
                int ensemble = spread > 0 ? chips : 1;
                var perChip = Enumerable.Range(0, ensemble)
                    .Select(c => SweepGlobalBias(scales, new SfqBackendOptions { DelayJitterScale = jitter, CriticalCurrentSpread = spread, ChipIndex = c }))
                    .ToArray();
                var combined = new XorBiasPoint[scales.Count];
                for (int i = 0; i < combined.Length; i++)
                {
                    var worst = perChip.Select(chip => chip[i].Evaluation).OrderBy(e => e.AllCorrect ? 1 : 0).ThenBy(e => e.SeparationGhz).First();
                    combined[i] = new XorBiasPoint(scales[i], worst);
                }
                string condition = Describe(new SfqBackendOptions { DelayJitterScale = jitter, CriticalCurrentSpread = spread }) + (ensemble > 1 ? $", worst of {ensemble} chips" : "");
                rows.Add(Window("global", condition, combined));
            }
        }
        return [.. rows];
    }

    private static string Describe(SfqBackendOptions options)
        => $"delay jitter ×{options.DelayJitterScale:0.##} (PyLSE σ = 0.2d/3), I_c spread {options.CriticalCurrentSpread * 100:0.#} %, thermal jitter {(options.ThermalJitter ? "on" : "off")}";
}
