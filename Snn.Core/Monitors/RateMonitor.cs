namespace Snn.Core.Monitors;

/// <summary>Counts the spikes of a whole population in every step (Brian2's
/// <c>PopulationRateMonitor</c>).</summary>
public sealed class RateMonitor : NeuronMonitor
{
    internal RateMonitor(int index, Population population, int[] neurons)
        : base(index, population, neurons)
    {
    }
}
