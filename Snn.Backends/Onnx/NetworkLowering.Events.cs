using Snn.Core;

namespace Snn.Backends.Onnx;

/// <summary>
/// Delivery driven by the spikes, as the CPU engine delivers: each spike adds its synapses'
/// weights to the input of their targets at the step of arrival (one ScatterElements with add),
/// so the work follows the spikes that occurred rather than every (delay, source, target) entry
/// of a matrix or every target's padded in-degree. Outside a loop it delivers a whole precomputed
/// series, one batch entry at a time; inside a stage's loop it adds the step's spikes to a pending-input ring
/// ([batch, D·G] for the largest recurrent delay D and the stage's receiving groups' total
/// width G, slot 0 arriving now), which the step then shifts by one slot.
/// </summary>
internal sealed partial class NetworkLowering
{
    private readonly Dictionary<int, (EventSynapses[] Tables, Dictionary<(Population, Receptor), int> Offsets, int Width, List<int> Series, List<int> Own)> _stageEvents = [];
    private readonly Dictionary<int, int> _pendingState = [];
    private readonly HashSet<int> _seriesReadInLoops = [];

    /// <summary>Lays out the in-loop synapses of stage <paramref name="s"/> for spike-driven
    /// delivery when any of its groups would otherwise gather a padded in-degree every step. The
    /// stage then also delivers, from its ring, the synapses from precomputed series that are
    /// better delivered by the spikes (<see cref="FastSynapticInput.HoistedByEvents"/>): the
    /// series' spikes of the step are delivered into the same ring, which saves a buffer over the
    /// whole run. One table per such series, then one per stage population whose spikes deliver
    /// anything (each padded to its own largest out-degree, so a layer with a small fan-out does not
    /// pad its spikes to a wider layer's).</summary>
    private void PlanStageEvents(int s, Func<int, int> widthOf)
    {
        var inputs = _stages[s].SelectMany(l => ((Receptor[])[Receptor.Excitatory, Receptor.Inhibitory]).Select(r => _fastInputs[(l.Population, r)])).ToList();
        if (!inputs.Any(g => g.LoopSparse is not null))
        {
            return;
        }
        var claimed = inputs.ToDictionary(g => g, g => g.HoistedSeries.Where(series => g.HoistedByEvents(series, widthOf(series))).ToList()
            .Select(series => (Series: series, Synapses: g.TakeHoisted(series))).ToList());
        var series = claimed.Values.SelectMany(c => c.Select(p => p.Series)).Distinct().Order().ToList();
        _seriesReadInLoops.UnionWith(series);
        var groups = inputs.Where(g => g.LoopSynapses.Count > 0 || claimed[g].Count > 0).ToList();
        var offsets = new Dictionary<(Population, Receptor), int>();
        int width = 0;
        foreach (var group in groups)
        {
            offsets[(group.Target, group.Receptor)] = width;
            width += group.Target.Size;
            group.LoopEvents = true;
            _stageDelay[s] = Math.Max(_stageDelay[s], claimed[group].SelectMany(c => c.Synapses).Select(h => h.Delay).DefaultIfEmpty(0).Max());
        }
        long Code(int delay, FastSynapticInput group, int target) => (long)(delay - 1) * width + offsets[(group.Target, group.Receptor)] + target;
        var tables = new List<EventSynapses>();
        foreach (int index in series)
        {
            var synapses = groups.SelectMany(g => claimed[g].Where(c => c.Series == index).SelectMany(c => c.Synapses).Select(h => (h.Column, Code(h.Delay, g, h.Target), h.Weight)));
            tables.Add(EventSynapses.Build(widthOf(index), synapses.OrderBy(e => e.Column)));
        }
        var own = new List<int>();
        var loop = groups.SelectMany(g => g.LoopSynapses.Select(l => (l.Source, Code: Code(l.Delay, g, l.Target), l.Weight))).ToList();
        for (int p = 0; p < _stages[s].Count; p++)
        {
            var population = _stages[s][p].Population;
            int first = _historyOffset[population];
            var outgoing = loop.Where(l => l.Source >= first && l.Source < first + population.Size).Select(l => (l.Source - first, l.Code, l.Weight)).OrderBy(e => e.Item1).ToList();
            if (outgoing.Count > 0)
            {
                own.Add(p);
                tables.Add(EventSynapses.Build(population.Size, outgoing));
            }
        }
        _stageEvents[s] = ([.. tables], offsets, width, series, own);
    }

