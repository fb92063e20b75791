namespace Snn.Learning.Gradient;

/// <summary>What a <see cref="DelayNetwork"/> computes on one sample at inference (integer delays,
/// batch norm folded): the spikes of every hidden layer and the readout membrane, step by step.</summary>
/// <param name="Steps">Time steps.</param>
/// <param name="HiddenSpikes">Per hidden layer, [steps, neurons] values 0 or 1.</param>
/// <param name="Readout">Readout membrane potentials, [steps, classes].</param>
public sealed record DelayNetworkTrace(int Steps, float[][] HiddenSpikes, float[] Readout);
