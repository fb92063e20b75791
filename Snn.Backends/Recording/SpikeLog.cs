using Snn.Core;

namespace Snn.Backends.Recording;

/// <summary>A growable list of (time in steps, global neuron) spikes in time order (of one partition, or of a whole engine).</summary>
internal sealed class SpikeLog
{
    private long[] _times = new long[256];
    private int[] _neurons = new int[256];

    public int Count { get; private set; }

    public ReadOnlySpan<long> Times => _times.AsSpan(0, Count);

    public ReadOnlySpan<int> Neurons => _neurons.AsSpan(0, Count);

    public void Add(long time, int neuron)
    {
        if (Count == _times.Length)
        {
            Array.Resize(ref _times, Count * 2);
            Array.Resize(ref _neurons, Count * 2);
        }
        _times[Count] = time;
        _neurons[Count] = neuron;
        Count++;
    }

    public void Clear() => Count = 0;

    /// <summary>Removes the spikes at or before <paramref name="time"/> (steps) and gives back memory
    /// the remaining ones no longer need.</summary>
    public void RemoveUpTo(long time)
    {
        int first = FirstAfter(time);
        if (first == 0)
        {
            return;
        }
        Count -= first;
        Array.Copy(_times, first, _times, 0, Count);
        Array.Copy(_neurons, first, _neurons, 0, Count);
        int capacity = Math.Max(256, 2 * Count);
        if (_times.Length > 2 * capacity)
        {
            Array.Resize(ref _times, capacity);
            Array.Resize(ref _neurons, capacity);
        }
    }

    /// <summary>The index of the first spike later than <paramref name="time"/> (binary search).</summary>
    public int FirstAfter(long time)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (_times[middle] <= time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>The spikes later than <paramref name="since"/> (steps) of the neurons of <paramref name="population"/>
    /// marked in <paramref name="wanted"/> (by local index), with local neuron indices, in log order.</summary>
    public (long[] Times, int[] Neurons) Select(Population population, bool[] wanted, long since)
    {
        var times = new List<long>();
        var neurons = new List<int>();
        for (int k = FirstAfter(since); k < Count; k++)
        {
            int local = _neurons[k] - population.Offset;
            if (local >= 0 && local < population.Size && wanted[local])
            {
                times.Add(_times[k]);
                neurons.Add(local);
            }
        }
        return ([.. times], [.. neurons]);
    }
}
