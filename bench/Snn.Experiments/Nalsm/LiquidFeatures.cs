using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>
/// The liquid's responses to a whole data split (phases 1 and 2 of the NALSM protocol): every
/// sample's spike counts and label, with what the simulation measured on the way. Everything a
/// readout needs, so that readouts can be trained again without simulating the liquid
/// (<see cref="LiquidFeatureFile"/> stores it).
/// </summary>
public sealed record LiquidFeatures
{
    /// <summary>The protocol that produced the responses (<see cref="NalsmProtocol.Key"/>).</summary>
    public required string Protocol { get; init; }

    /// <summary>Spike counts of the liquid neurons over a training presentation, one array per sample.</summary>
    public required int[][] TrainCounts { get; init; }

    /// <summary>Labels of the training samples.</summary>
    public required int[] TrainLabels { get; init; }

    /// <summary>Spike counts over a validation presentation, one array per sample.</summary>
    public required int[][] ValidationCounts { get; init; }

    /// <summary>Labels of the validation samples.</summary>
    public required int[] ValidationLabels { get; init; }

    /// <summary>Spike counts over a test presentation, one array per sample.</summary>
    public required int[][] TestCounts { get; init; }

    /// <summary>Labels of the test samples.</summary>
    public required int[] TestLabels { get; init; }

    /// <summary>What the simulation measured: branching, rate, synapse counts and phase times.</summary>
    public required LiquidMeasurements Measurements { get; init; }

    /// <summary>Number of liquid neurons (the length of every count array).</summary>
    public int Neurons => TrainCounts.Length > 0 ? TrainCounts[0].Length : 0;
}
