namespace Snn.Core.Monitors;

/// <summary>A request to record something of a population; a simulation fills its record.</summary>
public abstract class NeuronMonitor
{
    private protected NeuronMonitor(int index, Population population, int[] neurons)
    {
        Index = index;
        Population = population;
        Neurons = neurons;
    }

    /// <summary>Position in <see cref="Network.Monitors"/>.</summary>
    public int Index { get; }

    /// <summary>The recorded population.</summary>
    public Population Population { get; }

    /// <summary>The recorded neurons (population-local, ascending, distinct).</summary>
    public IReadOnlyList<int> Neurons { get; }
}
