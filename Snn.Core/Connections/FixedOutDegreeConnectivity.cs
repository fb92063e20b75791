using Snn.Core.Randomness;

namespace Snn.Core.Connections;

/// <summary>Each source gets exactly k targets.</summary>
/// <param name="k">Out-degree.</param>
/// <param name="allowAutapses">Whether a neuron may connect to itself.</param>
/// <param name="allowMultapses">Whether a pair may repeat.</param>
public sealed class FixedOutDegreeConnectivity(int k, bool allowAutapses, bool allowMultapses) : Connectivity
{
    /// <summary>The out-degree.</summary>
    public int K { get; } = k;

    /// <inheritdoc />
    public override string ToString() => $"fixed-out-degree({K}, autapses={allowAutapses}, multapses={allowMultapses})";

    /// <inheritdoc />
    public override void Generate(in ConnectionContext context, ConnectionBuffer output)
    {
        output.EnsureCapacity(output.Count + (long)K * context.SourceSize);
        var chosen = new List<int>(K);
        var seen = new HashSet<int>();
        for (int source = 0; source < context.SourceSize; source++)
        {
            var rng = new CounterRng(context.Seed, context.Stream, (uint)source);
            int excluded = !allowAutapses && context.SamePopulation ? source : -1;
            DistinctSampler.Draw(ref rng, context.TargetSize, K, excluded, allowMultapses, chosen, seen, context.Description);
            foreach (int target in chosen)
            {
                output.Add(source, target);
            }
        }
    }
}
