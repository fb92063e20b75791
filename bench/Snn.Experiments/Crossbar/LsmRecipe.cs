using Snn.Backends.Crossbar;
using Snn.Core.Validation;

namespace Snn.Experiments.Crossbar;

/// <summary>
/// A fixed random liquid state machine, by default the 256-200-10 recipe of Lin et al. (Nat. Comput.
/// Sci. 2025; public code <c>MrLinNing/MemristorLSM</c>, <c>LSM-NMNIST</c>: 16 × 16 input crop, LIF decay
/// 0.9, threshold 5, 50-step window; 89.11 % software and 89.66 % on resistive memory on N-MNIST):
/// inputs → reservoir all-to-all and reservoir → reservoir all-to-all, zero-mean random weights,
/// one-step delays, the reservoir's spike counts per window as features of a trained linear readout.
/// The weight scales are ours (the paper's exact scaling code is not public); they keep the
/// reservoir active but unsaturated on rate-coded inputs.
/// </summary>
public sealed record LsmRecipe
{
    /// <summary>Input channels, ≥ 1. Default 256 (16 × 16).</summary>
    public int Inputs { get; init; } = 256;

    /// <summary>Reservoir neurons, ≥ 1. Default 200.</summary>
    public int Reservoir { get; init; } = 200;

    /// <summary>Classes, ≥ 2. Default 10.</summary>
    public int Classes { get; init; } = 10;

    /// <summary>Time bins per sample, ≥ 1. Default 50.</summary>
    public int WindowSteps { get; init; } = 50;

    /// <summary>Membrane decay per bin, in [0, 1). Default 0.9.</summary>
    public double Decay { get; init; } = 0.9;

    /// <summary>Spike threshold (dimensionless), &gt; 0. Default 5.</summary>
    public double Threshold { get; init; } = 5;

    /// <summary>Standard deviation of input weights, &gt; 0. Default 1.</summary>
    public double InputWeightStd { get; init; } = 1;

    /// <summary>Standard deviation of recurrent weights, &gt; 0. Default 0.5.</summary>
    public double RecurrentWeightStd { get; init; } = 0.5;

    /// <summary>Seed of the weights. Default 10 (the paper's default seed).</summary>
    public ulong Seed { get; init; } = 10;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid parameter.</summary>
    public void Validate()
    {
        Guard.PositiveCount(Inputs, nameof(Inputs));
        Guard.PositiveCount(Reservoir, nameof(Reservoir));
        Guard.InRange(Classes, 2, int.MaxValue, nameof(Classes));
        Guard.PositiveCount(WindowSteps, nameof(WindowSteps));
        Guard.InRange(Decay, 0, Math.BitDecrement(1.0), nameof(Decay));
        Guard.Positive(Threshold, nameof(Threshold));
        Guard.Positive(InputWeightStd, nameof(InputWeightStd));
        Guard.Positive(RecurrentWeightStd, nameof(RecurrentWeightStd));
    }
}
