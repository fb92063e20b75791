using Snn.Core.Monitors;
using Snn.Core.Plasticity;

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

    /// <summary>The spikes recorded by <paramref name="monitor"/> after time <paramref name="sinceMs"/>
    /// (all so far by default). Reading only the latest spikes is cheap, for closed-loop code that
    /// runs in short chunks.</summary>
    SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs = 0);

    /// <summary>The samples recorded so far by <paramref name="monitor"/>.</summary>
    StateRecord GetState(StateMonitor monitor);

    /// <summary>
    /// Frees the recorded spikes at or before <paramref name="untilMs"/>, for every spike and rate
    /// monitor, so that a long run's spike record stays bounded: afterwards <see cref="GetSpikes"/>
    /// and <see cref="GetRate"/> see only later spikes. <see cref="SpikeStreamWriter"/> uses it to
    /// stream spikes to a file. Engines that keep spikes elsewhere throw
    /// <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="untilMs">The time (ms, finite, ≥ 0) up to which spikes are freed.</param>
    void DiscardSpikes(double untilMs) => throw new NotSupportedException(
        $"{GetType().Name} cannot discard recorded spikes; read them with GetSpikes(monitor, sinceMs) instead, or use the CPU engine to stream them.");

    /// <summary>The per-step spike counts recorded so far by <paramref name="monitor"/>.</summary>
    RateRecord GetRate(RateMonitor monitor);

    /// <summary>The weight snapshots recorded so far by <paramref name="monitor"/>.</summary>
    WeightRecord GetWeights(WeightMonitor monitor);

    /// <summary>The current value of a neuromodulator.</summary>
    double GetModulator(Modulator modulator);

    /// <summary>Sets a neuromodulator's value (it then relaxes toward its baseline as the run goes on).</summary>
    void SetModulator(Modulator modulator, double value);

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
