namespace Snn.Bench.Nir;

/// <summary>The Poisson spike trains that drove one NIR <c>Input</c> node.</summary>
/// <param name="Input">The Input node's name.</param>
/// <param name="Channels">Its channels (spike sources).</param>
/// <param name="Spikes">Spikes drawn for all its channels.</param>
public sealed record NirInputDrive(string Input, int Channels, long Spikes);