    /// <summary>The input that the spikes of a precomputed series deliver to a group of
    /// <paramref name="size"/> targets, [steps, batch, size]. The series is the extended one
    /// ([depth + steps, batch, width], its carried tail first); a spike at extended step k arrives
    /// at k + delay in a buffer of 2·depth + steps steps, of which the steps of this run are kept.
    /// One batch entry at a time (a Scan over the batch axis): its buffer and its lists of places and
    /// weights stay in cache whatever the batch, where one scatter for the whole batch drew its
    /// places across batch × buffer floats and materialised every spike of the run times its
    /// fan-out at once. An entry's spikes are added in the same order either way. An empty batch
    /// skips the Scan (an If), which ONNX Runtime 1.31 cannot run over an axis of length 0.</summary>
    private string DeliveredOverRun(GraphBuilder graph, string extended, EventSynapses events, int depth, int size, RunIndices run)
    {
        string extendedSteps = graph.Op("Slice", graph.Op("Shape", extended), graph.Int64s(0), graph.Int64s(1));
        string empty = graph.Op("ConstantOfShape", graph.Mul(graph.Add(extendedSteps, graph.Int64s(depth)), graph.Int64s(size)));
        string noEntries = graph.Op("Equal", run.BatchSize, graph.Int64s(0));
        var none = new GraphBuilder(_names);
        string nothing = none.Op("ConstantOfShape", none.OpWith("Concat", [none.Sub(extendedSteps, none.Int64s(depth)), none.Int64s(0, size)], [GraphBuilder.IntAttribute("axis", 0)]));
        var each = new GraphBuilder(_names);
        string delivered = _names.Next("delivered");
        each.OpInto("Scan", [extended], [delivered], GraphBuilder.GraphAttribute("body", EntryDelivery(empty, events, depth, size)), GraphBuilder.IntAttribute("num_scan_inputs", 1),
            GraphBuilder.IntsAttribute("scan_input_axes", 1), GraphBuilder.IntsAttribute("scan_output_axes", 1));
        string result = _names.Next("delivered_over_run");
        graph.OpInto("If", [noEntries], [result],
            GraphBuilder.GraphAttribute("then_branch", Branch(none, nothing, size)), GraphBuilder.GraphAttribute("else_branch", Branch(each, delivered, size)));
        return result;
    }

    /// <summary>The body of <see cref="DeliveredOverRun"/>'s Scan: one batch entry's spikes,
    /// [depth + steps, width], scattered into a copy of the flat <paramref name="empty"/> buffer
    /// and cut to the run's steps, [steps, size].</summary>
    private Proto.GraphProto EntryDelivery(string empty, EventSynapses events, int depth, int size)
    {
        var body = new GraphBuilder(_names);
        string entry = _names.Next("entry_spikes");
        var found = SpikeEvents.Find(body, entry, 2);
        string delivered = Scatter(body, empty, body.Mul(found.Indices[0], body.Int64s(size)), found.Indices[1], events);
        string kept = body.Op("Slice", body.Op("Reshape", delivered, body.Int64s(-1, size)), body.Int64s(depth), body.Int64s(-depth), body.Int64s(0));
        var graph = Subgraph(body, "snn_delivery", GraphBuilder.ValueInfo(kept, Proto.TensorProto.Types.DataType.Float, Steps, size));
        graph.Input.Add(GraphBuilder.ValueInfo(entry, Proto.TensorProto.Types.DataType.Float, "extended_steps", events.Sources));
        return graph;
    }

