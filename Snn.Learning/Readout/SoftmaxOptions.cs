using Snn.Core.Validation;

namespace Snn.Learning.Readout;

/// <summary>Training settings of <see cref="SoftmaxReadout"/>: mini-batch gradient descent on the
/// cross-entropy with an L2 penalty. The defaults are Adam on shuffled batches of 64 with one-hot
/// targets (chosen on the NALSM 1000 validation set, seed 42: of Adam at step sizes 0.01, 0.001 and
/// 0.0003, batches of 32, 64 and 250, one-hot or smoothed targets, and the authors' Adadelta, Adam
/// at 0.001 on batches of 64 scored best); <see cref="Paper"/> is the authors' Adadelta set-up.</summary>
public sealed record SoftmaxOptions
{
    /// <summary>Passes over the training set, ≥ 1. Default 200.</summary>
    public int Epochs { get; init; } = 200;

    /// <summary>Samples per gradient step, ≥ 1. Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>The gradient method. Default <see cref="SoftmaxOptimizer.Adam"/>.</summary>
    public SoftmaxOptimizer Optimizer { get; init; } = SoftmaxOptimizer.Adam;

    /// <summary>Step size (Adam's α, Adadelta's learning rate), &gt; 0. Default 0.001.</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>Adadelta's decay ρ of its running averages, in [0, 1). Default 0.95 (TensorFlow's).</summary>
    public double Rho { get; init; } = 0.95;

    /// <summary>ε of both optimisers' denominators, &gt; 0. Default 1e-8.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>L2 penalty λ on the weights (not the biases), ≥ 0: the loss adds λ/2·‖W‖². Default 5e-10.</summary>
    public double L2 { get; init; } = 5e-10;

    /// <summary>Train toward softmax(one-hot) instead of the one-hot label: e/(e + K − 1) for the true
    /// class and 1/(e + K − 1) for each of the other K − 1, as the authors' code does (it passes
    /// softmax of the one-hot labels to the cross-entropy). The loss is then smallest when the true
    /// class's logit is exactly 1 above the others. Default false.</summary>
    public bool SmoothedTargets { get; init; }

    /// <summary>Shuffle the samples every epoch; false keeps the data order (fixed batches). Default true.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the shuffling.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The authors' readout (combra-lab/NALSM, NALSM_OUTPUT_LAYER.py and the F-MNIST run
    /// script): Adadelta with learning rate 0.1 (ρ 0.95, ε 1e-8), batches of 250 in data order,
    /// softmax-smoothed targets, L2 5e-10, zero initial weights, 5000 epochs.</summary>
    public static SoftmaxOptions Paper => new()
    {
        Optimizer = SoftmaxOptimizer.Adadelta, LearningRate = 0.1, BatchSize = 250, SmoothedTargets = true, Shuffle = false, Epochs = 5000,
    };

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Guard.PositiveCount(Epochs, nameof(Epochs));
        Guard.PositiveCount(BatchSize, nameof(BatchSize));
        if (!Enum.IsDefined(Optimizer))
        {
            throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, $"Optimizer = {Optimizer} is not one of {string.Join(", ", Enum.GetNames<SoftmaxOptimizer>())}.");
        }
        Guard.Positive(LearningRate, nameof(LearningRate));
        if (!(Rho >= 0 && Rho < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Rho), Rho, $"Rho = {Rho} must be in [0, 1).");
        }
        Guard.Positive(Epsilon, nameof(Epsilon));
        Guard.NonNegative(L2, nameof(L2));
    }
}
