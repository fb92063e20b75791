using Snn.Core.Connections;

namespace Snn.Core;

/// <summary>
/// The synapses of one projection onto a range of its targets, in the order
/// <see cref="Projection.InstantiateTargets"/> gives them, as generated: the (source, target) pairs
/// stay in their generation buffer, and a weight or delay that is the same for every synapse is
/// stored once instead of per synapse.
/// </summary>
public sealed class TargetRangeSynapses
{
    private readonly ConnectionBuffer _pairs;

    internal TargetRangeSynapses(ConnectionBuffer pairs, float weight, float[]? weights, ushort delaySteps, ushort[]? delays, int minDelaySteps, int maxDelaySteps)
    {
        _pairs = pairs;
        Weight = weight;
        Weights = weights;
        DelaySteps = delaySteps;
        Delays = delays;
        MinDelaySteps = minDelaySteps;
        MaxDelaySteps = maxDelaySteps;
    }

    /// <summary>Gives the generation buffer of <see cref="Sources"/> and <see cref="Targets"/> back to
    /// the shared array pool it was rented from, for a caller that has copied the synapses out: the
    /// next generation reuses that memory. Afterwards <see cref="Count"/> is 0 and spans read before
    /// must not be used. The weight and delay fields keep their values.</summary>
    public void Release() => _pairs.ReturnToPool();

    /// <summary>Number of synapses.</summary>
    public int Count => _pairs.Count;

    /// <summary>Source neuron of each synapse (population-local).</summary>
    public ReadOnlySpan<int> Sources => _pairs.Sources;

    /// <summary>Target neuron of each synapse (population-local).</summary>
    public ReadOnlySpan<int> Targets => _pairs.Targets;

    /// <summary>Weight of each synapse (unit of the target model), or null when every synapse has <see cref="Weight"/>.</summary>
    public float[]? Weights { get; }

    /// <summary>The weight of every synapse when <see cref="Weights"/> is null (unit of the target model).</summary>
    public float Weight { get; }

    /// <summary>Delay of each synapse (steps, ≥ 1), or null when every synapse has <see cref="DelaySteps"/>.</summary>
    public ushort[]? Delays { get; }

    /// <summary>The delay of every synapse when <see cref="Delays"/> is null (steps).</summary>
    public ushort DelaySteps { get; }

    /// <summary>The smallest delay (steps); <see cref="int.MaxValue"/> when there are no synapses.</summary>
    public int MinDelaySteps { get; }

    /// <summary>The largest delay (steps); 0 when there are no synapses.</summary>
    public int MaxDelaySteps { get; }
}
