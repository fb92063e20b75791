using Snn.Core.Validation;

namespace Snn.Learning.Readout;

/// <summary>Training settings of <see cref="SoftmaxReadout"/>: mini-batch Adam on the cross-entropy
/// with an L2 penalty (the paper trains the same model with Adadelta and L2 5e-10).</summary>
public sealed record SoftmaxOptions
{
    /// <summary>Passes over the training set, ≥ 1. Default 100.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Samples per gradient step, ≥ 1. Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam step size, &gt; 0. Default 0.01.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>L2 penalty λ on the weights (not the biases), ≥ 0: the loss adds λ/2·‖W‖². Default 5e-10.</summary>
    public double L2 { get; init; } = 5e-10;

    /// <summary>Seed of the shuffling.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Guard.PositiveCount(Epochs, nameof(Epochs));
        Guard.PositiveCount(BatchSize, nameof(BatchSize));
        Guard.Positive(LearningRate, nameof(LearningRate));
        Guard.NonNegative(L2, nameof(L2));
    }
}
