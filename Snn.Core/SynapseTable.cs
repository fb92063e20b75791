namespace Snn.Core;

/// <summary>
/// The realised synapses of one projection in generation order: population-local source and
/// target indices, weights and delays in whole steps. Engines lay these out as they need.
/// </summary>
public sealed class SynapseTable
{
    /// <summary>The largest delay an engine's ring buffer supports (steps).</summary>
    public const int MaxDelaySteps = ushort.MaxValue;

    /// <summary>Creates a table over the given arrays (not copied).</summary>
    public SynapseTable(int[] sources, int[] targets, float[] weights, ushort[] delaySteps)
    {
        if (targets.Length != sources.Length || weights.Length != sources.Length || delaySteps.Length != sources.Length)
        {
            throw new ArgumentException("All synapse arrays must have the same length.", nameof(targets));
        }
        Sources = sources;
        Targets = targets;
        Weights = weights;
        DelaySteps = delaySteps;
    }

    /// <summary>Source neuron of each synapse (population-local).</summary>
    public int[] Sources { get; }

    /// <summary>Target neuron of each synapse (population-local).</summary>
    public int[] Targets { get; }

    /// <summary>Weight of each synapse (unit of the target model).</summary>
    public float[] Weights { get; }

    /// <summary>Delay of each synapse (steps, ≥ 1).</summary>
    public ushort[] DelaySteps { get; }

    /// <summary>Number of synapses.</summary>
    public int Count => Sources.Length;
}
