using Snn.Core.Models;

namespace Snn.Core;

/// <summary>
/// A population that replays given spike times (NEST's <c>spike_generator</c>, Brian2's
/// <c>SpikeGeneratorGroup</c>). Times are rounded to the grid of dt; as every spike in Snn, a
/// spike at time t is emitted by the step that ends at t, so times must be at least dt.
/// </summary>
public sealed class SpikeSourcePopulation : Population
{
    private readonly double[][] _times;

    internal SpikeSourcePopulation(Network network, int index, string name, double[][] timesMs)
        : base(network, index, name, timesMs.Length)
    {
        _times = new double[timesMs.Length][];
        for (int i = 0; i < timesMs.Length; i++)
        {
            var train = timesMs[i] ?? throw new ArgumentNullException(nameof(timesMs), $"timesMs[{i}] is null.");
            for (int k = 0; k < train.Length; k++)
            {
                if (!double.IsFinite(train[k]) || Math.Round(train[k] / network.Dt) < 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(timesMs), train[k], $"timesMs[{i}][{k}] = {train[k]} must be finite and >= dt = {network.Dt} ms.");
                }
            }
            _times[i] = [.. train.Order()];
        }
    }

    /// <summary>The spike times (ms) of neuron <paramref name="neuron"/>, ascending.</summary>
    public ReadOnlySpan<double> TimesOf(int neuron) => _times[neuron];

    /// <summary>The spike times of each neuron in whole steps of the network's dt (the step that
    /// emits a spike at time n·dt has index n − 1), ascending and without duplicates (two times on
    /// the same grid point fire once).</summary>
    public long[][] SpikeTimesInSteps()
    {
        double dt = Network.Dt;
        var steps = new long[_times.Length][];
        for (int i = 0; i < _times.Length; i++)
        {
            var list = new List<long>(_times[i].Length);
            foreach (double t in _times[i])
            {
                long step = (long)Math.Round(t / dt);
                if (list.Count == 0 || list[^1] != step)
                {
                    list.Add(step);
                }
            }
            steps[i] = [.. list];
        }
        return steps;
    }

    /// <inheritdoc />
    public override SynapseKind SynapseKind => SynapseKind.None;

    /// <inheritdoc />
    public override string ModelName => "spike-source";

    /// <inheritdoc />
    public override TResult Accept<TResult>(IPopulationVisitor<TResult> visitor) => visitor.Visit(this);

    /// <inheritdoc />
    internal override void Validate()
    {
    }

    private protected override NeuronState DefaultState(int neuron) => default;

    /// <inheritdoc />
    internal override void AddParametersTo(ref StableHash hash)
    {
        base.AddParametersTo(ref hash);
        foreach (var train in _times)
        {
            hash.Add(train.Length);
            hash.Add<double>(train);
        }
    }
}
