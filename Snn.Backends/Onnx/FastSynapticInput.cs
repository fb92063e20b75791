using Snn.Core;

namespace Snn.Backends.Onnx;

/// <summary>
/// The synapses onto one receptor of one population in the fast form's layout. Synapses whose
/// source's spikes are known for all steps before the loop that updates the target (the input
/// tensor, or a population of an earlier feed-forward stage) are <em>hoisted</em>: their
/// contribution for all steps is computed once outside the loop, as a matrix product over a stack
/// of time-shifted source spikes ([steps, batch, delays·width]) where that matrix is mostly
/// nonzero or small (<see cref="HoistedSmallDense"/>), otherwise delivered by the spikes (each spike adds its synapses' weights at its step
/// plus their delays, <see cref="EventSynapses"/>). The other synapses (recurrent ones, and all of
/// them in the single-step shape) are computed inside the loop: as one matrix product over the
/// spike-history positions they use (dense), or, where that matrix would be mostly zeros, delivered
/// by the step's spikes into a pending-input ring carried by the stage's loop (in the single-step
/// shape: one gather of each synapse's history position, a multiplication by the weights and a sum
/// over the in-degree). Either way the node count does not depend on the in-degree. In a matrix,
/// several synapses with the same source, delay and target become one entry holding their summed weight.
/// </summary>
internal sealed class FastSynapticInput
{
    /// <summary>An in-loop dense table is used while its entries are at most this many times the
    /// synapses, or at most <see cref="LoopSmallDense"/>: a matrix-vector product streams its
    /// entries several times faster than a gather visits synapses.</summary>
    private const int LoopDenseExpansion = 8;

    private const int LoopSmallDense = 1 << 16;

    /// <summary>A hoisted part whose matrix (over every delay up to the largest) would hold more
    /// than this many entries per synapse is delivered by the spikes instead: a spike series is
    /// sparse, so a scatter of the synapses of the spikes that occurred does far less work than a
    /// product (or convolution) over every (delay, source, target) entry.</summary>
    public const int HoistedEventExpansion = 4;

    /// <summary>A hoisted part whose matrix over every delay holds at most this many entries stays a
    /// matrix (or causal convolution) whatever its fill: computed for all steps at once it costs
    /// less than the dozen nodes that spike-driven delivery runs in the loop on every step (each a
    /// few microseconds there, about a matrix of this size times a batch of 32 at once).</summary>
    public const int HoistedSmallDense = 1 << 15;

    private readonly Dictionary<int, List<(int Delay, int Column, int Target, float Weight)>> _hoisted;
    private readonly List<int> _inLoopSeries = [];

    private FastSynapticInput(Population target, Receptor receptor, int synapses, Dictionary<int, List<(int Delay, int Column, int Target, float Weight)>> hoisted)
    {
        _hoisted = hoisted;
        Target = target;
        Receptor = receptor;
        Synapses = synapses;
    }

    /// <summary>The receiving population.</summary>
    public Population Target { get; }

    /// <summary>The receptor the synapses act on.</summary>
    public Receptor Receptor { get; }

    /// <summary>Number of synapses in the group.</summary>
    public int Synapses { get; }

    /// <summary>The hoisted parts, one per series read, after <see cref="ResolveHoisted"/>.</summary>
    public List<HoistedSynapses> Hoisted { get; } = [];

    /// <summary>The in-loop part as a matrix over history positions, or null.</summary>
    public DenseSynapses? LoopDense { get; private set; }

    /// <summary>The in-loop part as per-synapse history positions and weights, [K, size], or null.</summary>
    public SparseSynapses? LoopSparse { get; private set; }

    /// <summary>The in-loop synapses: (delay in steps, source position in the stage, target, weight).</summary>
    public IReadOnlyList<(int Delay, int Source, int Target, float Weight)> LoopSynapses { get; private set; } = [];

    /// <summary>The largest delay (steps) among the in-loop synapses, 0 when none.</summary>
    public int LoopDelay { get; private set; }

    /// <summary>True when the loop that updates the target delivers the in-loop synapses by the
    /// spikes (a pending-input ring) rather than reading <see cref="LoopSparse"/> from a history.</summary>
    public bool LoopEvents { get; set; }

    /// <summary>The series the hoisted synapses read.</summary>
    public IEnumerable<int> HoistedSeries => _hoisted.Keys;

    /// <summary>The delays (steps) of the hoisted synapses reading <paramref name="series"/>.</summary>
    public IEnumerable<int> HoistedDelaysOf(int series) => _hoisted[series].Select(h => h.Delay);

