using Snn.Core.Models;
using Snn.Core.Validation;
using Snn.Learning.Readout;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>
/// The whole NALSM protocol of Ivanov &amp; Michmizos (2021): liquid, plasticity, astrocyte, the two
/// phases (initialisation over short random presentations with weights carried over, then one
/// presentation per sample from the initialised weights), data split and readout. The presets give
/// the paper's configurations and a quick one.
/// </summary>
public sealed record NalsmOptions
{
    /// <summary>The liquid's structure.</summary>
    public LiquidOptions Liquid { get; init; } = LiquidOptions.Liquid1000;

    /// <summary>The liquid and input neuron model (its <see cref="NalsmNeuron.WindowSteps"/> is set per phase).</summary>
    public NalsmNeuron Neuron { get; init; } = NalsmNeuron.Paper;

    /// <summary>The synaptic kernel: only each presynaptic neuron's last spike, the authors' kernel
    /// (<see cref="SynapticKernel.LastSpike"/>, default), or every spike summed
    /// (<see cref="SynapticKernel.Summed"/>, the engine's plain current synapse).</summary>
    public SynapticKernel Kernel { get; init; } = SynapticKernel.LastSpike;

    /// <summary>Static, STDP or astrocyte-modulated STDP.</summary>
    public ReservoirMode Mode { get; init; } = ReservoirMode.Astrocyte;

    /// <summary>η₊ at the start of every presentation, ≥ 0. Default 0.15.</summary>
    public double PotentiationRate { get; init; } = 0.15;

    /// <summary>w_A, the astrocyte's gain per spike (finite). Default 0.015 (1000 neurons; 0.0075 for 8000).</summary>
    public double AstrocyteWeight { get; init; } = 0.015;

    /// <summary>b_A, the astrocyte's bias and A(0), and the fixed A of <see cref="ReservoirMode.Stdp"/>. Default 0.15.</summary>
    public double AstrocyteBias { get; init; } = 0.15;

    /// <summary>τ_A (ms), ≥ 1. Default 100.</summary>
    public double AstrocyteTauMs { get; init; } = 100;

    /// <summary>Per-ms decay of η₊, A, w_A and b_A while a sample is presented for its features, in (0, 1]. Default 0.99.</summary>
    public double PresentationDecayPerMs { get; init; } = 0.99;

    /// <summary>Number of random training presentations that initialise the liquid, ≥ 0. Default 50 000.</summary>
    public int InitializationSamples { get; init; } = 50_000;

    /// <summary>Length of an initialisation presentation (ms, whole), ≥ 2. Default 20.</summary>
    public int InitializationMs { get; init; } = 20;

    /// <summary>Length of a feature presentation (ms, whole), ≥ 2. Default 250.</summary>
    public int PresentationMs { get; init; } = 250;

    /// <summary>Training samples used (the first ones of the training set), ≥ 1. Default 50 000.</summary>
    public int TrainCount { get; init; } = 50_000;

    /// <summary>Validation samples (the last ones of the training set, after the training ones), ≥ 1. Default 10 000.</summary>
    public int ValidationCount { get; init; } = 10_000;

    /// <summary>Test samples used (the first ones of the test set), ≥ 1. Default 10 000.</summary>
    public int TestCount { get; init; } = 10_000;

    /// <summary>Samples presented by one compiled network, ≥ 1. Default 200.</summary>
    public int ChunkSamples { get; init; } = 200;

    /// <summary>Networks simulated in parallel during the feature phase, ≥ 1. Default: one per core.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Feature presentations whose spikes enter the branching factor, ≥ 0. Default 1000.</summary>
    public int BranchingSamples { get; init; } = 1000;

    /// <summary>Milliseconds ignored at each end of a presentation by the branching factor
    /// (<see cref="BranchingFactor.MarginSteps"/>), ≥ 0, with 2·margin + 8 below
    /// <see cref="PresentationMs"/>. Default 25, the authors' value.</summary>
    public int BranchingMarginMs { get; init; } = 25;

    /// <summary>The softmax readout's training settings.</summary>
    public SoftmaxOptions Softmax { get; init; } = new();

