namespace Snn.Learning.Reservoir;

/// <summary>A set of realised synapses of a liquid that share a plasticity form and weight bounds:
/// population-local source and target indices and initial weights, in order.</summary>
public sealed class SynapseGroup
{
    /// <summary>Creates a group over the given arrays (not copied).</summary>
    /// <param name="sources">Source of each synapse.</param>
    /// <param name="targets">Target liquid neuron of each synapse.</param>
    /// <param name="weights">Initial weight of each synapse (mV per unit kernel).</param>
    /// <param name="presynaptic">The rule form.</param>
    /// <param name="wMin">Lower weight bound.</param>
    /// <param name="wMax">Upper weight bound.</param>
    public SynapseGroup(int[] sources, int[] targets, float[] weights, PresynapticType presynaptic, double wMin, double wMax)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(weights);
        if (targets.Length != sources.Length || weights.Length != sources.Length)
        {
            throw new ArgumentException($"sources ({sources.Length}), targets ({targets.Length}) and weights ({weights.Length}) must have the same length.", nameof(targets));
        }
        Sources = sources;
        Targets = targets;
        Weights = weights;
        Presynaptic = presynaptic;
        WMin = wMin;
        WMax = wMax;
    }

    /// <summary>Source of each synapse (population-local).</summary>
    public int[] Sources { get; }

    /// <summary>Target liquid neuron of each synapse.</summary>
    public int[] Targets { get; }

    /// <summary>Initial weight of each synapse (mV per unit kernel).</summary>
    public float[] Weights { get; }

    /// <summary>The rule form of these synapses.</summary>
    public PresynapticType Presynaptic { get; }

    /// <summary>Lower weight bound.</summary>
    public double WMin { get; }

    /// <summary>Upper weight bound.</summary>
    public double WMax { get; }

    /// <summary>Number of synapses.</summary>
    public int Count => Sources.Length;
}
