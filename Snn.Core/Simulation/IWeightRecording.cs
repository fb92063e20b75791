using Snn.Core.Monitors;

namespace Snn.Core.Simulation;

/// <summary>A simulation that records weight snapshots (<see cref="Network.RecordWeights"/>).</summary>
public interface IWeightRecording : ISimulation
{
    /// <summary>The weight snapshots recorded so far by <paramref name="monitor"/>.</summary>
    WeightRecord GetWeights(WeightMonitor monitor);
}