    /// <summary>A branch of <see cref="DeliveredOverRun"/>'s If, whose output is <paramref name="value"/>, [steps, batch, size].</summary>
    private Proto.GraphProto Branch(GraphBuilder branch, string value, int size)
        => Subgraph(branch, "snn_delivery_branch", GraphBuilder.ValueInfo(value, Proto.TensorProto.Types.DataType.Float, Steps, Batch, size));

    /// <summary>The live nodes of <paramref name="builder"/> that its output (<paramref name="described"/>) needs, as a named subgraph with that output.</summary>
    private Proto.GraphProto Subgraph(GraphBuilder builder, string name, Proto.ValueInfoProto described)
    {
        var graph = new Proto.GraphProto { Name = _names.Next(name) };
        graph.Output.Add(described);
        DeadNodes.Fill(graph, builder);
        return graph;
    }

    /// <summary>Adds, for every spike, its synapses' weights at (its row base + code) of the flat <paramref name="buffer"/>.</summary>
    private string Scatter(GraphBuilder graph, string buffer, string rowBase, string source, EventSynapses events)
    {
        string places = graph.Add(graph.Op("Unsqueeze", rowBase, graph.Int64s(1)), graph.OpWith("Gather", [Codes(graph, events), source], [GraphBuilder.IntAttribute("axis", 0)]));
        return AddAt(graph, buffer, places, WeightsOf(graph, events, source));
    }

    /// <summary>The weights of the synapses of each source in <paramref name="source"/>: its rows of the table.</summary>
    private string WeightsOf(GraphBuilder graph, EventSynapses events, string source)
        => graph.OpWith("Gather", [Weights(graph, events.Weights, [events.Sources, events.Fanout]), source], [GraphBuilder.IntAttribute("axis", 0)]);

    /// <summary>The flat <paramref name="buffer"/> with <paramref name="added"/> added at
    /// <paramref name="places"/> (same shape, any rank): one ScatterElements with reduction add, in
    /// the places' row-major order.</summary>
    private static string AddAt(GraphBuilder graph, string buffer, string places, string added)
    {
        string flat = graph.Int64s(-1);
        return graph.OpWith("ScatterElements", [buffer, graph.Op("Reshape", places, flat), graph.Op("Reshape", added, flat)],
            [GraphBuilder.IntAttribute("axis", 0), GraphBuilder.StringAttribute("reduction", "add")]);
    }

    /// <summary>The codes as an int64 value, stored in the narrowest of int16, int32 and int64 that
    /// holds them (a cast of a constant, which ONNX Runtime folds when it loads the model).</summary>
    private static string Codes(GraphBuilder graph, EventSynapses events)
    {
        long[] dims = [events.Sources, events.Fanout];
        long largest = events.Codes.Max();
        var stored = largest <= short.MaxValue ? GraphBuilder.TensorOf(Array.ConvertAll(events.Codes, c => (short)c), dims)
            : largest <= int.MaxValue ? GraphBuilder.TensorOf(Array.ConvertAll(events.Codes, c => (int)c), dims)
            : null;
        return stored is null ? graph.Constant(GraphBuilder.TensorOf(events.Codes, dims)) : graph.Cast(graph.Constant(stored), Proto.TensorProto.Types.DataType.Int64);
    }

    /// <summary>The stage's pending ring after this step: shifted by one slot (slot 0 was
    /// delivered; one Pad that removes the first slot and appends an empty one), then the spikes of the step added at slot delay − 1: those of each series it
    /// reads, then those of each stage population with outgoing synapses ([batch, size] each, in
    /// <paramref name="sources"/>), as the engine delivers populations in network order; one table
    /// each, so that a wide fan-out does not pad the other sources' lists. With
    /// <paramref name="batchTables"/> (<see cref="BatchTables"/>) a spike finds its places and weights
    /// through its own row of the run's tables, so the step leaves out the arithmetic of its batch
    /// offset and source.</summary>
    private string NextPending(GraphBuilder graph, int s, string pending, string[] sources, (string Places, string Weights)[]? batchTables)
    {
        var (tables, _, width, _, _) = _stageEvents[s];
        int delay = _stageDelay[s];
        long ring = (long)delay * width;
        string shifted = delay == 1 ? graph.Mul(pending, graph.Scalar(0f))
            : graph.Op("Pad", pending, graph.Int64s(0, -width, 0, width));
        string flat = graph.Declare(graph.Op("Reshape", shifted, graph.Int64s(-1)), Proto.TensorProto.Types.DataType.Float, FlatRing(ring));
        for (int t = 0; t < tables.Length; t++)
        {
            if (batchTables is null)
            {
                var found = SpikeEvents.Find(graph, sources[t], 2);
                flat = Scatter(graph, flat, graph.Mul(found.Indices[0], graph.Int64s(ring)), found.Indices[1], tables[t]);
            }
            else
            {
                flat = ScatterByBatchTable(graph, flat, sources[t], batchTables[t]);
            }
        }
        return graph.Op("Reshape", flat, graph.Int64s(-1, ring));
    }

