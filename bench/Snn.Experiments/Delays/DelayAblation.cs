using Snn.Core.Validation;
using Snn.Learning.Gradient;

namespace Snn.Experiments.Delays;

/// <summary>
/// The ablation of Hammouamri et al. (ICLR 2024, Table 2): the same architecture trained with no
/// delays, fixed random delays and learned (DCLS) delays, several seeds each. Data come as
/// <see cref="SpikeTensorSet"/>s, so any task can be used; <see cref="TimingTask"/> and
/// <see cref="RowSequentialImages"/> give the settings used for the synthetic timing task and
/// row-sequential Fashion-MNIST.
/// </summary>
public static class DelayAblation
{
    /// <summary>The three arms in table order.</summary>
    public static IReadOnlyList<DelayMode> Arms { get; } = [DelayMode.None, DelayMode.FixedRandom, DelayMode.Learned];

    /// <summary>Architecture and training for a temporal-pattern task (classes differ only in spike
    /// timing): 2 × 32 LIF, K = 25, σ₀ = 12, dropout 0.1, batch 32, 8 epochs, τ = 1.005 steps.</summary>
    /// <param name="channels">Input channels, ≥ 1.</param>
    /// <param name="classes">Classes, ≥ 2.</param>
    public static (DelayNetworkConfig Config, TrainingOptions Options) TimingTask(int channels, int classes)
        => (new DelayNetworkConfig
        {
            Inputs = Guard.PositiveCount(channels, nameof(channels)),
            Hidden = [32, 32],
            Classes = classes,
            MaxDelaySteps = 25,
            SigmaInit = 12,
            Dropout = 0.1,
        },
        new TrainingOptions { Epochs = 8, BatchSize = 32 });

    /// <summary>Architecture and training for row-sequential images (one row per step, one channel per
    /// column): 2 × 64 LIF, K = 9, σ₀ = 4, dropout 0.2, batch 64, 3 epochs, τ = 1.005 steps.</summary>
    /// <param name="columns">Input channels (image columns), ≥ 1.</param>
    /// <param name="classes">Classes, ≥ 2.</param>
    public static (DelayNetworkConfig Config, TrainingOptions Options) RowSequentialImages(int columns, int classes)
        => (new DelayNetworkConfig
        {
            Inputs = Guard.PositiveCount(columns, nameof(columns)),
            Hidden = [64, 64],
            Classes = classes,
            MaxDelaySteps = 9,
            SigmaInit = 4,
            Dropout = 0.2,
        },
        new TrainingOptions { Epochs = 3, BatchSize = 64 });

    /// <summary>
    /// Trains every arm with every seed (the <see cref="DelayNetworkConfig.Delays"/> of
    /// <paramref name="config"/> and the <see cref="TrainingOptions.Seed"/> of
    /// <paramref name="options"/> are replaced) and summarises final test accuracy per arm.
    /// </summary>
    /// <param name="task">A name for the table.</param>
    /// <param name="train">Training set.</param>
    /// <param name="test">Test set.</param>
    /// <param name="config">The architecture shared by the arms.</param>
    /// <param name="options">The training settings shared by the arms.</param>
    /// <param name="seeds">At least one seed.</param>
    /// <param name="progress">Receives a line per finished run, or null.</param>
    public static AblationResult Run(string task, SpikeTensorSet train, SpikeTensorSet test, DelayNetworkConfig config, TrainingOptions options,
        IReadOnlyList<ulong> seeds, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(seeds);
        Guard.PositiveCount(seeds.Count, "seeds.Count");
        var runs = new List<AblationRun>();
        var arms = new List<AblationArmSummary>();
        foreach (var arm in Arms)
        {
            double sum = 0;
            double throughput = 0;
            var accuracies = new double[seeds.Count];
            for (int s = 0; s < seeds.Count; s++)
            {
                var result = DelayTrainer.Train(config with { Delays = arm }, train, test, options with { Seed = seeds[s] });
                accuracies[s] = result.TestAccuracy;
                sum += result.TestAccuracy;
                throughput += result.SamplesPerSecond;
                runs.Add(new AblationRun(arm, seeds[s], result.TestAccuracy, result.SamplesPerSecond, result.History));
                progress?.Report($"{task}: {arm} seed {seeds[s]}: {100 * result.TestAccuracy:F2} % ({result.SamplesPerSecond:F0} samples/s)");
            }
            double mean = sum / seeds.Count;
            double squares = 0;
            foreach (double accuracy in accuracies)
            {
                squares += (accuracy - mean) * (accuracy - mean);
            }
            double sd = seeds.Count > 1 ? Math.Sqrt(squares / (seeds.Count - 1)) : 0;
            arms.Add(new AblationArmSummary(arm, seeds.Count, mean, sd, throughput / seeds.Count));
        }
        return new AblationResult(task, runs, arms);
    }
}
