using Snn.Core.Monitors;

namespace Snn.Core.Simulation;

/// <summary>
/// A compiled network with its state: the contract every engine keeps. <see cref="Run"/> continues
/// from where the last call stopped; monitors accumulate over calls. What only some engines can do
/// is a capability interface the simulation also implements (<see cref="ICheckpointing"/>,
/// <see cref="IModulation"/>, <see cref="IWeightReading"/>, <see cref="IWeightWriting"/>,
/// <see cref="IWeightRecording"/>,
/// <see cref="ISpikeDiscarding"/>); <see cref="IBackend.Capabilities"/> tells which before compiling,
/// and <see cref="SimulationCapabilityExtensions"/> calls them on any simulation, throwing
/// <see cref="NotSupportedException"/> where the engine lacks one.
/// </summary>
public interface ISimulation : IDisposable
{
    /// <summary>The network this simulation runs.</summary>
    Network Network { get; }

    /// <summary>Number of steps simulated so far.</summary>
    long StepCount { get; }

    /// <summary>Simulated time so far (ms).</summary>
    double TimeMs { get; }

    /// <summary>Simulates <paramref name="durationMs"/> more milliseconds (rounded to whole steps).</summary>
    void Run(double durationMs);

    /// <summary>The spikes recorded by <paramref name="monitor"/> after time <paramref name="sinceMs"/>
    /// (all so far by default). Reading only the latest spikes is cheap, for closed-loop code that
    /// runs in short chunks.</summary>
    SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs = 0);

    /// <summary>The samples recorded so far by <paramref name="monitor"/>.</summary>
    StateRecord GetState(StateMonitor monitor);

    /// <summary>The per-step spike counts recorded so far by <paramref name="monitor"/>.</summary>
    RateRecord GetRate(RateMonitor monitor);
}
