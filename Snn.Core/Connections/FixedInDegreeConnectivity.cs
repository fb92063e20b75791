using Snn.Core.Randomness;

namespace Snn.Core.Connections;

/// <summary>Each target gets exactly k sources.</summary>
/// <param name="k">In-degree.</param>
/// <param name="allowAutapses">Whether a neuron may connect to itself.</param>
/// <param name="allowMultapses">Whether a pair may repeat.</param>
public sealed class FixedInDegreeConnectivity(int k, bool allowAutapses, bool allowMultapses) : Connectivity
{
    /// <summary>The in-degree.</summary>
    public int K { get; } = k;

    /// <inheritdoc />
    public override bool GeneratesPerTarget => true;

    /// <inheritdoc />
    public override string ToString() => $"fixed-in-degree({K}, autapses={allowAutapses}, multapses={allowMultapses})";

    /// <inheritdoc />
    public override void Generate(in ConnectionContext context, ConnectionBuffer output)
    {
        output.EnsureCapacity(output.Count + (long)K * (context.EndTarget - context.FirstTarget));
        var chosen = new List<int>(K);
        var seen = new HashSet<int>();
        for (int target = context.FirstTarget; target < context.EndTarget; target++)
        {
            var rng = new CounterRng(context.Seed, context.Stream, (uint)target);
            int excluded = !allowAutapses && context.SamePopulation ? target : -1;
            DistinctSampler.Draw(ref rng, context.SourceSize, K, excluded, allowMultapses, chosen, seen, context.Description);
            foreach (int source in chosen)
            {
                output.Add(source, target);
            }
        }
    }
}
