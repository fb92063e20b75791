namespace Snn.Backends.EventDriven;

/// <summary>
/// Spikes with their exact (continuous) times, as the event-driven engines produce them, in time
/// order with ties by neuron index.
/// </summary>
/// <param name="TimesMs">Spike times (ms).</param>
/// <param name="Neurons">Population-local neuron of each spike.</param>
public sealed record ExactSpikeRecord(double[] TimesMs, int[] Neurons)
{
    /// <summary>Number of spikes.</summary>
    public int Count => TimesMs.Length;

    /// <summary>The spike times (ms) of one neuron.</summary>
    /// <param name="neuron">Population-local neuron index.</param>
    public double[] TimesOf(int neuron)
    {
        var times = new List<double>();
        for (int i = 0; i < TimesMs.Length; i++)
        {
            if (Neurons[i] == neuron)
            {
                times.Add(TimesMs[i]);
            }
        }
        return [.. times];
    }
}