    /// <summary>Ridge penalty λ of the ridge readout (≥ 0), or null to skip it. Default 1e-3.</summary>
    public double? RidgePenalty { get; init; } = 1e-3;

    /// <summary>Seed of the input spikes and the choice of initialisation samples.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>NALSM with 1000 liquid neurons (paper: 83.05 ± 0.21 % on Fashion-MNIST).</summary>
    public static NalsmOptions Nalsm1000 => new();

    /// <summary>NALSM with 8000 liquid neurons and w_A = 0.0075 (paper: 85.61 ± 0.18 %).</summary>
    public static NalsmOptions Nalsm8000 => new() { Liquid = LiquidOptions.Liquid8000, AstrocyteWeight = 0.0075 };

    /// <summary>LSM+STDP with 1000 liquid neurons: the same protocol with A fixed at b_A.</summary>
    public static NalsmOptions LsmStdp1000 => new() { Mode = ReservoirMode.Stdp };

    /// <summary>The plain LSM with 1000 liquid neurons and fixed weights (no initialisation phase).</summary>
    public static NalsmOptions Lsm1000 => new() { Mode = ReservoirMode.Static, InitializationSamples = 0 };

    /// <summary>NALSM 1000 on 5 000 training, 1 000 validation and 1 000 test samples after 5 000
    /// initialisation presentations: a few minutes on a laptop.</summary>
    public static NalsmOptions Quick => new()
    {
        InitializationSamples = 5_000, TrainCount = 5_000, ValidationCount = 1_000, TestCount = 1_000, BranchingSamples = 200,
    };

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Liquid, nameof(Liquid));
        ArgumentNullException.ThrowIfNull(Softmax, nameof(Softmax));
        Liquid.Validate();
        Neuron.Validate();
        if (!Enum.IsDefined(Kernel))
        {
            throw new ArgumentOutOfRangeException(nameof(Kernel), Kernel, $"Kernel = {Kernel} must be {SynapticKernel.Summed} or {SynapticKernel.LastSpike}.");
        }
        Softmax.Validate();
        Guard.NonNegative(PotentiationRate, nameof(PotentiationRate));
        Guard.Finite(AstrocyteWeight, nameof(AstrocyteWeight));
        Guard.Finite(AstrocyteBias, nameof(AstrocyteBias));
        Guard.InRange(AstrocyteTauMs, 1, double.MaxValue, nameof(AstrocyteTauMs));
        if (!(PresentationDecayPerMs > 0 && PresentationDecayPerMs <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PresentationDecayPerMs), PresentationDecayPerMs, $"PresentationDecayPerMs = {PresentationDecayPerMs} must be in (0, 1].");
        }
        Guard.InRange(InitializationSamples, 0, int.MaxValue, nameof(InitializationSamples));
        Guard.InRange(InitializationMs, 2, 1_000_000, nameof(InitializationMs));
        Guard.InRange(PresentationMs, 2, 1_000_000, nameof(PresentationMs));
        Guard.PositiveCount(TrainCount, nameof(TrainCount));
        Guard.PositiveCount(ValidationCount, nameof(ValidationCount));
        Guard.PositiveCount(TestCount, nameof(TestCount));
        Guard.PositiveCount(ChunkSamples, nameof(ChunkSamples));
        Guard.PositiveCount(Workers, nameof(Workers));
        Guard.InRange(BranchingSamples, 0, int.MaxValue, nameof(BranchingSamples));
        Guard.InRange(BranchingMarginMs, 0, int.MaxValue, nameof(BranchingMarginMs));
        if (BranchingSamples > 0 && 2L * BranchingMarginMs + 8 >= PresentationMs)
        {
            throw new ArgumentOutOfRangeException(nameof(BranchingMarginMs), BranchingMarginMs,
                $"BranchingMarginMs = {BranchingMarginMs} leaves no spike to measure in a presentation of PresentationMs = {PresentationMs} ms; 2·margin + 8 must be below it.");
        }
        if (RidgePenalty is { } ridge)
        {
            Guard.NonNegative(ridge, nameof(RidgePenalty));
        }
    }
}