    /// <summary>The symbolic size of a flat pending ring of <paramref name="ring"/> floats per batch
    /// entry. Declared on the flattened ring, it lets ONNX Runtime add each table's spikes in place
    /// rather than into a copy of the ring (at batch 32 a copy of 1.28 MB per table and step on the
    /// study's liquid); the name holds the ring's length, so two rings share it only where their
    /// sizes are equal.</summary>
    private static string FlatRing(long ring) => $"{Batch}_times_{ring}";

    /// <summary>For the latency hint: each of stage <paramref name="s"/>'s tables as one row per
    /// batch entry and source, [batch · sources, fan-out] (row b · sources + source), built once per
    /// run before the stage's loop: its places with the batch entry's offset in the pending-input
    /// ring added, and its weights repeated. A step then looks up a spike's places and weights by its
    /// index in the flattened [batch · sources] spikes, four nodes fewer per table than adding the
    /// offset and finding the source's row every step; the tables hold batch × sources × fan-out
    /// int64 places and float weights, which at tens of samples outgrow the caches that the shared
    /// [sources, fan-out] tables stay in.</summary>
    private (string Places, string Weights)[] BatchTables(GraphBuilder outer, int s, RunIndices run)
    {
        var (tables, _, width, _, _) = _stageEvents[s];
        long ring = (long)_stageDelay[s] * width;
        string offsets = outer.Op("Reshape", outer.Mul(run.BatchEntries, outer.Int64s(ring)), outer.Int64s(-1, 1, 1));
        string repeats = outer.OpWith("Concat", [run.BatchSize, outer.Int64s(1)], [GraphBuilder.IntAttribute("axis", 0)]);
        return [.. tables.Select(table => (
            outer.Op("Reshape", outer.Add(offsets, Codes(outer, table)), outer.Int64s(-1, table.Fanout)),
            outer.Op("Tile", Weights(outer, table.Weights, [table.Sources, table.Fanout]), repeats)))];
    }

    /// <summary>Adds the synapses of the spikes in <paramref name="spikes"/> ([batch, sources]) to the
    /// flat ring: a spike's flat index b · sources + source selects its row of the run's
    /// <paramref name="batchTable"/> (<see cref="BatchTables"/>).</summary>
    private static string ScatterByBatchTable(GraphBuilder graph, string flat, string spikes, (string Places, string Weights) batchTable)
    {
        string spiking = graph.Op("NonZero", graph.Op("Reshape", spikes, graph.Int64s(-1)));
        var axis = GraphBuilder.IntAttribute("axis", 0);
        return AddAt(graph, flat, graph.OpWith("Gather", [batchTable.Places, spiking], [axis]), graph.OpWith("Gather", [batchTable.Weights, spiking], [axis]));
    }

    /// <summary>The part of the pending ring arriving now at <paramref name="input"/>'s group, [batch, size].</summary>
    private string ArrivingFromPending(GraphBuilder graph, int s, string pending, FastSynapticInput input)
    {
        int offset = _stageEvents[s].Offsets[(input.Target, input.Receptor)];
        return graph.Op("Slice", pending, graph.Int64s(offset), graph.Int64s(offset + input.Target.Size), graph.Int64s(1));
    }
}
