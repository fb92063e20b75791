using Snn.Core.Validation;

namespace Snn.Core.Connections;

/// <summary>
/// A rule that decides which neurons of a source population connect to which of a target
/// population. Rules that can be drawn per target neuron do so from a stream keyed by the
/// target's index, so a target's inputs do not depend on how the network is partitioned.
/// </summary>
public abstract class Connectivity
{
    /// <summary>Whether the rule draws each target's sources independently, target by target and in
    /// target order, from a stream keyed by the target: then any range of targets can be generated on
    /// its own (in parallel, or on the rank that owns them) with the same result.</summary>
    public virtual bool GeneratesPerTarget => false;

    /// <summary>Appends the pairs of this rule to <paramref name="output"/>.</summary>
    public abstract void Generate(in ConnectionContext context, ConnectionBuffer output);

    /// <summary>Every source to every target.</summary>
    /// <param name="allowAutapses">Whether a neuron may connect to itself (same population only).</param>
    public static Connectivity AllToAll(bool allowAutapses = false) => new AllToAllConnectivity(allowAutapses);

    /// <summary>Source i to target i; the populations must have the same size.</summary>
    public static Connectivity OneToOne() => new OneToOneConnectivity();

    /// <summary>Each pair independently with probability <paramref name="p"/> (Bernoulli).</summary>
    /// <param name="p">Connection probability in [0, 1].</param>
    /// <param name="allowAutapses">Whether a neuron may connect to itself.</param>
    public static Connectivity Probability(double p, bool allowAutapses = false)
        => new FixedProbabilityConnectivity(Guard.Probability(p, nameof(p)), allowAutapses);

    /// <summary>Each target gets exactly <paramref name="k"/> sources drawn at random.</summary>
    /// <param name="k">In-degree, ≥ 0.</param>
    /// <param name="allowAutapses">Whether a neuron may connect to itself.</param>
    /// <param name="allowMultapses">Whether the same pair may be drawn more than once.</param>
    public static Connectivity FixedInDegree(int k, bool allowAutapses = false, bool allowMultapses = false)
        => new FixedInDegreeConnectivity(Guard.InRange(k, 0, int.MaxValue, nameof(k)), allowAutapses, allowMultapses);

    /// <summary>Each source gets exactly <paramref name="k"/> targets drawn at random.</summary>
    /// <param name="k">Out-degree, ≥ 0.</param>
    /// <param name="allowAutapses">Whether a neuron may connect to itself.</param>
    /// <param name="allowMultapses">Whether the same pair may be drawn more than once.</param>
    public static Connectivity FixedOutDegree(int k, bool allowAutapses = false, bool allowMultapses = false)
        => new FixedOutDegreeConnectivity(Guard.InRange(k, 0, int.MaxValue, nameof(k)), allowAutapses, allowMultapses);

    /// <summary>Exactly <paramref name="n"/> synapses with source and target drawn uniformly
    /// (multapses allowed), NEST's <c>fixed_total_number</c>, as the Potjans-Diesmann model uses.</summary>
    /// <param name="n">Total number of synapses, ≥ 0.</param>
    /// <param name="allowAutapses">Whether a neuron may connect to itself.</param>
    public static Connectivity FixedTotalNumber(long n, bool allowAutapses = true)
        => new FixedTotalNumberConnectivity(n, allowAutapses);

    /// <summary>Exactly the given pairs, in the given order.</summary>
    /// <param name="sources">Source indices.</param>
    /// <param name="targets">Target indices, same length.</param>
    public static Connectivity Pairs(int[] sources, int[] targets) => new ExplicitPairsConnectivity(sources, targets);

    /// <summary>Distance-dependent: each pair with p = C·exp(−(d/λ)²), d the Euclidean distance
    /// between the neurons' positions (both populations need positions).</summary>
    /// <param name="c">Peak probability C in [0, 1].</param>
    /// <param name="lambda">Length constant λ (position units), &gt; 0.</param>
    /// <param name="allowAutapses">Whether a neuron may connect to itself.</param>
    public static Connectivity DistanceDependent(double c, double lambda, bool allowAutapses = false)
        => new DistanceDependentConnectivity(Guard.Probability(c, nameof(c)), Guard.Positive(lambda, nameof(lambda)), allowAutapses);
}
