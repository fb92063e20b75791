using System.Globalization;
using Snn.Backends.Sfq;
using Snn.Bench.Cli;
using Snn.Bench.Plotting;
using Snn.Bench.Suites;
using Snn.Experiments.Sfq;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>sfq-xor</c> study on <see cref="SfqXorStudy"/>: the four patterns at nominal bias, the
/// margin table (the passing range of the global bias and of each projection's gate bias, as
/// <see cref="SfqXorStudy.MarginTable"/> computes it, from the same sweeps that are plotted) and
/// the global-bias window under delay jitter and critical-current spread
/// (<see cref="SfqXorStudy.Robustness"/>). Full sweeps: 0.5–1.5 in 41 points (2.5 % steps);
/// robustness: 0.6–1.4 in 17 points, jitter ×0 and ×1, spread 0, 2 and 5 % (3 chips).
/// </summary>
public static class SfqXorAnalysis
{
    /// <summary>The PNG of the global-bias sweep.</summary>
    public const string GlobalPlot = "sfq-xor-global-bias.png";

    /// <summary>The PNG of the per-projection sweeps.</summary>
    public const string ProjectionPlot = "sfq-xor-projection-bias.png";

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var study = new SfqXorStudy(seed: context.Seed);
        double[] scales = context.Quick ? SfqXorStudy.Scales(0.7, 1.3, 7) : SfqXorStudy.Scales(0.5, 1.5, 41);
        double[] robustScales = context.Quick ? SfqXorStudy.Scales(0.8, 1.2, 5) : SfqXorStudy.Scales(0.6, 1.4, 17);
        double[] jitters = context.Quick ? [1] : [0, 1];
        double[] spreads = context.Quick ? [0.05] : [0, 0.02, 0.05];
        int chips = context.Quick ? 2 : 3;
        var metrics = new Dictionary<string, double>();
        var findings = new List<string>();

        context.Report("nominal bias");
        var nominal = study.Evaluate();
        foreach (var p in nominal.Patterns)
        {
            string key = $"pattern_{Bit(p.A)}{Bit(p.B)}";
            metrics[key + "_rate_ghz"] = p.OutputRateGhz;
            metrics[key + "_latency_ps"] = p.LatencyPs;
            metrics[key + "_energy_j"] = p.Report.TotalEnergyJ;
            findings.Add(Invariant($"nominal ({Bit(p.A)},{Bit(p.B)}) -> {p.OutputRateGhz,6:F2} GHz, expected {Bit(p.Expected)}, read {Bit(p.Output)} {(p.Correct ? "ok" : "WRONG")}, latency {Latency(p.LatencyPs)}, energy {Format.Joules(p.Report.TotalEnergyJ)}"));
        }
        long junctions = nominal.Patterns[0].Report.Junctions;
        metrics["nominal_all_correct"] = nominal.AllCorrect ? 1 : 0;
        metrics["nominal_separation_ghz"] = nominal.SeparationGhz;
        metrics["energy_per_classification_j"] = nominal.EnergyPerClassificationJ;
        metrics["classifications_per_second"] = nominal.ClassificationsPerSecond;
        metrics["junctions"] = junctions;
        metrics["circuit_errors"] = nominal.Errors;
        findings.Add(Invariant($"nominal: {(nominal.AllCorrect ? "all four patterns correct" : "NOT all patterns correct")}, separation {nominal.SeparationGhz:F2} GHz (decision rate {nominal.DecisionRateGhz:F2} GHz), {Format.Joules(nominal.EnergyPerClassificationJ)} per classification, {Format.Si(nominal.ClassificationsPerSecond)} classifications/s, {junctions} junctions, {nominal.Errors} circuit errors"));

        context.Report("global bias sweep");
        var global = study.SweepGlobalBias(scales);
        var names = SfqXorNetwork.Build(study.Design, false, false, study.Seed).Projections.Select(p => p.Name).ToArray();
        var projectionSweeps = new XorBiasPoint[names.Length][];
        for (int p = 0; p < names.Length; p++)
        {
            context.Report($"bias sweep of projection {names[p]}");
            projectionSweeps[p] = study.SweepProjectionBias(p, scales);
        }
        var margins = new List<XorBiasWindow> { SfqXorStudy.Window("global", "nominal", global) };
        margins.AddRange(names.Select((name, p) => SfqXorStudy.Window(name, "nominal", projectionSweeps[p])));
        foreach (var window in margins)
        {
            AddWindow(metrics, findings, "margin_" + window.Parameter, "margin", window);
        }

        context.Report("robustness: jitter and I_c spread");
        var robustness = study.Robustness(robustScales, jitters, spreads, chips);
        for (int r = 0; r < robustness.Length; r++)
        {
            // Robustness returns one row per (jitter, spread), spreads varying fastest.
            double jitter = jitters[r / spreads.Length], spread = spreads[r % spreads.Length];
            AddWindow(metrics, findings, $"robustness_jitter{Key(jitter)}_spread{Key(spread)}", "robustness", robustness[r]);
        }

        IReadOnlyList<string> WritePlots(string directory)
        {
            Directory.CreateDirectory(directory);
            string globalPath = Path.Combine(directory, GlobalPlot);
            string projectionPath = Path.Combine(directory, ProjectionPlot);
            var patternLines = nominal.Patterns.Select((p, k) => ($"({Bit(p.A)},{Bit(p.B)}) output rate", global.Select(g => g.Evaluation.Patterns[k].OutputRateGhz).ToArray()))
                .Append(("separation (margin)", global.Select(g => g.Evaluation.SeparationGhz).ToArray()))
                .ToArray();
            StudyPlots.Lines(globalPath, "SFQ XOR: output rate per pattern vs global bias", "global bias scale", "GHz",
                scales, patternLines, nominal.DecisionRateGhz, "decision rate", dashedLast: true);
            var projectionLines = names.Select((name, p) => (name, projectionSweeps[p].Select(x => x.Evaluation.SeparationGhz).ToArray())).ToArray();
            StudyPlots.Lines(projectionPath, "SFQ XOR: classification margin vs each projection's gate bias", "projection bias scale", "separation (GHz)",
                scales, projectionLines, 0, "classes overlap below");
            return [globalPath, projectionPath];
        }

        return new SuiteAnalysis(metrics, findings, WritePlots);
    }

    private static void AddWindow(Dictionary<string, double> metrics, List<string> findings, string key, string kind, XorBiasWindow window)
    {
        metrics[key + "_low_percent"] = window.LowMarginPercent;
        metrics[key + "_high_percent"] = window.HighMarginPercent;
        metrics[key + "_separation_ghz"] = window.NominalSeparationGhz;
        string range = double.IsNaN(window.Low)
            ? "fails at nominal bias"
            : Invariant($"{window.LowMarginPercent,6:+0.0;-0.0;0.0} % .. {window.HighMarginPercent,6:+0.0;-0.0;0.0} % (scale {window.Low:F3}-{window.High:F3})");
        string condition = kind == "margin" ? "" : $" [{window.Condition}]";
        findings.Add(Invariant($"{kind} {window.Parameter,-20} {range}, separation at nominal {window.NominalSeparationGhz:F2} GHz{condition}"));
    }

    private static string Key(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Latency(double ps) => double.IsNaN(ps) ? "-" : Invariant($"{ps:F1} ps");

    private static int Bit(bool value) => value ? 1 : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
