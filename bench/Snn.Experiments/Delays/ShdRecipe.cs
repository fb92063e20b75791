using Snn.Learning.Gradient;

namespace Snn.Experiments.Delays;

/// <summary>
/// The Spiking Heidelberg Digits recipe of Hammouamri et al. (ICLR 2024; 95.07 ± 0.24 % with
/// learned delays): 700 cochlear channels pooled by 5 to 140, 10 ms bins (100 steps for 1 s), two
/// hidden layers of 256 LIF (τ = 10.05 ms = 1.005 steps), K = 25 (250 ms), σ₀ = 12 → 0.23, dropout
/// 0.4, batch 256, AdamW (one-cycle, peak 5·10⁻³, decay 10⁻⁵) and positions at 0.1 (cosine),
/// 150 epochs. The caller bins the data (binary spikes per bin) into <see cref="SpikeTensorSet"/>s.
/// </summary>
public static class ShdRecipe
{
    /// <summary>Channels per pooled channel (700 → 140).</summary>
    public const int PoolFactor = 5;

    /// <summary>Bin width (ms).</summary>
    public const double BinMs = 10;

    /// <summary>Steps per sample (1 s of audio).</summary>
    public const int Steps = 100;

    /// <summary>Input channels after pooling.</summary>
    public const int Channels = 140;

    /// <summary>SHD classes.</summary>
    public const int Classes = 20;

    /// <summary>The paper's architecture.</summary>
    public static DelayNetworkConfig Config => new()
    {
        Inputs = Channels,
        Hidden = [256, 256],
        Classes = Classes,
        Delays = DelayMode.Learned,
        MaxDelaySteps = 25,
        TauSteps = 1.005,
        SigmaInit = 12,
        SigmaFinal = 0.23,
        SigmaAnnealFraction = 0.25,
        Dropout = 0.4,
        BatchNorm = true,
    };

    /// <summary>The paper's optimisation (150 epochs).</summary>
    public static TrainingOptions Options => new()
    {
        Epochs = 150,
        BatchSize = 256,
        WeightLearningRate = 5e-3,
        WeightDecay = 1e-5,
        WeightSchedule = LearningRateSchedule.OneCycle,
        PositionLearningRate = 0.1,
        PositionSchedule = LearningRateSchedule.Cosine,
    };

    /// <summary>Trains the recipe on binned SHD.</summary>
    /// <param name="train">shd_train, [100 steps, 140 channels] per sample.</param>
    /// <param name="test">shd_test, same shape.</param>
    /// <param name="seed">The training seed.</param>
    /// <param name="epochs">Epochs, or null for the paper's 150.</param>
    /// <param name="progress">Receives every epoch's record, or null.</param>
    public static TrainingResult Run(SpikeTensorSet train, SpikeTensorSet test, ulong seed = 0, int? epochs = null, IProgress<EpochRecord>? progress = null)
    {
        var options = Options with { Seed = seed };
        if (epochs is int e)
        {
            options = options with { Epochs = e };
        }
        return DelayTrainer.Train(Config, train, test, options, progress);
    }
}
