using System.Globalization;
using System.Text;
using Snn.Learning.Gradient;

namespace Snn.Experiments.Delays;

/// <summary>The outcome of <see cref="DelayAblation.Run"/>: every run and the per-arm summary.</summary>
/// <param name="Task">The task's name.</param>
/// <param name="Runs">Every (arm, seed) run, arms in the order none, fixed random, learned.</param>
/// <param name="Arms">One summary per arm, same order.</param>
public sealed record AblationResult(string Task, IReadOnlyList<AblationRun> Runs, IReadOnlyList<AblationArmSummary> Arms)
{
    /// <summary>Whether the arms order as in the paper: learned &gt; fixed random &gt; none (by mean accuracy).</summary>
    public bool OrderingHolds
    {
        get
        {
            double none = MeanOf(DelayMode.None);
            double fixedRandom = MeanOf(DelayMode.FixedRandom);
            double learned = MeanOf(DelayMode.Learned);
            return learned > fixedRandom && fixedRandom > none;
        }
    }

    /// <summary>The mean accuracy of <paramref name="arm"/>, or NaN when it did not run.</summary>
    public double MeanOf(DelayMode arm)
    {
        foreach (var summary in Arms)
        {
            if (summary.Arm == arm)
            {
                return summary.MeanAccuracy;
            }
        }
        return double.NaN;
    }

    /// <summary>A plain-text (Markdown) table: arm, seeds, accuracy mean ± sd (%), throughput.</summary>
    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Task}");
        text.AppendLine("| delays | seeds | test accuracy (%) | per seed (%) | samples/s |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var arm in Arms)
        {
            var seeds = new StringBuilder();
            foreach (var run in Runs)
            {
                if (run.Arm == arm.Arm)
                {
                    seeds.Append(CultureInfo.InvariantCulture, $"{(seeds.Length == 0 ? "" : ", ")}{100 * run.TestAccuracy:F1}");
                }
            }
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {arm.Arm} | {arm.Runs} | {100 * arm.MeanAccuracy:F2} ± {100 * arm.StandardDeviation:F2} | {seeds} | {arm.SamplesPerSecond:F0} |");
        }
        return text.ToString();
    }
}
