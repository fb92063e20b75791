using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Simulation;

namespace Snn.Bench.Suites;

/// <summary>A suite's network with the spike monitors that cover all of its (non-input) neurons.</summary>
/// <param name="Network">The network.</param>
/// <param name="Spikes">One spike monitor per recorded population.</param>
public sealed record BuiltNetwork(Network Network, IReadOnlyList<SpikeMonitor> Spikes)
{
    /// <summary>Number of recorded neurons.</summary>
    public int RecordedNeurons => Spikes.Sum(m => m.Neurons.Count);

    /// <summary>The suite's own analysis of a finished simulation (null for none): it reads the
    /// monitors the builder created and compares with the published result.</summary>
    public Func<ISimulation, SuiteAnalysis>? Analyze { get; init; }
}
