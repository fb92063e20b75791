using System.Globalization;
using Snn.Backends.Crossbar;
using Snn.Bench.Plotting;
using Snn.Bench.Suites;
using Snn.Datasets;
using Snn.Experiments.Crossbar;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>crossbar-sweep</c> study: <see cref="CrossbarSweep"/> on the <c>crossbar-lsm</c> liquid
/// and Fashion-MNIST data: accuracy and energy per inference against one non-ideality at a time
/// (levels, read noise, programming noise, drift time with and without compensation, stuck-at rate,
/// ADC bits, wire resistance), every other non-ideality off, on the conductance range of
/// <see cref="ResistiveDevice.ReRamHighConductance"/>, against the software liquid on the same
/// samples. Full: every point, 1000 train / 500 test; <c>--quick</c>: a few points per parameter,
/// 300 / 150; <c>--size N</c>: a few points, N / max(10, N / 2). It ends with on-chip learning
/// through the devices' pulse response (<see cref="CrossbarLearningAnalysis"/>: STDP finding correlated
/// inputs, software against each learning preset; seconds; findings and metrics only). Files: one PNG
/// per parameter (accuracy against the swept value, the software accuracy as reference).
/// </summary>
public static class CrossbarSweepAnalysis
{
    /// <summary>The device whose conductance range the sweep uses.</summary>
    public static ResistiveDevice BaseDevice => ResistiveDevice.ReRamHighConductance;

    /// <summary>The PNG of one swept parameter.</summary>
    public static string PlotFile(SweepParameter parameter) => $"crossbar-sweep-{CrossbarLsmAnalysis.Key(parameter.ToString())}.png";

    /// <summary>Why the study cannot run (Fashion-MNIST is missing), or null.</summary>
    public static string? CheckInputs(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CrossbarDataSets.FashionMnistMissing(null) is { } missing ? "crossbar-sweep: " + missing : null;
    }

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recipe = new LsmRecipe();
        var experiment = new CrossbarLsmExperiment(recipe);
        bool brief = context.Quick || context.Size is not null;
        var (trainCount, testCount) = CrossbarDataSets.Sizes(context, full: (1000, 500), quick: (300, 150));
        context.Report("Fashion-MNIST: encoding");
        var train = CrossbarDataSets.FashionMnist(DataSplit.Train, trainCount, recipe.WindowSteps);
        var test = CrossbarDataSets.FashionMnist(DataSplit.Test, testCount, recipe.WindowSteps);
        int total = CrossbarSweep.Points(brief).Count + 2;

        context.Report("software reference");
        var software = experiment.Evaluate(train, test, new LsmConfiguration("software, Gaussian weights", null));
        int done = 1;
        context.ReportFraction(done / (double)total);
        var points = CrossbarSweep.Run(experiment, train, test, BaseDevice, brief, point =>
        {
            done++;
            context.ReportFraction(done / (double)total);
            context.Report(string.Create(CultureInfo.InvariantCulture, $"{point.Parameter} = {point.Value:G4}: {100 * point.Accuracy:F1} %"));
        });

        var metrics = new Dictionary<string, double>
        {
            ["train_samples"] = train.Length,
            ["test_samples"] = test.Length,
            ["software_accuracy_percent"] = 100 * software.Accuracy,
        };
        var findings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Fashion-MNIST random LSM {recipe.Inputs}-{recipe.Reservoir}-{recipe.Classes}, {train.Length} train / {test.Length} test; one non-ideality at a time on the {BaseDevice.Name} conductance range "
                + $"({BaseDevice.GMin:G3}-{BaseDevice.GMax:G3} µS), readout retrained per point; software: {100 * software.Accuracy:F1} %"),
        };
        var parameters = points.Select(p => p.Parameter).Distinct().ToArray();
        foreach (var parameter in parameters)
        {
            var row = points.Where(p => p.Parameter == parameter).ToArray();
            string key = CrossbarLsmAnalysis.Key(parameter.ToString());
            foreach (var point in row)
            {
                string value = CrossbarLsmAnalysis.Key(point.Value.ToString("G4", CultureInfo.InvariantCulture));
                metrics[$"{key}_{value}_accuracy_percent"] = 100 * point.Accuracy;
                metrics[$"{key}_{value}_energy_per_inference_nj"] = point.EnergyPerInference * 1e9;
            }
            var worst = row.MinBy(p => p.Accuracy)!;
            metrics[$"{key}_largest_drop_points"] = 100 * (software.Accuracy - worst.Accuracy);
            findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {parameter} ({Unit(parameter)}): {string.Join(", ", row.Select(p => $"{p.Value:G4} -> {100 * p.Accuracy:F1} % ({p.EnergyPerInference * 1e9:F1} nJ)"))}; "
                + $"largest drop from software {100 * (software.Accuracy - worst.Accuracy):F1} points"));
        }

        context.Report("on-chip STDP through the devices' pulse response");
        var learning = CrossbarLearningAnalysis.Run(context);
        context.ReportFraction(1);
        foreach (var (key, value) in learning.Metrics)
        {
            metrics[key] = value;
        }
        findings.AddRange(learning.Findings);

        IReadOnlyList<string> WritePlots(string folder) => parameters.Select(parameter =>
        {
            var row = points.Where(p => p.Parameter == parameter).ToArray();
            bool logarithmic = parameter is SweepParameter.DriftTime or SweepParameter.DriftTimeCompensated;
            double[] x = row.Select(p => logarithmic ? Math.Log10(p.Value) : p.Value).ToArray();
            string xLabel = logarithmic ? $"log10 {Unit(parameter)}" : Unit(parameter);
            return StudyPlots.Lines(Path.Combine(folder, PlotFile(parameter)), $"crossbar LSM on Fashion-MNIST: accuracy against {parameter}", xLabel, "test accuracy (%)", x,
                [("crossbar (" + BaseDevice.Name + " range)", row.Select(p => 100 * p.Accuracy).ToArray())], 100 * software.Accuracy, "software");
        }).ToArray();

        return new SuiteAnalysis(metrics, findings, WritePlots);
    }

    /// <summary>What a swept value means, with its unit.</summary>
    public static string Unit(SweepParameter parameter) => parameter switch
    {
        SweepParameter.Levels => "conductance levels",
        SweepParameter.ReadNoise => "read noise (sigma / G)",
        SweepParameter.ProgrammingNoise => "programming noise (sigma / GMax)",
        SweepParameter.DriftTime => "time since programming (s), no compensation",
        SweepParameter.DriftTimeCompensated => "time since programming (s), drift compensated",
        SweepParameter.StuckAtRate => "stuck-at rate (fraction of cells)",
        SweepParameter.AdcBits => "ADC bits",
        SweepParameter.WireResistance => "wire resistance per cell (Ohm)",
        _ => parameter.ToString(),
    };
}
