using Snn.Core.Monitors;

namespace Snn.Bench.Running;

/// <summary>The recorded spikes of one population.</summary>
/// <param name="Population">The population's name.</param>
/// <param name="Record">Its spikes.</param>
public sealed record PopulationSpikes(string Population, SpikeRecord Record);
