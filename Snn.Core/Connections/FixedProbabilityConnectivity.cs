using Snn.Core.Randomness;

namespace Snn.Core.Connections;

/// <summary>Each pair independently with probability p; per target, sources are found by
/// geometric skipping (the gap between successive sources is geometric with parameter p).</summary>
/// <param name="p">Connection probability.</param>
/// <param name="allowAutapses">Whether a neuron may connect to itself.</param>
public sealed class FixedProbabilityConnectivity(double p, bool allowAutapses) : Connectivity
{
    /// <summary>The connection probability.</summary>
    public double P { get; } = p;

    /// <inheritdoc />
    public override bool GeneratesPerTarget => true;

    /// <inheritdoc />
    public override string ToString() => $"probability({P:R}, autapses={allowAutapses})";

    /// <inheritdoc />
    public override void Generate(in ConnectionContext context, ConnectionBuffer output)
    {
        if (P <= 0)
        {
            return;
        }
        output.EnsureCapacity(output.Count + (long)(P * context.SourceSize * (context.EndTarget - context.FirstTarget) * 1.05) + 16);
        double logFail = Math.Log(1 - P);
        for (int target = context.FirstTarget; target < context.EndTarget; target++)
        {
            var rng = new CounterRng(context.Seed, context.Stream, (uint)target);
            int source = -1;
            while (true)
            {
                if (P >= 1)
                {
                    source++;
                }
                else
                {
                    double skip = Math.Floor(Math.Log(rng.NextDoubleNonZero()) / logFail);
                    if (skip >= context.SourceSize - 1 - source)
                    {
                        break;
                    }
                    source += 1 + (int)skip;
                }
                if (source >= context.SourceSize)
                {
                    break;
                }
                if (allowAutapses || !context.SamePopulation || source != target)
                {
                    output.Add(source, target);
                }
            }
        }
    }
}
