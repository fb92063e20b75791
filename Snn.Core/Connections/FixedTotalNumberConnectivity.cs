using Snn.Core.Randomness;

namespace Snn.Core.Connections;

/// <summary>Exactly n synapses, each with a uniformly drawn source and target (multapses allowed).</summary>
public sealed class FixedTotalNumberConnectivity : Connectivity
{
    private readonly bool _allowAutapses;

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
    public override string ToString() => $"fixed-total-number({N}, autapses={_allowAutapses})";

    /// <inheritdoc />
    public override void Generate(in ConnectionContext context, ConnectionBuffer output)
    {
        if (N > 0 && context.SamePopulation && !_allowAutapses && context.SourceSize == 1)
        {
            throw new ArgumentException($"{context.Description}: a one-neuron population without autapses cannot hold {N} synapses.", "connectivity");
        }
        output.EnsureCapacity(output.Count + N);
        var rng = new CounterRng(context.Seed, context.Stream, 0);
        for (long i = 0; i < N; i++)
        {
            int source, target;
            do
            {
                source = rng.NextInt(context.SourceSize);
                target = rng.NextInt(context.TargetSize);
            }
            while (!_allowAutapses && context.SamePopulation && source == target);
            output.Add(source, target);
        }
    }
}
