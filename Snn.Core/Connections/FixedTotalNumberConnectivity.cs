using Snn.Core.Randomness;

namespace Snn.Core.Connections;

/// <summary>
/// Exactly n synapses, each with a uniformly drawn source and target (multapses allowed; NEST's
/// <c>fixed_total_number</c>). The targets of all n synapses are drawn first from one stream, which
/// only counts each target's in-degree (cheap, and cached); then each target draws its sources
/// from a stream keyed by the target. So the rule generates target by target, and a range of
/// targets (one rank's neurons) can be built on its own with the same result.
/// </summary>
public sealed class FixedTotalNumberConnectivity : Connectivity
{
    private readonly bool _allowAutapses;
    private readonly object _cacheLock = new();
    private (ulong Seed, uint Stream, int Targets, int[] InDegrees)? _cache;

    /// <summary>Creates the rule.</summary>
    public FixedTotalNumberConnectivity(long n, bool allowAutapses)
    {
        if (n < 0 || n > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n = {n} must be in [0, {Array.MaxLength}].");
        }
        N = n;
        _allowAutapses = allowAutapses;
    }

    /// <summary>The number of synapses.</summary>
    public long N { get; }

    /// <inheritdoc />
    public override bool GeneratesPerTarget => true;

    /// <inheritdoc />
    public override string ToString() => $"fixed-total-number({N}, autapses={_allowAutapses})";

    /// <inheritdoc />
    public override void Generate(in ConnectionContext context, ConnectionBuffer output)
    {
        if (N > 0 && context.SamePopulation && !_allowAutapses && context.SourceSize == 1)
        {
            throw new ArgumentException($"{context.Description}: a one-neuron population without autapses cannot hold {N} synapses.", "connectivity");
        }
        var inDegrees = InDegrees(context);
        long total = 0;
        for (int target = context.FirstTarget; target < context.EndTarget; target++)
        {
            total += inDegrees[target];
        }
        output.EnsureCapacity(output.Count + total);
        for (int target = context.FirstTarget; target < context.EndTarget; target++)
        {
            var rng = new CounterRng(context.Seed, context.Stream, (uint)target);
            for (int k = 0; k < inDegrees[target]; k++)
            {
                int source;
                do
                {
                    source = rng.NextInt(context.SourceSize);
                }
                while (!_allowAutapses && context.SamePopulation && source == target);
                output.Add(source, target);
            }
        }
    }

    /// <summary>Each target's number of synapses: n targets drawn uniformly from one stream
    /// (substream <see cref="uint.MaxValue"/>, apart from the per-target ones).</summary>
    private int[] InDegrees(in ConnectionContext context)
    {
        lock (_cacheLock)
        {
            if (_cache is { } cached && cached.Seed == context.Seed && cached.Stream == context.Stream && cached.Targets == context.TargetSize)
            {
                return cached.InDegrees;
            }
            var inDegrees = new int[context.TargetSize];
            var rng = new CounterRng(context.Seed, context.Stream, uint.MaxValue);
            for (long i = 0; i < N; i++)
            {
                inDegrees[rng.NextInt(context.TargetSize)]++;
            }
            _cache = (context.Seed, context.Stream, context.TargetSize, inDegrees);
            return inDegrees;
        }
    }
}
