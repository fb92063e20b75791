namespace Snn.Core.Monitors;

/// <summary>Records the spikes of some or all neurons of a population.</summary>
public sealed class SpikeMonitor : NeuronMonitor
{
    internal SpikeMonitor(int index, Population population, int[] neurons)
        : base(index, population, neurons)
    {
    }
}
