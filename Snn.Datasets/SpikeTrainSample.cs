namespace Snn.Datasets;

/// <summary>A labelled set of spike trains (times in ms), as the synthetic tasks produce.</summary>
/// <param name="Trains">The spike trains, one per input channel.</param>
/// <param name="Label">The class label, from 0.</param>
public sealed record SpikeTrainSample(SpikeTrains Trains, int Label);
