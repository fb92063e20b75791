using System.Globalization;
using Snn.Backends.Crossbar;
using Snn.Bench.Studies;
using Snn.Datasets;
using Snn.Experiments.Crossbar;

namespace Snn.Bench.Verify;

/// <summary>
/// One non-ideal accuracy point: the random LSM of Lin et al. 2025 (256-200-10) on Fashion-MNIST,
/// in software and on an aihwkit-PCM chip with the README's periphery (8-bit ADC, 0.35 Ω wire,
/// 1 h drift, compensated), each readout retrained. The README's claim: every programmed chip stays
/// within 1 point of software (PCM: +0.40 ± 0.30 points at 10,000 / 5,000 images). At this row's
/// size the paired difference has a larger standard error, so the claim passes when the chip is
/// not worse than software by more than 1 point plus two standard errors.
/// </summary>
public sealed class CrossbarNonIdealRow : VerifyRow
{
    /// <inheritdoc />
    public override string Name => "crossbar-pcm-accuracy";

    /// <inheritdoc />
    public override string Claim => "Fashion-MNIST LSM on a PCM chip (8-bit ADC, 0.35 Ω wire, 1 h drift compensated) within 1 point of software";

    /// <inheritdoc />
    public override string Source => "README crossbar table (PCM +0.40 ± 0.30 points, 10,000 / 5,000 images); tolerance: 1 point + 2 paired standard errors";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        if (CrossbarDataSets.FashionMnistMissing(null) is { } missing)
        {
            return Skipped(missing);
        }
        var (trainCount, testCount) = context.Quick ? (300, 300) : (1000, 1000);
        context.Report($"crossbar-pcm-accuracy: {trainCount} / {testCount} images");
        var recipe = new LsmRecipe();
        var experiment = new CrossbarLsmExperiment(recipe);
        var train = CrossbarDataSets.FashionMnist(DataSplit.Train, trainCount, recipe.WindowSteps);
        var test = CrossbarDataSets.FashionMnist(DataSplit.Test, testCount, recipe.WindowSteps);
        var software = experiment.Evaluate(train, test, new LsmConfiguration("software", null));
        var chip = experiment.Evaluate(train, test, new LsmConfiguration("PCM", CrossbarLsmExperiment.Realistic(ResistiveDevice.AihwkitPcm)));
        var (points, standardError) = chip.Versus(software);
        var metrics = new Dictionary<string, double>
        {
            ["software_accuracy_percent"] = 100 * software.Accuracy,
            ["pcm_accuracy_percent"] = 100 * chip.Accuracy,
            ["difference_points"] = points,
            ["difference_standard_error_points"] = standardError,
        };
        double bound = -1 - 2 * standardError;
        return Judge(points >= bound,
            string.Create(CultureInfo.InvariantCulture, $"{100 * chip.Accuracy:F1} % vs {100 * software.Accuracy:F1} %: {points:+0.00;-0.00} ± {standardError:F2} points"),
            string.Create(CultureInfo.InvariantCulture, $"≥ {bound:F2} points"),
            "the chip loses more than the claim allows", metrics);
    }
}
