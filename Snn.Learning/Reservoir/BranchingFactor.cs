using Snn.Core.Validation;

namespace Snn.Learning.Reservoir;

/// <summary>
/// The branching factor of a liquid as Ivanov &amp; Michmizos (2021) measure it (their
/// compute_branching_factor.py and get_branching_factor.py): for every spike of neuron i at step t,
/// σ = (spikes of i's liquid targets in [t+1, t+5)) / max(1, spikes of i's liquid sources in [t−4, t));
/// within one presentation σ is averaged over i's spikes, then over the neurons that fired; the
/// branching factor is the mean of that over presentations (those in which no neuron fired are left
/// out). Spikes in the first and last <see cref="MarginSteps"/> steps of a presentation are ignored
/// (the authors drop 25 ms at each end of their 250 ms presentations), and only spikes whose two
/// windows lie inside the remaining span are measured, t ∈ [m + 4, length − m − 4).
/// Values near 1 mark the edge of chaos.
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
    private double _sampleSum;
    private long _samples;

    /// <summary>Creates the measure for a liquid whose synapses are the given (source, target) pairs.</summary>
    /// <param name="neurons">Number of liquid neurons, ≥ 1.</param>
    /// <param name="sources">Presynaptic liquid neuron of each synapse.</param>
    /// <param name="targets">Postsynaptic liquid neuron of each synapse.</param>
    /// <param name="marginSteps">Steps ignored at each end of a presentation, ≥ 0.</param>
    public BranchingFactor(int neurons, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, int marginSteps = 0)
    {
        _neurons = Guard.PositiveCount(neurons, nameof(neurons));
        if (sources.Length != targets.Length)
        {
            throw new ArgumentException($"sources has {sources.Length} entries but targets has {targets.Length}.", nameof(targets));
        }
        Guard.Indices(sources, neurons, nameof(sources));
        Guard.Indices(targets, neurons, nameof(targets));
        MarginSteps = Guard.InRange(marginSteps, 0, int.MaxValue / 4, nameof(marginSteps));
        (_outStart, _out) = Csr(neurons, sources, targets);
        (_inStart, _in) = Csr(neurons, targets, sources);
    }

    /// <summary>Creates the measure for the liquid synapses (excitatory and inhibitory) of <paramref name="topology"/>.</summary>
    /// <param name="topology">The liquid.</param>
    /// <param name="marginSteps">Steps ignored at each end of a presentation, ≥ 0.</param>
    public static BranchingFactor Of(LiquidTopology topology, int marginSteps = 0)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var sources = new int[topology.Excitatory.Count + topology.Inhibitory.Count];
        var targets = new int[sources.Length];
        topology.Excitatory.Sources.CopyTo(sources, 0);
        topology.Inhibitory.Sources.CopyTo(sources, topology.Excitatory.Count);
        topology.Excitatory.Targets.CopyTo(targets, 0);
        topology.Inhibitory.Targets.CopyTo(targets, topology.Excitatory.Count);
        return new BranchingFactor(topology.LiquidCount, sources, targets, marginSteps);
    }

    /// <summary>Steps ignored at each end of a presentation.</summary>
    public int MarginSteps { get; }

    /// <summary>Number of spikes measured so far (those whose windows lie inside the measured span).</summary>
    public long SpikeCount { get; private set; }

    /// <summary>Number of presentations that contributed (at least one measured spike).</summary>
    public long SampleCount => _samples;

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
        int first = MarginSteps;
        int end = length - MarginSteps;
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
            if (steps[s] >= first && steps[s] < end)
            {
                raster[steps[s] * _neurons + neurons[s]]++;
            }
        }
        var sum = new double[_neurons];
        var count = new int[_neurons];
        long measured = 0;
        for (int s = 0; s < steps.Length; s++)
        {
            int t = (int)steps[s];
            if (t < first + Behind || t >= end - Ahead)
            {
                continue;
            }
            int i = neurons[s];
            int after = Count(raster, _outStart, _out, i, t + 1, t + 1 + Ahead);
            int before = Count(raster, _inStart, _in, i, t - Behind, t);
            sum[i] += after / (double)Math.Max(1, before);
            count[i]++;
            measured++;
        }
        if (measured == 0)
        {
            return;
        }
        double total = 0;
        int firing = 0;
        for (int i = 0; i < _neurons; i++)
        {
            if (count[i] > 0)
            {
                total += sum[i] / count[i];
                firing++;
            }
        }
        _sampleSum += total / firing;
        _samples++;
        SpikeCount += measured;
    }

    /// <summary>The branching factor: the mean over presentations of the mean over neurons that fired of their mean σ per spike (0 when none fired).</summary>
    public double Value => _samples == 0 ? 0 : _sampleSum / _samples;

    /// <summary>The accumulators so far, to store them or merge them elsewhere.</summary>
    public BranchingTotals Totals => new(_sampleSum, _samples, SpikeCount);

    /// <summary>Adds the presentations of another measure over the same liquid.</summary>
    public void Merge(BranchingFactor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._neurons != _neurons || other.MarginSteps != MarginSteps)
        {
            throw new ArgumentException($"other measures {other._neurons} neurons with margin {other.MarginSteps}; this one {_neurons} with margin {MarginSteps}.", nameof(other));
        }
        Merge(other.Totals);
    }

    /// <summary>Adds the presentations of another measure over the same liquid, given by its accumulators
    /// (the same sums as merging that measure itself).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count of <paramref name="totals"/> is negative or its sum is not finite.</exception>
    public void Merge(BranchingTotals totals)
    {
        if (totals.Samples < 0 || totals.Spikes < 0 || !double.IsFinite(totals.SampleSum))
        {
            throw new ArgumentOutOfRangeException(nameof(totals), totals, "totals needs Samples ≥ 0, Spikes ≥ 0 and a finite SampleSum.");
        }
        _sampleSum += totals.SampleSum;
        _samples += totals.Samples;
        SpikeCount += totals.Spikes;
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
