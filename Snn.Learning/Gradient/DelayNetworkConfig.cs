using Snn.Core.Validation;

namespace Snn.Learning.Gradient;

/// <summary>
/// The architecture of a feed-forward spiking network with synaptic delays (Hammouamri,
/// Khalfaoui-Hassani &amp; Masquelier, ICLR 2024): every hidden layer is
/// delay-dense synapses → batch norm → LIF → dropout, and the readout is delay-dense synapses into
/// non-spiking LIF membranes. Time is discrete (one step = one input bin); all times are in steps.
/// </summary>
public sealed record DelayNetworkConfig
{
    /// <summary>Input channels, ≥ 1.</summary>
    public required int Inputs { get; init; }

    /// <summary>Neurons per hidden layer, each ≥ 1; at least one layer.</summary>
    public required IReadOnlyList<int> Hidden { get; init; }

    /// <summary>Output classes (readout neurons), ≥ 2.</summary>
    public required int Classes { get; init; }

    /// <summary>The delay arm. Default <see cref="DelayMode.Learned"/>.</summary>
    public DelayMode Delays { get; init; } = DelayMode.Learned;

    /// <summary>K, the DCLS kernel size (steps), in [1, 4096]: delays lie in [0, K − 1] steps. Ignored
    /// (taken as 1) for <see cref="DelayMode.None"/>. Default 25 (250 ms at 10 ms bins).</summary>
    public int MaxDelaySteps { get; init; } = 25;

    /// <summary>Membrane time constant τ (steps), &gt; 1: v ← v (1 − 1/τ) + I. Default 1.005
    /// (the reference code's 10.05 ms at 10 ms steps).</summary>
    public double TauSteps { get; init; } = 1.005;

    /// <summary>Initial DCLS Gaussian width σ₀ (steps), ≥ <see cref="SigmaFinal"/>. Default 12 (⌊K/2⌋).</summary>
    public double SigmaInit { get; init; } = 12;

    /// <summary>Final DCLS Gaussian width σ₁ (steps), &gt; 0. Default 0.23.</summary>
    public double SigmaFinal { get; init; } = 0.23;

    /// <summary>Fraction of training over which σ decays from σ₀ to σ₁, in (0, 1]. Default 0.25.</summary>
    public double SigmaAnnealFraction { get; init; } = 0.25;

    /// <summary>Dropout probability of hidden spikes (one mask per sample and neuron, shared by all
    /// steps), in [0, 1). Default 0.4.</summary>
    public double Dropout { get; init; } = 0.4;

    /// <summary>Whether hidden layers batch-normalise their synaptic input. Default true.</summary>
    public bool BatchNorm { get; init; } = true;

    /// <summary>α of the ATan surrogate σ'(x) = (α/2) / (1 + (π α x / 2)²), &gt; 0. Default 5.</summary>
    public double SurrogateAlpha { get; init; } = 5;

    /// <summary>The kernel size actually used: 1 for <see cref="DelayMode.None"/>, else <see cref="MaxDelaySteps"/>.</summary>
    public int KernelSize => Delays == DelayMode.None ? 1 : MaxDelaySteps;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        Guard.PositiveCount(Inputs, nameof(Inputs));
        ArgumentNullException.ThrowIfNull(Hidden, nameof(Hidden));
        if (Hidden.Count == 0)
        {
            throw new ArgumentException("Hidden = [] must list at least one hidden layer.", nameof(Hidden));
        }
        for (int l = 0; l < Hidden.Count; l++)
        {
            Guard.PositiveCount(Hidden[l], $"Hidden[{l}]");
        }
        Guard.InRange(Classes, 2, 1 << 16, nameof(Classes));
        if (!Enum.IsDefined(Delays))
        {
            throw new ArgumentOutOfRangeException(nameof(Delays), Delays, $"Delays = {Delays} is not a DelayMode.");
        }
        Guard.InRange(MaxDelaySteps, 1, 4096, nameof(MaxDelaySteps));
        if (!double.IsFinite(TauSteps) || TauSteps <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TauSteps), TauSteps, $"TauSteps = {TauSteps} must be finite and > 1 step.");
        }
        Guard.Positive(SigmaFinal, nameof(SigmaFinal));
        Guard.InRange(SigmaInit, SigmaFinal, 1e6, nameof(SigmaInit));
        Guard.InRange(SigmaAnnealFraction, double.Epsilon, 1, nameof(SigmaAnnealFraction));
        Guard.InRange(Dropout, 0, 0.999, nameof(Dropout));
        Guard.Positive(SurrogateAlpha, nameof(SurrogateAlpha));
        int inputs = Inputs;
        for (int l = 0; l <= Hidden.Count; l++)
        {
            int outputs = l < Hidden.Count ? Hidden[l] : Classes;
            long values = (long)inputs * outputs * KernelSize;
            if (values > Array.MaxLength)
            {
                string name = l < Hidden.Count ? $"Hidden[{l}]" : nameof(Classes);
                throw new ArgumentException($"Layer {l} has {inputs} inputs × {name} = {outputs} outputs × kernel {KernelSize} = {values} kernel values, "
                    + $"above the {Array.MaxLength} elements one .NET array holds; use smaller layers or a smaller MaxDelaySteps.", name);
            }
            inputs = outputs;
        }
    }
}
