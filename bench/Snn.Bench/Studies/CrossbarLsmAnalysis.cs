using System.Globalization;
using Snn.Backends.Crossbar;
using Snn.Bench.Plotting;
using Snn.Bench.Suites;
using Snn.Datasets;
using Snn.Experiments.Crossbar;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>crossbar-lsm</c> study: the fixed random liquid of Lin et al. (Nat. Comput. Sci. 2025;
/// <see cref="LsmRecipe"/>, 256-200-10) on Fashion-MNIST (<see cref="CrossbarDataSets"/>: 16 × 16,
/// rate-coded over 50 bins), realised in software and on simulated resistive-memory chips
/// (<see cref="CrossbarLsmExperiment.StandardConfigurations"/>: software with Gaussian and with
/// stochastic-switching weights, an ideal chip, each preset device with realistic periphery and the
/// as-grown switching chip of <see cref="ResistiveDevice.ReRamHighConductance"/>), the readout
/// retrained per arm. Full: 1000 train / 500 test; <c>--quick</c>: 300 / 150; <c>--size N</c>: N /
/// max(10, N / 2). With <c>--data DIR</c> holding N-MNIST, the paper's recipe also runs on it
/// (software vs the as-grown switching chip; paper: 89.11 % and 89.66 % on the full set), else a
/// finding says how to get it. Findings: accuracy and energy per inference per arm; files: a bar
/// chart of accuracy per arm.
/// </summary>
public static class CrossbarLsmAnalysis
{
    /// <summary>The bar chart of Fashion-MNIST accuracy per arm.</summary>
    public const string Plot = "crossbar-lsm-fashion-mnist.png";

    /// <summary>The bar chart of N-MNIST accuracy per arm (only with N-MNIST).</summary>
    public const string NMnistPlot = "crossbar-lsm-n-mnist.png";

    /// <summary>The paper's N-MNIST accuracy in software (%).</summary>
    public const double PaperSoftwarePercent = 89.11;

    /// <summary>The paper's N-MNIST accuracy on resistive memory (%).</summary>
    public const double PaperChipPercent = 89.66;

    /// <summary>The device whose stochastic switching gives the zero-shot weights (the only preset with a characterised switching distribution).</summary>
    public static ResistiveDevice SwitchingDevice => ResistiveDevice.ReRamHighConductance;

    /// <summary>Why the study cannot run (Fashion-MNIST is missing), or null.</summary>
    public static string? CheckInputs(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CrossbarDataSets.FashionMnistMissing(null) is { } missing ? "crossbar-lsm: " + missing : null;
    }

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var recipe = new LsmRecipe();
        var experiment = new CrossbarLsmExperiment(recipe);
        var (trainCount, testCount) = CrossbarDataSets.Sizes(context, full: (1000, 500), quick: (300, 150));
        context.Report("Fashion-MNIST: encoding");
        var train = CrossbarDataSets.FashionMnist(DataSplit.Train, trainCount, recipe.WindowSteps);
        var test = CrossbarDataSets.FashionMnist(DataSplit.Test, testCount, recipe.WindowSteps);
        var arms = CrossbarLsmExperiment.StandardConfigurations(SwitchingDevice);
        string? nmnistMissing = CrossbarDataSets.NMnistMissing(context.DataDirectory);
        var nmnistArms = new[] { arms[0], arms[^1] };
        int totalArms = arms.Count + (nmnistMissing is null ? nmnistArms.Length : 0);
        int done = 0;
        void Progress(LsmOutcome outcome)
        {
            done++;
            context.ReportFraction(done / (double)totalArms);
            context.Report(string.Create(CultureInfo.InvariantCulture, $"{outcome.Name}: {100 * outcome.Accuracy:F1} %"));
        }

        var metrics = new Dictionary<string, double>
        {
            ["fashion_mnist_train_samples"] = train.Length,
            ["fashion_mnist_test_samples"] = test.Length,
        };
        var findings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Fashion-MNIST, random LSM {recipe.Inputs}-{recipe.Reservoir}-{recipe.Classes} ({CrossbarDataSets.Side}x{CrossbarDataSets.Side}, {recipe.WindowSteps} bins, p_max {CrossbarDataSets.MaxSpikeProbability}; {train.Length} train / {test.Length} test; ridge readout retrained per arm):"),
        };
        var outcomes = experiment.Compare(train, test, arms, Progress);
        Report(outcomes, "fashion_mnist", metrics, findings);

        IReadOnlyList<LsmOutcome>? nmnist = null;
        if (nmnistMissing is null)
        {
            string directory = context.DataDirectory!;
            var (nTrain, nTest) = CrossbarDataSets.Sizes(context, full: (1000, 500), quick: (300, 150));
            context.Report("N-MNIST: reading");
            var nmnistTrain = CrossbarDataSets.NMnist(Path.Combine(directory, "Train"), nTrain, recipe.WindowSteps);
            var nmnistTest = CrossbarDataSets.NMnist(Path.Combine(directory, "Test"), nTest, recipe.WindowSteps);
            metrics["n_mnist_train_samples"] = nmnistTrain.Length;
            metrics["n_mnist_test_samples"] = nmnistTest.Length;
            findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"N-MNIST ({directory}), the paper's 256-200-10 recipe (16x16 crop, 50 bins; {nmnistTrain.Length} train / {nmnistTest.Length} test; paper on the full set: software {PaperSoftwarePercent:F2} %, resistive memory {PaperChipPercent:F2} %):"));
            nmnist = experiment.Compare(nmnistTrain, nmnistTest, nmnistArms, Progress);
            Report(nmnist, "n_mnist", metrics, findings);
            metrics["n_mnist_ran"] = 1;
        }
        else
        {
            findings.Add(nmnistMissing);
            metrics["n_mnist_ran"] = 0;
        }

        IReadOnlyList<string> WritePlots(string folder)
        {
            var files = new List<string> { AccuracyBars(Path.Combine(folder, Plot), "Fashion-MNIST random LSM: test accuracy per arm", outcomes, 10) };
            if (nmnist is not null)
            {
                files.Add(AccuracyBars(Path.Combine(folder, NMnistPlot), "N-MNIST random LSM (256-200-10): test accuracy per arm", nmnist, 10));
            }
            return files;
        }

        return new SuiteAnalysis(metrics, findings, WritePlots);
    }

    /// <summary>The metric-name form of an arm's name: lower case, runs of other characters as one underscore.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = new System.Text.StringBuilder(name.Length);
        foreach (char c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != '_')
            {
                key.Append('_');
            }
        }
        return key.ToString().TrimEnd('_');
    }

    private static void Report(IReadOnlyList<LsmOutcome> outcomes, string prefix, Dictionary<string, double> metrics, List<string> findings)
    {
        foreach (var outcome in outcomes)
        {
            string key = $"{prefix}_{Key(outcome.Name)}";
            metrics[key + "_accuracy_percent"] = 100 * outcome.Accuracy;
            metrics[key + "_energy_per_inference_nj"] = outcome.EnergyPerInference * 1e9;
            metrics[key + "_latency_per_inference_us"] = outcome.LatencyPerInference * 1e6;
            metrics[key + "_reservoir_spikes_per_neuron"] = outcome.MeanReservoirRate;
            string energy = double.IsNaN(outcome.EnergyPerInference)
                ? "software (no chip energy)"
                : string.Create(CultureInfo.InvariantCulture, $"{outcome.EnergyPerInference * 1e9:F1} nJ and {outcome.LatencyPerInference * 1e6:F1} µs per inference");
            findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {outcome.Name}: {100 * outcome.Accuracy:F1} %, {energy}, {outcome.MeanReservoirRate:F2} reservoir spikes per neuron per sample"));
        }
        var software = outcomes[0];
        foreach (var outcome in outcomes.Skip(1))
        {
            string key = $"{prefix}_{Key(outcome.Name)}";
            var (points, error) = outcome.Versus(software);
            bool within = Math.Abs(points) + 2 * error < 1;
            metrics[key + "_minus_software_points"] = points;
            metrics[key + "_paired_standard_error_points"] = error;
            metrics[key + "_within_one_point"] = within ? 1 : 0;
            string verdict = within ? "within 1 point (|Δ| + 2 SE < 1)" : "not shown to be within 1 point";
            findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {outcome.Name} − {software.Name}: {points:+0.00;-0.00} ± {error:F2} points (paired standard error on the same test samples); {verdict}"));
        }
    }

    private static string AccuracyBars(string path, string title, IReadOnlyList<LsmOutcome> outcomes, int classes)
        => StudyPlots.Bars(path, title, "test accuracy (%)", outcomes.Select(o => (o.Name, 100 * o.Accuracy)).ToArray(), 100.0 / classes, "chance");
}
