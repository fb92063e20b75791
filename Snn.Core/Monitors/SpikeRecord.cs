namespace Snn.Core.Monitors;

/// <summary>
/// Recorded spikes in time order (ties by neuron index): the time of each spike in whole steps
/// and the population-local neuron that fired. As in NEST, step k integrates from k·dt to
/// (k+1)·dt, and a threshold crossing found there is a spike at time (k+1)·dt.
/// </summary>
public sealed class SpikeRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="steps">Time of each spike in steps (time / dt).</param>
    /// <param name="neurons">Population-local neuron of each spike.</param>
    /// <param name="dt">Time step (ms).</param>
    /// <param name="recordedNeurons">How many neurons were recorded.</param>
    /// <param name="populationSize">Size of the population.</param>
    /// <param name="durationMs">Simulated time covered (ms).</param>
    public SpikeRecord(long[] steps, int[] neurons, double dt, int recordedNeurons, int populationSize, double durationMs)
    {
        if (steps.Length != neurons.Length)
        {
            throw new ArgumentException("steps and neurons must have the same length.", nameof(neurons));
        }
        Steps = steps;
        Neurons = neurons;
        Dt = dt;
        RecordedNeurons = recordedNeurons;
        PopulationSize = populationSize;
        DurationMs = durationMs;
    }

    /// <summary>Time of each spike in steps (time / dt).</summary>
    public long[] Steps { get; }

    /// <summary>Population-local neuron of each spike.</summary>
    public int[] Neurons { get; }

    /// <summary>Time step (ms).</summary>
    public double Dt { get; }

    /// <summary>Number of recorded neurons.</summary>
    public int RecordedNeurons { get; }

    /// <summary>Size of the population.</summary>
    public int PopulationSize { get; }

    /// <summary>Simulated time covered by the record (ms).</summary>
    public double DurationMs { get; }

    /// <summary>Number of spikes.</summary>
    public int Count => Steps.Length;

    /// <summary>Spike times (ms).</summary>
    public double[] Times()
    {
        var times = new double[Steps.Length];
        for (int i = 0; i < times.Length; i++)
        {
            times[i] = Steps[i] * Dt;
        }
        return times;
    }

    /// <summary>The spike times (ms) of one neuron.</summary>
    public double[] TimesOf(int neuron)
    {
        var times = new List<double>();
        for (int i = 0; i < Steps.Length; i++)
        {
            if (Neurons[i] == neuron)
            {
                times.Add(Steps[i] * Dt);
            }
        }
        return [.. times];
    }

    /// <summary>Spike count of every neuron of the population (unrecorded neurons count 0).</summary>
    public int[] CountsPerNeuron()
    {
        var counts = new int[PopulationSize];
        foreach (int neuron in Neurons)
        {
            counts[neuron]++;
        }
        return counts;
    }

    /// <summary>Mean firing rate over the recorded neurons and the covered time (Hz).</summary>
    public double MeanRate() => DurationMs <= 0 || RecordedNeurons == 0 ? 0 : Count / (RecordedNeurons * DurationMs / 1000.0);
}
