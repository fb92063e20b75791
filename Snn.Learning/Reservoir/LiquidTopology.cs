using Snn.Core.Randomness;

namespace Snn.Learning.Reservoir;

/// <summary>
/// A realised liquid: the grid positions, the excitatory/inhibitory label of every site and its
/// synapses in three groups (from excitatory liquid neurons, from inhibitory ones, from the input).
/// <see cref="Build"/> draws it from <see cref="LiquidOptions"/> with the counter-based generator,
/// so a seed fixes it everywhere.
/// </summary>
public sealed class LiquidTopology
{
    private LiquidTopology(LiquidOptions options, float[] positions, bool[] isExcitatory, SynapseGroup excitatory, SynapseGroup inhibitory, SynapseGroup input)
    {
        Options = options;
        Positions = positions;
        IsExcitatory = isExcitatory;
        Excitatory = excitatory;
        Inhibitory = inhibitory;
        Input = input;
    }

    /// <summary>The options it was drawn from.</summary>
    public LiquidOptions Options { get; }

    /// <summary>Number of liquid neurons.</summary>
    public int LiquidCount => IsExcitatory.Length;

    /// <summary>Number of input neurons.</summary>
    public int InputCount => Options.InputCount;

    /// <summary>Site of every liquid neuron as x, y, z triples (grid spacings), x fastest.</summary>
    public float[] Positions { get; }

    /// <summary>Whether each liquid neuron is excitatory.</summary>
    public bool[] IsExcitatory { get; }

    /// <summary>Synapses from excitatory liquid neurons (weights +w, bounds [0, b]).</summary>
    public SynapseGroup Excitatory { get; }

    /// <summary>Synapses from inhibitory liquid neurons (weights −w, bounds [−b, 0]).</summary>
    public SynapseGroup Inhibitory { get; }

    /// <summary>Synapses from input neurons (weights ±w with random sign, bounds [−b, b]).</summary>
    public SynapseGroup Input { get; }

    /// <summary>The peak connection probability C from a neuron of one type to another.</summary>
    /// <param name="sourceExcitatory">Whether the presynaptic neuron is excitatory.</param>
    /// <param name="targetExcitatory">Whether the postsynaptic neuron is excitatory.</param>
    public double PeakProbability(bool sourceExcitatory, bool targetExcitatory) => (sourceExcitatory, targetExcitatory) switch
    {
        (true, true) => Options.CEE,
        (true, false) => Options.CEI,
        (false, true) => Options.CIE,
        _ => Options.CII,
    };

    /// <summary>The probability that liquid neuron <paramref name="source"/> connects to <paramref name="target"/>: C·exp(−(D/λ)²), 0 on the diagonal.</summary>
    public double ConnectionProbability(int source, int target)
    {
        if (source == target)
        {
            return 0;
        }
        double dx = Positions[3 * source] - Positions[3 * target];
        double dy = Positions[3 * source + 1] - Positions[3 * target + 1];
        double dz = Positions[3 * source + 2] - Positions[3 * target + 2];
        double scaled = (dx * dx + dy * dy + dz * dz) / (Options.Lambda * Options.Lambda);
        return PeakProbability(IsExcitatory[source], IsExcitatory[target]) * Math.Exp(-scaled);
    }

    /// <summary>Draws a liquid.</summary>
    /// <param name="options">The structure; validated.</param>
    public static LiquidTopology Build(LiquidOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = options.LiquidCount;
        var positions = new float[3 * n];
        for (int i = 0; i < n; i++)
        {
            positions[3 * i] = i % options.GridX;
            positions[3 * i + 1] = i / options.GridX % options.GridY;
            positions[3 * i + 2] = i / (options.GridX * options.GridY);
        }
        var isExcitatory = Labels(options, n);
        var partial = new LiquidTopology(options, positions, isExcitatory, Empty(PresynapticType.Excitatory), Empty(PresynapticType.Inhibitory), Empty(PresynapticType.Excitatory));
        var (excitatory, inhibitory) = partial.LiquidSynapses();
        return new LiquidTopology(options, positions, isExcitatory, excitatory, inhibitory, InputSynapses(options, n));
    }

    private static SynapseGroup Empty(PresynapticType type) => new([], [], [], type, 0, 1);

    private static bool[] Labels(LiquidOptions options, int n)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        var rng = new CounterRng(options.Seed, RngStreams.User(0x4C0), 0);
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        int excitatoryCount = (int)Math.Round(options.ExcitatoryFraction * n);
        var labels = new bool[n];
        for (int k = 0; k < excitatoryCount; k++)
        {
            labels[order[k]] = true;
        }
        return labels;
    }

    private (SynapseGroup Excitatory, SynapseGroup Inhibitory) LiquidSynapses()
    {
        int n = LiquidCount;
        var eSources = new List<int>();
        var eTargets = new List<int>();
        var iSources = new List<int>();
        var iTargets = new List<int>();
        for (int target = 0; target < n; target++)
        {
            var rng = new CounterRng(Options.Seed, RngStreams.User(0x4C1), (uint)target);
            for (int source = 0; source < n; source++)
            {
                double draw = rng.NextDouble();
                if (source == target || draw >= ConnectionProbability(source, target))
                {
                    continue;
                }
                if (IsExcitatory[source])
                {
                    eSources.Add(source);
                    eTargets.Add(target);
                }
                else
                {
                    iSources.Add(source);
                    iTargets.Add(target);
                }
            }
        }
        float w = (float)Options.InitialWeight;
        var eWeights = new float[eSources.Count];
        Array.Fill(eWeights, w);
        var iWeights = new float[iSources.Count];
        Array.Fill(iWeights, -w);
        double b = Options.WeightBound;
        return (new SynapseGroup([.. eSources], [.. eTargets], eWeights, PresynapticType.Excitatory, 0, b),
            new SynapseGroup([.. iSources], [.. iTargets], iWeights, PresynapticType.Inhibitory, -b, 0));
    }

    private static SynapseGroup InputSynapses(LiquidOptions options, int n)
    {
        long pairs = (long)n * options.InputCount;
        int count = (int)(options.InputConnectionFraction * pairs);
        var taken = new bool[pairs];
        var sources = new int[count];
        var targets = new int[count];
        var weights = new float[count];
        var rng = new CounterRng(options.Seed, RngStreams.User(0x4C2), 0);
        float w = (float)options.InitialWeight;
        for (int s = 0; s < count; s++)
        {
            long pair;
            do
            {
                pair = (long)rng.NextInt(options.InputCount) * n + rng.NextInt(n);
            }
            while (taken[pair]);
            taken[pair] = true;
            sources[s] = (int)(pair / n);
            targets[s] = (int)(pair % n);
            weights[s] = (rng.NextUInt() & 1) == 0 ? w : -w;
        }
        double b = options.WeightBound;
        return new SynapseGroup(sources, targets, weights, PresynapticType.Excitatory, -b, b);
    }
}
