using Snn.Core.Monitors;

namespace Snn.Core.Simulation;

/// <summary>
/// A compiled network with its state. <see cref="Run"/> continues from where the last call
/// stopped; monitors accumulate over calls; a checkpoint captures everything needed to continue
/// bit-identically.
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

    /// <summary>The spikes recorded so far by <paramref name="monitor"/>.</summary>
    SpikeRecord GetSpikes(SpikeMonitor monitor);

    /// <summary>The samples recorded so far by <paramref name="monitor"/>.</summary>
    StateRecord GetState(StateMonitor monitor);

    /// <summary>The per-step spike counts recorded so far by <paramref name="monitor"/>.</summary>
    RateRecord GetRate(RateMonitor monitor);

    /// <summary>The current weights of <paramref name="projection"/>, in the order of
    /// <see cref="Projection.Instantiate"/>.</summary>
    float[] GetWeights(Projection projection);

    /// <summary>Replaces the weights of <paramref name="projection"/> (same order and count).</summary>
    void SetWeights(Projection projection, ReadOnlySpan<float> weights);

    /// <summary>Writes the complete state (neurons, pending spikes, weights, monitors, step).</summary>
    void SaveCheckpoint(Stream stream);

    /// <summary>Restores a state written by <see cref="SaveCheckpoint"/> from a simulation of the same
    /// network; throws <see cref="InvalidDataException"/> naming the byte offset of corrupt data.</summary>
    void RestoreCheckpoint(Stream stream);
}
