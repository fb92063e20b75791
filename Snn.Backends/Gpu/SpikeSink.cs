using ILGPU;

namespace Snn.Backends.Gpu;

/// <summary>
/// Where the neuron kernels put a spike: the compacted spike list of the step (an atomic counter
/// per history slot; the last <c>Slots</c> steps are kept for plastic projections, whose spikes are
/// processed when they arrive), the per-population spike count of the step (for modulators) and,
/// for recorded neurons, the monitor log that the host copies back in batches.
/// </summary>
internal struct SpikeSink
{
    /// <summary>Spiking neurons of the last <c>Slots</c> steps: slot s at [s·N, s·N + Counts[s]).</summary>
    public ArrayView<int> History;

    /// <summary>Number of spikes in each history slot.</summary>
    public ArrayView<int> Counts;

    /// <summary>Spikes of each population in the current step.</summary>
    public ArrayView<int> PopulationCounts;

    /// <summary>1 for neurons whose spikes are recorded.</summary>
    public ArrayView<int> Recorded;

    /// <summary>Recorded spikes since the last copy: global neuron.</summary>
    public ArrayView<int> LogNeurons;

    /// <summary>Recorded spikes since the last copy: time in steps.</summary>
    public ArrayView<long> LogSteps;

    /// <summary>Number of recorded spikes since the last copy (one element).</summary>
    public ArrayView<int> LogCount;

    /// <summary>Number of neurons N.</summary>
    public int Neurons;

    /// <summary>Appends a spike of global neuron <paramref name="neuron"/> emitted by <paramref name="step"/>.</summary>
    public readonly void Emit(int neuron, int historySlot, int population, long step)
    {
        int k = Atomic.Add(ref Counts[historySlot], 1);
        History[(long)historySlot * Neurons + k] = neuron;
        Atomic.Add(ref PopulationCounts[population], 1);
        if (Recorded[neuron] != 0)
        {
            int at = Atomic.Add(ref LogCount[0], 1);
            LogNeurons[at] = neuron;
            LogSteps[at] = step + 1;
        }
    }
}
