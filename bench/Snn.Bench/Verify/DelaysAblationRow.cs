using System.Globalization;
using Snn.Bench.Studies;
using Snn.Experiments.Delays;
using Snn.Learning.Gradient;

namespace Snn.Bench.Verify;

/// <summary>
/// The learnable-delay ablation's ordering on the synthetic temporal-pattern task (20 classes,
/// chance 5 %): no delays far below fixed random delays, and learned delays not below fixed ones.
/// The README's 3-seed results (2000 / 500 samples): none 13.0 ± 2.3 %, fixed random 93.0 ± 2.6 %,
/// learned 98.3 ± 2.7 %. Tolerance from that spread: "none" must be below both other arms by more
/// than 4 standard deviations (10 points), and "learned" may fall at most 2 standard deviations
/// (5.4 points) below "fixed random". Quick: one seed, 600 / 200 samples; full: the study's 3 seeds.
/// </summary>
public sealed class DelaysAblationRow : VerifyRow
{
    private const double PublishedSdPoints = 2.7;

    /// <inheritdoc />
    public override string Name => "delays-ablation-ordering";

    /// <inheritdoc />
    public override string Claim => "temporal-pattern task: no delays < fixed random <= learned (README: 13.0 / 93.0 / 98.3 %)";

    /// <inheritdoc />
    public override string Source => "Hammouamri et al., ICLR 2024 (Table 2 ordering); README delays-ablation, 3 seeds; tolerance from its SDs (≤ 2.7 points)";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        var (trainCount, testCount, seeds) = context.Quick ? (600, 200, new ulong[] { 1 }) : (2000, 500, new ulong[] { 1, 2, 3 });
        context.Report($"delays-ablation-ordering: {trainCount} / {testCount} samples, {seeds.Length} seed(s)");
        var task = DelayDataSets.TimingTask();
        var train = DelayDataSets.Timing(task, 0, trainCount);
        var test = DelayDataSets.Timing(task, trainCount, testCount);
        var (config, options) = DelayAblation.TimingTask(task.Channels, task.Classes);
        var result = DelayAblation.Run("temporal-pattern", train, test, config, options, seeds);
        double Accuracy(DelayMode arm) => 100 * result.Arms.Single(a => a.Arm == arm).MeanAccuracy;
        double none = Accuracy(DelayMode.None), fixedRandom = Accuracy(DelayMode.FixedRandom), learned = Accuracy(DelayMode.Learned);
        var metrics = new Dictionary<string, double>
        {
            ["none_accuracy_percent"] = none,
            ["fixed_random_accuracy_percent"] = fixedRandom,
            ["learned_accuracy_percent"] = learned,
        };
        bool ordered = none + 4 * 2.5 < fixedRandom && none + 4 * 2.5 < learned && learned >= fixedRandom - 2 * PublishedSdPoints;
        return Judge(ordered,
            string.Create(CultureInfo.InvariantCulture, $"{none:F1} / {fixedRandom:F1} / {learned:F1} %"),
            string.Create(CultureInfo.InvariantCulture, $"none + 10 < both; learned ≥ fixed - {2 * PublishedSdPoints:G2}"),
            "the arms are not in the published order", metrics);
    }
}
