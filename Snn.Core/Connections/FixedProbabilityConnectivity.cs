using System.Runtime.CompilerServices;
using Snn.Core.Randomness;

namespace Snn.Core.Connections;

/// <summary>Each pair independently with probability p; per target, sources are found by
/// geometric skipping (the gap between successive sources is geometric with parameter p):
/// draw j of the target's stream u_j gives the gap ⌊ln(1 − u_j) / ln(1 − p)⌋.</summary>
/// <param name="p">Connection probability.</param>
/// <param name="allowAutapses">Whether a neuron may connect to itself.</param>
public sealed class FixedProbabilityConnectivity(double p, bool allowAutapses) : Connectivity
{
    /// <summary>Blocks (two draws each) computed at a time once a target has used its first batch.</summary>
    private const int RefillBlocks = 8;

    /// <summary>The connection probability.</summary>
    public double P { get; } = p;

    /// <inheritdoc />
    public override bool GeneratesPerTarget => true;

    /// <inheritdoc />
    public override string ToString() => $"probability({P:R}, autapses={allowAutapses})";

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Generate(in ConnectionContext context, ConnectionBuffer output)
    {
        if (P <= 0)
        {
            return;
        }
        output.EnsureCapacity(output.Count + (long)(P * context.SourceSize * (context.EndTarget - context.FirstTarget) * 1.05) + 16);
        bool skipSelf = !allowAutapses && context.SamePopulation;
        if (P >= 1)
        {
            for (int target = context.FirstTarget; target < context.EndTarget; target++)
            {
                for (int source = 0; source < context.SourceSize; source++)
                {
                    if (!skipSelf || source != target)
                    {
                        output.Add(source, target);
                    }
                }
            }
            return;
        }
        // The draws of a target are computed in batches (independent Philox blocks overlap in the
        // processor) and turned into gaps before the serial walk; the first batch covers the expected
        // number of draws, P·sources + 1 (the last draw overshoots the end).
        int firstBlocks = (int)Math.Min(4096, Math.Ceiling((P * context.SourceSize + 1) / 2));
        var gaps = new double[2 * Math.Max(firstBlocks, RefillBlocks)];
        double logFail = Math.Log(1 - P);
        int sourceSize = context.SourceSize;
        for (int target = context.FirstTarget; target < context.EndTarget; target++)
        {
            ulong nextBlock = 0;
            int available = 0;
            int used = 0;
            int source = -1;
            while (true)
            {
                if (used == available)
                {
                    int blocks = nextBlock == 0 ? firstBlocks : RefillBlocks;
                    available = FillGaps(context.Seed, context.Stream, (uint)target, nextBlock, gaps.AsSpan(0, 2 * blocks), logFail);
                    nextBlock += (ulong)blocks;
                    used = 0;
                }
                double skip = gaps[used++];
                if (skip >= sourceSize - 1 - source)
                {
                    break;
                }
                source += 1 + (int)skip;
                if (!skipSelf || source != target)
                {
                    output.Add(source, target);
                }
            }
        }
    }

    /// <summary>Fills <paramref name="gaps"/> with ⌊ln(1 − u) / <paramref name="logFail"/>⌋ for the
    /// target's draws u from block <paramref name="firstBlock"/> on; returns the number filled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FillGaps(ulong seed, uint stream, uint target, ulong firstBlock, Span<double> gaps, double logFail)
    {
        Philox.UnitDoubles(seed, stream, target, firstBlock, gaps);
        GeometricGaps.Fill(gaps, logFail);
        return gaps.Length;
    }
}
