using Snn.Core.Randomness;

namespace Snn.Core.Connections;

/// <summary>Each pair with probability C·exp(−(d/λ)²) of the Euclidean distance d of their positions
/// (Maass, Natschläger &amp; Markram 2002's liquid; Ivanov &amp; Michmizos 2021).</summary>
/// <param name="c">Peak probability C.</param>
/// <param name="lambda">Length constant λ.</param>
/// <param name="allowAutapses">Whether a neuron may connect to itself.</param>
public sealed class DistanceDependentConnectivity(double c, double lambda, bool allowAutapses) : Connectivity
{
    /// <summary>Peak probability.</summary>
    public double C { get; } = c;

    /// <summary>Length constant.</summary>
    public double Lambda { get; } = lambda;

    /// <summary>The connection probability at distance <paramref name="distance"/>.</summary>
    public double ProbabilityAt(double distance) => C * Math.Exp(-(distance / Lambda) * (distance / Lambda));

    /// <inheritdoc />
    public override bool GeneratesPerTarget => true;

    /// <inheritdoc />
    public override string ToString() => $"distance({C:R}, {Lambda:R}, autapses={allowAutapses})";

    /// <inheritdoc />
    public override void Generate(in ConnectionContext context, ConnectionBuffer output)
    {
        if (context.SourcePositions.Length != 3 * context.SourceSize || context.TargetPositions.Length != 3 * context.TargetSize)
        {
            throw new ArgumentException($"Distance-dependent projection {context.Description} needs positions on both populations (use OnGrid or WithPositions).", "connectivity");
        }
        var sourcePositions = context.SourcePositions.Span;
        var targetPositions = context.TargetPositions.Span;
        for (int target = context.FirstTarget; target < context.EndTarget; target++)
        {
            var rng = new CounterRng(context.Seed, context.Stream, (uint)target);
            float tx = targetPositions[3 * target], ty = targetPositions[3 * target + 1], tz = targetPositions[3 * target + 2];
            for (int source = 0; source < context.SourceSize; source++)
            {
                double draw = rng.NextDouble();
                if (!allowAutapses && context.SamePopulation && source == target)
                {
                    continue;
                }
                double dx = sourcePositions[3 * source] - tx;
                double dy = sourcePositions[3 * source + 1] - ty;
                double dz = sourcePositions[3 * source + 2] - tz;
                if (draw < ProbabilityAt(Math.Sqrt(dx * dx + dy * dy + dz * dz)))
                {
                    output.Add(source, target);
                }
            }
        }
    }
}