    /// <summary>A short description of the chosen layout, for the model's metadata.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        foreach (var hoisted in Hoisted)
        {
            parts.Add(hoisted.Dense is { } dense ? $"hoisted dense {dense.Rows.Length}x{Target.Size}"
                : $"hoisted events {hoisted.Events!.Sources}x{hoisted.Events.Fanout}");
        }
        if (LoopEvents && LoopSynapses.Count > 0)
        {
            parts.Add("loop events from the stage's spikes");
        }
        else if (LoopDense is { } loopDense)
        {
            parts.Add($"loop dense {loopDense.Rows.Length}x{Target.Size}");
        }
        else if (LoopSparse is { } sparse)
        {
            parts.Add($"loop sparse {sparse.Depth}x{Target.Size}");
        }
        foreach (int series in _inLoopSeries)
        {
            parts.Add($"loop events from series {series}");
        }
        return $"{Target.Name}.{Receptor}: {Synapses} synapses, {(parts.Count == 0 ? "none" : string.Join(" + ", parts))}";
    }

    /// <summary>Collects and lays out the synapses of <paramref name="projections"/> onto
    /// <paramref name="target"/> through <paramref name="receptor"/>.</summary>
    /// <param name="target">The receiving population.</param>
    /// <param name="receptor">The receptor.</param>
    /// <param name="projections">The network's projections.</param>
    /// <param name="tables">Their synapses, by projection index.</param>
    /// <param name="place">Where each projection's source spikes are read (source 0's column).</param>
    /// <param name="historyStride">Columns of the spike history per delay step (neurons, then short-term channels).</param>
    public static FastSynapticInput Build(Population target, Receptor receptor, IReadOnlyList<Projection> projections, IReadOnlyList<SynapseTable> tables,
        Func<Projection, SourcePlace> place, int historyStride)
    {
        var loop = new List<(int Delay, int Source, int Target, float Weight)>();
        var hoisted = new Dictionary<int, List<(int Delay, int Column, int Target, float Weight)>>();
        int count = 0;
        for (int j = 0; j < projections.Count; j++)
        {
            var projection = projections[j];
            if (!ReferenceEquals(projection.Target, target) || projection.Receptor != receptor)
            {
                continue;
            }
            var table = tables[j];
            var from = place(projection);
            for (int s = 0; s < table.Count; s++)
            {
                if (from.IsSeries)
                {
                    if (!hoisted.TryGetValue(from.Series, out var list))
                    {
                        hoisted[from.Series] = list = [];
                    }
                    list.Add((table.DelaySteps[s], from.Offset + table.Sources[s], table.Targets[s], table.Weights[s]));
                }
                else
                {
                    loop.Add((table.DelaySteps[s], from.Offset + table.Sources[s], table.Targets[s], table.Weights[s]));
                }
            }
            count += table.Count;
        }
        var built = new FastSynapticInput(target, receptor, count, hoisted);
        if (loop.Count > 0)
        {
            built.LoopSynapses = loop;
            built.LoopDelay = loop.Max(l => l.Delay);
            var keyed = loop.Select(l => ((long)(l.Delay - 1) * historyStride + l.Source, l.Target, l.Weight)).ToList();
            if (IsDense(keyed.Select(k => k.Item1).Distinct().Count(), target.Size, keyed.Count, LoopDenseExpansion, LoopSmallDense))
            {
                built.LoopDense = DenseSynapses.Build(keyed, target.Size);
            }
            else
            {
                built.LoopSparse = SparseSynapses.Build(keyed, target.Size);
            }
        }
        return built;
    }

    /// <summary>Whether the hoisted synapses reading <paramref name="series"/> (of
    /// <paramref name="width"/> columns) are delivered by the spikes: their matrix over every delay
    /// up to their largest would hold more than <see cref="HoistedEventExpansion"/> entries per
    /// synapse and more than <see cref="HoistedSmallDense"/> entries in all.</summary>
    public bool HoistedByEvents(int series, int width)
    {
        var list = _hoisted[series];
        var delays = list.Select(h => h.Delay).ToList();
        return KernelEntries(delays, width, Target.Size) > HoistedSmallDense && DeliveredByEvents(delays, width, Target.Size, list.Count);
    }

    /// <summary>Whether <paramref name="synapses"/> synapses with these <paramref name="delays"/>
    /// (steps) from <paramref name="width"/> sources onto <paramref name="size"/> targets are
    /// delivered by the spikes: their matrix over every delay up to the largest would hold more
    /// than <see cref="HoistedEventExpansion"/> entries per synapse.</summary>
    private static bool DeliveredByEvents(IEnumerable<int> delays, int width, int size, int synapses)
        => KernelEntries(delays, width, size) > (long)HoistedEventExpansion * synapses;

    private static long KernelEntries(IEnumerable<int> delays, int width, int size)
    {
        var distinct = delays.Distinct().ToList();
        long kernelRows = distinct.Count == 1 ? width : (long)distinct.Max() * width;
        return kernelRows * size;
    }

    /// <summary>Removes the hoisted synapses reading <paramref name="series"/> and returns them
    /// (delay in steps, column, target, weight), for delivery inside the target's loop.</summary>
    public List<(int Delay, int Column, int Target, float Weight)> TakeHoisted(int series)
    {
        var list = _hoisted[series];
        _hoisted.Remove(series);
        _inLoopSeries.Add(series);
        return list;
    }

    /// <summary>Lays out the hoisted synapses once every group has added its delays: delivered by
    /// the spikes (<see cref="HoistedByEvents"/>; code = delay · size + target), or a matrix over
    /// the series' stack with stack column = (index of the delay among <paramref name="stacks"/>'
    /// delays) · width + column.</summary>
    public void ResolveHoisted(IReadOnlyDictionary<int, (IReadOnlyList<int> Delays, int Width)> stacks)
    {
        foreach (var (series, list) in _hoisted.OrderBy(h => h.Key))
        {
            var (delays, width) = stacks[series];
            if (HoistedByEvents(series, width))
            {
                var events = EventSynapses.Build(width, list.Select(h => (h.Column, (long)h.Delay * Target.Size + h.Target, h.Weight)));
                Hoisted.Add(new HoistedSynapses(series, null, events));
                continue;
            }
            var slot = new Dictionary<int, int>();
            for (int k = 0; k < delays.Count; k++)
            {
                slot[delays[k]] = k;
            }
            var keyed = list.Select(h => ((long)slot[h.Delay] * width + h.Column, h.Target, h.Weight));
            Hoisted.Add(new HoistedSynapses(series, DenseSynapses.Full(keyed, (long)delays.Count * width, Target.Size), null));
        }
    }

    private static bool IsDense(long rows, int size, int synapses, int expansion, int small)
    {
        long entries = rows * size;
        return entries <= small || entries <= (long)expansion * synapses;
    }
}
