namespace Snn.Learning.Reservoir;

/// <summary>Progress of a long reservoir computation.</summary>
/// <param name="Phase">What is running ("initialisation", "features train", "readout", ...).</param>
/// <param name="Done">Units finished (samples or epochs).</param>
/// <param name="Total">Units in the phase.</param>
public readonly record struct ReservoirProgress(string Phase, int Done, int Total);
