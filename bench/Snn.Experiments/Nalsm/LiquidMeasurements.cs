using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>What the simulation of a liquid measured on the way to its features (phases 1 and 2).</summary>
public sealed record LiquidMeasurements
{
    /// <summary>The liquid's branching factor over the first training presentations.</summary>
    public required double BranchingFactor { get; init; }

    /// <summary>Mean liquid firing rate over the training presentations (Hz).</summary>
    public required double MeanRateHz { get; init; }

    /// <summary>Number of liquid-to-liquid synapses.</summary>
    public required int LiquidSynapses { get; init; }

    /// <summary>Number of input synapses.</summary>
    public required int InputSynapses { get; init; }

    /// <summary>Wall-clock time of the initialisation phase (s).</summary>
    public required double InitializationSeconds { get; init; }

    /// <summary>Wall-clock time of the presentations of train, validation and test (s).</summary>
    public required double FeatureSeconds { get; init; }
}
