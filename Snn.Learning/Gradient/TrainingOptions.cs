using Snn.Core.Validation;

namespace Snn.Learning.Gradient;

/// <summary>
/// How <see cref="DelayTrainer"/> trains: epochs, batch, the two AdamW optimisers (synaptic
/// weights and batch-norm parameters; DCLS positions) and their schedules. Defaults are the SHD
/// settings of the reference code of Hammouamri et al. (ICLR 2024).
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training set, ≥ 1. Default 50.</summary>
    public int Epochs { get; init; } = 50;

    /// <summary>Samples per optimiser step, ≥ 1. Default 256.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Peak learning rate of the weight optimiser, &gt; 0. Default 5·10⁻³ (one-cycle peak of the reference code).</summary>
    public double WeightLearningRate { get; init; } = 5e-3;

    /// <summary>Decoupled (AdamW) weight decay of synaptic weights, ≥ 0. Default 10⁻⁵.</summary>
    public double WeightDecay { get; init; } = 1e-5;

    /// <summary>Schedule of the weight learning rate. Default one-cycle.</summary>
    public LearningRateSchedule WeightSchedule { get; init; } = LearningRateSchedule.OneCycle;

    /// <summary>Learning rate of the DCLS positions (steps per unit update), &gt; 0. Default 0.1.</summary>
    public double PositionLearningRate { get; init; } = 0.1;

    /// <summary>Schedule of the position learning rate. Default cosine.</summary>
    public LearningRateSchedule PositionSchedule { get; init; } = LearningRateSchedule.Cosine;

    /// <summary>Seed of initialisation, shuffling and dropout.</summary>
    public ulong Seed { get; init; }

    /// <summary>Evaluate the test set after every epoch (true) or only after the last (false). Default true.</summary>
    public bool EvaluateEveryEpoch { get; init; } = true;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        Guard.PositiveCount(Epochs, nameof(Epochs));
        Guard.PositiveCount(BatchSize, nameof(BatchSize));
        Guard.Positive(WeightLearningRate, nameof(WeightLearningRate));
        Guard.NonNegative(WeightDecay, nameof(WeightDecay));
        Guard.Positive(PositionLearningRate, nameof(PositionLearningRate));
        if (!Enum.IsDefined(WeightSchedule))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightSchedule), WeightSchedule, $"WeightSchedule = {WeightSchedule} is not a LearningRateSchedule.");
        }
        if (!Enum.IsDefined(PositionSchedule))
        {
            throw new ArgumentOutOfRangeException(nameof(PositionSchedule), PositionSchedule, $"PositionSchedule = {PositionSchedule} is not a LearningRateSchedule.");
        }
    }
}
