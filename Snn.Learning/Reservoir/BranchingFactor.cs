using Snn.Core.Validation;

namespace Snn.Learning.Reservoir;

/// <summary>
/// The branching factor of a liquid as Ivanov &amp; Michmizos (2021) measure it: for every spike of
/// neuron i at step t, σ = (spikes of i's liquid targets in [t+1, t+5)) / max(1, spikes of i's liquid
/// sources in [t−4, t)); σ is averaged over i's spikes, then over the neurons that fired. Values
/// near 1 mark the edge of chaos. Spikes are added one presentation at a time (windows never mix);
/// the per-neuron sums accumulate over all presentations added.
/// </summary>
public sealed class BranchingFactor
{
    private const int Ahead = 4;
    private const int Behind = 4;
    private readonly int _neurons;
    private readonly int[] _outStart;
    private readonly int[] _out;
    private readonly int[] _inStart;
    private readonly int[] _in;
    private readonly double[] _sum;
    private readonly long[] _count;

    /// <summary>Creates the measure for a liquid whose synapses are the given (source, target) pairs.</summary>
    /// <param name="neurons">Number of liquid neurons, ≥ 1.</param>
    /// <param name="sources">Presynaptic liquid neuron of each synapse.</param>
    /// <param name="targets">Postsynaptic liquid neuron of each synapse.</param>
    public BranchingFactor(int neurons, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets)
    {
        _neurons = Guard.PositiveCount(neurons, nameof(neurons));
        if (sources.Length != targets.Length)
        {
            throw new ArgumentException($"sources has {sources.Length} entries but targets has {targets.Length}.", nameof(targets));
        }
        Guard.Indices(sources, neurons, nameof(sources));
        Guard.Indices(targets, neurons, nameof(targets));
        (_outStart, _out) = Csr(neurons, sources, targets);
        (_inStart, _in) = Csr(neurons, targets, sources);
        _sum = new double[neurons];
        _count = new long[neurons];
    }

    /// <summary>Creates the measure for the liquid synapses (excitatory and inhibitory) of <paramref name="topology"/>.</summary>
    public static BranchingFactor Of(LiquidTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var sources = new int[topology.Excitatory.Count + topology.Inhibitory.Count];
        var targets = new int[sources.Length];
        topology.Excitatory.Sources.CopyTo(sources, 0);
        topology.Inhibitory.Sources.CopyTo(sources, topology.Excitatory.Count);
        topology.Excitatory.Targets.CopyTo(targets, 0);
        topology.Inhibitory.Targets.CopyTo(targets, topology.Excitatory.Count);
        return new BranchingFactor(topology.LiquidCount, sources, targets);
    }

    /// <summary>Number of spikes measured so far.</summary>
    public long SpikeCount { get; private set; }

    /// <summary>Adds the spikes of one presentation.</summary>
    /// <param name="steps">Step of each spike within the presentation, in [0, <paramref name="length"/>).</param>
    /// <param name="neurons">Liquid neuron of each spike.</param>
    /// <param name="length">Steps in the presentation, ≥ 1.</param>
    public void Add(ReadOnlySpan<long> steps, ReadOnlySpan<int> neurons, int length)
    {
        Guard.PositiveCount(length, nameof(length));
        if (steps.Length != neurons.Length)
        {
            throw new ArgumentException($"steps has {steps.Length} entries but neurons has {neurons.Length}.", nameof(neurons));
        }
        var raster = new byte[(long)length * _neurons];
        for (int s = 0; s < steps.Length; s++)
        {
            if ((ulong)steps[s] >= (ulong)length)
            {
                throw new ArgumentOutOfRangeException(nameof(steps), steps[s], $"steps[{s}] = {steps[s]} must be in [0, {length - 1}].");
            }
            if ((uint)neurons[s] >= (uint)_neurons)
            {
                throw new ArgumentOutOfRangeException(nameof(neurons), neurons[s], $"neurons[{s}] = {neurons[s]} must be in [0, {_neurons - 1}].");
            }
            raster[steps[s] * _neurons + neurons[s]]++;
        }
        for (int s = 0; s < steps.Length; s++)
        {
            int t = (int)steps[s];
            int i = neurons[s];
            int after = Count(raster, _outStart, _out, i, t + 1, Math.Min(length, t + 1 + Ahead));
            int before = Count(raster, _inStart, _in, i, Math.Max(0, t - Behind), t);
            _sum[i] += after / (double)Math.Max(1, before);
            _count[i]++;
        }
        SpikeCount += steps.Length;
    }

    /// <summary>The branching factor: the mean over neurons that fired of their mean σ per spike (0 when none fired).</summary>
    public double Value
    {
        get
        {
            double total = 0;
            int firing = 0;
            for (int i = 0; i < _neurons; i++)
            {
                if (_count[i] > 0)
                {
                    total += _sum[i] / _count[i];
                    firing++;
                }
            }
            return firing == 0 ? 0 : total / firing;
        }
    }

    /// <summary>Adds the per-neuron sums of another measure over the same liquid.</summary>
    public void Merge(BranchingFactor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._neurons != _neurons)
        {
            throw new ArgumentException($"other measures {other._neurons} neurons; this one {_neurons}.", nameof(other));
        }
        for (int i = 0; i < _neurons; i++)
        {
            _sum[i] += other._sum[i];
            _count[i] += other._count[i];
        }
        SpikeCount += other.SpikeCount;
    }

    private int Count(byte[] raster, int[] start, int[] neighbours, int neuron, int from, int to)
    {
        int total = 0;
        for (int k = start[neuron]; k < start[neuron + 1]; k++)
        {
            int other = neighbours[k];
            for (int t = from; t < to; t++)
            {
                total += raster[(long)t * _neurons + other];
            }
        }
        return total;
    }

    private static (int[] Start, int[] Items) Csr(int n, ReadOnlySpan<int> keys, ReadOnlySpan<int> values)
    {
        var start = new int[n + 1];
        foreach (int key in keys)
        {
            start[key + 1]++;
        }
        for (int i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }
        var fill = (int[])start.Clone();
        var items = new int[keys.Length];
        for (int s = 0; s < keys.Length; s++)
        {
            items[fill[keys[s]]++] = values[s];
        }
        return (start, items);
    }
}
