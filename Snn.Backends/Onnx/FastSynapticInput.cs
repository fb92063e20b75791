using Snn.Core;

namespace Snn.Backends.Onnx;

/// <summary>
/// The synapses onto one receptor of one population in the fast form's layout. Synapses whose
/// source is an input population can be <em>hoisted</em>: in the time-loop shape the input
/// spikes of every step are known before the loop, so their contribution for all steps is one
/// matrix product over a stack of time-shifted input spikes ([steps, batch, delays·inputs] ×
/// [rows, size]), computed once outside the loop. The other synapses are computed inside the loop
/// from the spike history ([batch, D·N], newest first): as one matrix product over the history
/// positions they use (dense), or, where that matrix would be mostly zeros, as one gather of each
/// synapse's history position, a multiplication by the weights and a sum over the in-degree
/// (sparse). Either way the node count does not depend on the in-degree. Several synapses with the
/// same source, delay and target become one matrix entry holding their summed weight.
/// </summary>
internal sealed class FastSynapticInput
{
    /// <summary>An in-loop dense table is used while its entries are at most this many times the
    /// synapses, or at most <see cref="LoopSmallDense"/>: a matrix-vector product streams its
    /// entries several times faster than a gather visits synapses.</summary>
    private const int LoopDenseExpansion = 8;

    private const int LoopSmallDense = 1 << 16;

    /// <summary>The same bounds for the hoisted table, which is one large matrix product per run
    /// (all steps at once) and so pays for many more zeros.</summary>
    private const int HoistedDenseExpansion = 32;

    private const int HoistedSmallDense = 1 << 20;

    private FastSynapticInput(Population target, Receptor receptor, int synapses)
    {
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

    /// <summary>The hoisted part: rows of the shifted input stack and [rows, size] weights, or null.</summary>
    public DenseSynapses? Hoisted { get; private set; }

    /// <summary>The in-loop part as a matrix over history positions, or null.</summary>
    public DenseSynapses? LoopDense { get; private set; }

    /// <summary>The in-loop part as per-synapse history positions and weights, [K, size], or null.</summary>
    public SparseSynapses? LoopSparse { get; private set; }

    /// <summary>The largest delay (steps) among the in-loop synapses, 0 when none.</summary>
    public int LoopDelay { get; private set; }

    /// <summary>The largest delay (steps) among the hoisted synapses, 0 when none.</summary>
    public int HoistedDelay { get; private set; }

    /// <summary>A short description of the chosen layout, for the model's metadata.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Hoisted is { } hoisted)
        {
            parts.Add($"hoisted dense {hoisted.Rows.Length}x{Target.Size}");
        }
        if (LoopDense is { } dense)
        {
            parts.Add($"loop dense {dense.Rows.Length}x{Target.Size}");
        }
        if (LoopSparse is { } sparse)
        {
            parts.Add($"loop sparse {sparse.Depth}x{Target.Size}");
        }
        return $"{Target.Name}.{Receptor}: {Synapses} synapses, {(parts.Count == 0 ? "none" : string.Join(" + ", parts))}";
    }

    /// <summary>Collects and lays out the synapses of <paramref name="projections"/> onto
    /// <paramref name="target"/> through <paramref name="receptor"/>.</summary>
    /// <param name="target">The receiving population.</param>
    /// <param name="receptor">The receptor.</param>
    /// <param name="projections">The network's projections.</param>
    /// <param name="tables">Their synapses, by projection index.</param>
    /// <param name="inputColumns">For every input population, where its neurons start in the input tensor.</param>
    /// <param name="hoistDelays">The delays of the shifted input stack (ascending), grown as hoisted synapses are found; null when nothing may be hoisted (single-step shape).</param>
    /// <param name="neurons">Neurons in the network (the history's stride per delay).</param>
    public static FastSynapticInput Build(Population target, Receptor receptor, IReadOnlyList<Projection> projections, IReadOnlyList<SynapseTable> tables,
        IReadOnlyDictionary<Population, int> inputColumns, SortedSet<int>? hoistDelays, int neurons)
    {
        var hoisted = new List<(int Delay, int Column, int Target, float Weight)>();
        var loop = new List<(int Delay, int Source, int Target, float Weight)>();
        for (int j = 0; j < projections.Count; j++)
        {
            var projection = projections[j];
            if (!ReferenceEquals(projection.Target, target) || projection.Receptor != receptor)
            {
                continue;
            }
            var table = tables[j];
            bool hoist = hoistDelays is not null && inputColumns.ContainsKey(projection.Source);
            for (int s = 0; s < table.Count; s++)
            {
                if (hoist)
                {
                    hoisted.Add((table.DelaySteps[s], inputColumns[projection.Source] + table.Sources[s], table.Targets[s], table.Weights[s]));
                }
                else
                {
                    loop.Add((table.DelaySteps[s], projection.Source.Offset + table.Sources[s], table.Targets[s], table.Weights[s]));
                }
            }
        }
        var input = new FastSynapticInput(target, receptor, hoisted.Count + loop.Count);
        if (hoisted.Count > 0 && !IsDense(hoisted.Select(h => (h.Delay, h.Column)).Distinct().Count(), target.Size, hoisted.Count, HoistedDenseExpansion, HoistedSmallDense))
        {
            foreach (var (delay, column, to, weight) in hoisted)
            {
                var source = inputColumns.First(c => column >= c.Value && column < c.Value + c.Key.Size);
                loop.Add((delay, source.Key.Offset + column - source.Value, to, weight));
            }
            hoisted.Clear();
        }
        if (hoisted.Count > 0)
        {
            foreach (var synapse in hoisted)
            {
                hoistDelays!.Add(synapse.Delay);
            }
            input.HoistedDelay = hoisted.Max(h => h.Delay);
            input.Hoisted = DenseSynapses.Build(hoisted.Select(h => ((long)h.Delay << 32 | (uint)h.Column, h.Target, h.Weight)), target.Size);
        }
        if (loop.Count > 0)
        {
            input.LoopDelay = loop.Max(l => l.Delay);
            var keyed = loop.Select(l => ((long)(l.Delay - 1) * neurons + l.Source, l.Target, l.Weight)).ToList();
            if (IsDense(keyed.Select(k => k.Item1).Distinct().Count(), target.Size, keyed.Count, LoopDenseExpansion, LoopSmallDense))
            {
                input.LoopDense = DenseSynapses.Build(keyed, target.Size);
            }
            else
            {
                input.LoopSparse = SparseSynapses.Build(keyed, target.Size);
            }
        }
        return input;
    }

    /// <summary>Turns the hoisted rows' keys (delay, input column) into row numbers of the shifted
    /// input stack once every group has added its delays.</summary>
    public void ResolveHoistedRows(IReadOnlyList<int> stackDelays, int inputWidth)
    {
        if (Hoisted is not { } hoisted)
        {
            return;
        }
        var slot = new Dictionary<int, int>();
        for (int k = 0; k < stackDelays.Count; k++)
        {
            slot[stackDelays[k]] = k;
        }
        for (int r = 0; r < hoisted.Rows.Length; r++)
        {
            int delay = (int)(hoisted.Rows[r] >> 32);
            int column = (int)(hoisted.Rows[r] & 0xffffffffL);
            hoisted.Rows[r] = (long)slot[delay] * inputWidth + column;
        }
    }

    private static bool IsDense(int rows, int size, int synapses, int expansion, int small)
    {
        long entries = (long)rows * size;
        return entries <= small || entries <= (long)expansion * synapses;
    }
}
