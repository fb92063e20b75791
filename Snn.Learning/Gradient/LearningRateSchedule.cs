namespace Snn.Learning.Gradient;

/// <summary>How a learning rate evolves over training (see <see cref="Schedules"/>).</summary>
public enum LearningRateSchedule
{
    /// <summary>The base rate throughout.</summary>
    Constant,

    /// <summary>PyTorch's <c>OneCycleLR</c> with cosine annealing: warm-up over the first 30 % from
    /// rate/25 to the rate, then down to rate/(25·10⁴).</summary>
    OneCycle,

    /// <summary>Cosine annealing from the rate to 0 over the whole run (<c>CosineAnnealingLR</c>, T_max = run).</summary>
    Cosine,
}
