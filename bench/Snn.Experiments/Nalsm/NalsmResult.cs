using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>The outcome of <see cref="NalsmExperiment.Run"/>.</summary>
public sealed record NalsmResult
{
    /// <summary>The protocol that ran.</summary>
    public required NalsmOptions Options { get; init; }

    /// <summary>Test accuracy of the softmax readout, in [0, 1].</summary>
    public required double TestAccuracy { get; init; }

    /// <summary>Validation accuracy of the softmax readout at the kept epoch, in [0, 1].</summary>
    public required double ValidationAccuracy { get; init; }

    /// <summary>The softmax epoch kept (best validation accuracy).</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Test accuracy of the ridge readout, or null when it was skipped.</summary>
    public double? RidgeTestAccuracy { get; init; }

    /// <summary>Validation accuracy of the ridge readout, or null when it was skipped.</summary>
    public double? RidgeValidationAccuracy { get; init; }

    /// <summary>What the simulation of the liquid measured: branching, rate, synapse counts and phase times.</summary>
    public required LiquidMeasurements Liquid { get; init; }

    /// <summary>Wall-clock time of the readouts (s).</summary>
    public required double ReadoutSeconds { get; init; }

    /// <summary>Feature-phase wall-clock time per presented sample (ms), all workers together.</summary>
    public required double FeatureMsPerSample { get; init; }

    /// <summary>Initialisation wall-clock time per presentation (ms).</summary>
    public required double InitializationMsPerSample { get; init; }
}
