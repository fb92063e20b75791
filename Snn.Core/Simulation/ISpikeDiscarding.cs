namespace Snn.Core.Simulation;

/// <summary>A simulation that can free recorded spikes, so that a long run's spike record stays bounded.</summary>
public interface ISpikeDiscarding : ISimulation
{
    /// <summary>
    /// Frees the recorded spikes at or before <paramref name="untilMs"/>, for every spike and rate
    /// monitor: afterwards <see cref="ISimulation.GetSpikes"/> and <see cref="ISimulation.GetRate"/>
    /// see only later spikes. <see cref="SpikeStreamWriter"/> uses it to stream spikes to a file.
    /// </summary>
    /// <param name="untilMs">The time (ms, finite, ≥ 0) up to which spikes are freed.</param>
    void DiscardSpikes(double untilMs);
}
