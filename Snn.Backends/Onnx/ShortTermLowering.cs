using Snn.Backends.Cpu;
using Snn.Backends.Onnx.Proto;
using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Onnx;

/// <summary>
/// Tsodyks–Markram short-term plasticity (<see cref="ShortTermPlasticity"/>) as ONNX operators that
/// repeat the CPU engine's double arithmetic operation for operation, so the factors u·x, and with
/// them every transmitted weight, are the engine's bits. Each projection with short-term plasticity
/// carries u and x (double) and the step of its sources' last spikes (int64, −1 for none) as state,
/// and all share a step counter (int64). When a source fires, its u and x advance as in the engine
/// and its <em>channel</em> (one per entry of <see cref="ShortTermEntries"/>, numbered entry − 1)
/// holds the factor (float) of that spike, else 0; the channels go onto the spike history beside the
/// neurons' spikes, so a synapse of such a projection reads its source's channel instead of its
/// spike and the scaled weight travels along its delay.
/// </summary>
/// <remarks>
/// ONNX Runtime's <c>Exp</c> is not the engine's <c>Math.Exp</c>, so the decays e^(−Δ·dt/τ) are
/// gathered from per-projection tables computed with the engine's expression, indexed by the
/// interval Δ in steps. A table ends at the first Δ whose decay no longer changes the result
/// (1 − e = 1 for τ_rec, U + e = U for τ_fac, both in double) and longer intervals read its last
/// entry: the engine's smaller decay leaves the same bits there, since 1 + (x − u·x − 1)·e with
/// x − u·x − 1 in [−1, 0] and U + u·(1 − U)·e with u·(1 − U) in [0, 1] round to 1 and U alike.
/// With a reset interval R a table needs no more than R entries.
/// </remarks>
internal sealed class ShortTermLowering
{
    /// <summary>The largest decay table one projection may need (entries of 8 bytes).</summary>
    public const int MaxTableLength = 1 << 22;

    private const string StepState = "state_short_term_step";
    private readonly ShortTermEntries _entries;
    private readonly Projection[] _projections;
    private readonly double[][] _recovery;
    private readonly double[]?[] _facilitation;

    private ShortTermLowering(Network network, Projection[] projections)
    {
        _entries = new ShortTermEntries(network);
        _projections = projections;
        _recovery = new double[projections.Length][];
        _facilitation = new double[projections.Length][];
        for (int j = 0; j < projections.Length; j++)
        {
            var set = _entries.Sets[j];
            long reset = _entries.ResetSteps[j];
            _recovery[j] = DecayTable(projections[j], network.Dt, set.TauRec, reset, e => 1 - e == 1);
            _facilitation[j] = set.TauFac == 0 || set.U == 0 ? null : DecayTable(projections[j], network.Dt, set.TauFac, reset, e => set.U + e == set.U);
        }
    }

    /// <summary>The lowering of <paramref name="network"/>'s short-term plasticity; null when no projection has it.</summary>
    public static ShortTermLowering? For(Network network)
    {
        var projections = network.Projections.Where(p => p.ShortTerm is not null).ToArray();
        return projections.Length == 0 ? null : new ShortTermLowering(network, projections);
    }

    /// <summary>Number of channels: one per source neuron of every projection with short-term plasticity.</summary>
    public int Channels => _entries.Count - 1;

    /// <summary>The channel of <paramref name="source"/> (population-local) of <paramref name="projection"/>, −1 when it has no short-term plasticity.</summary>
    public int ChannelOf(Projection projection, int source) => _entries.EntryOf(projection, source) - 1;

    /// <summary>The first channel of <paramref name="projection"/>, −1 when it has no short-term plasticity.</summary>
    public int FirstChannel(Projection projection) => ChannelOf(projection, 0);

    /// <summary>The state tensors: u, x and last spike step per projection
    /// (<c>state_short_term_&lt;projection index&gt;_u</c>, <c>_x</c>, <c>_last_step</c>), then the step
    /// counter, with their element types, widths and initial values [1, width].</summary>
    public IEnumerable<(string Name, TensorProto.Types.DataType Type, int Width, TensorProto Initial)> States()
    {
        for (int j = 0; j < _projections.Length; j++)
        {
            int size = _projections[j].Source.Size;
            string name = $"state_short_term_{_projections[j].Index}";
            var u = new double[size];
            Array.Fill(u, _entries.Sets[j].U);
            var x = new double[size];
            Array.Fill(x, 1.0);
            var last = new long[size];
            Array.Fill(last, -1);
            yield return ($"{name}_u", TensorProto.Types.DataType.Double, size, GraphBuilder.TensorOf(u, [1, size]));
            yield return ($"{name}_x", TensorProto.Types.DataType.Double, size, GraphBuilder.TensorOf(x, [1, size]));
            yield return ($"{name}_last_step", TensorProto.Types.DataType.Int64, size, GraphBuilder.TensorOf(last, [1, size]));
        }
        yield return (StepState, TensorProto.Types.DataType.Int64, 1, GraphBuilder.TensorOf(new long[1], [1, 1]));
    }

    /// <summary>Number of state tensors (<see cref="States"/>).</summary>
    public int StateCount => 3 * _projections.Length + 1;

    /// <summary>A description for the model's metadata: each projection's parameters and table lengths.</summary>
    public string Describe()
        => string.Join("; ", _projections.Select((p, j) =>
            $"{p.Name}: {p.ShortTerm}, channels {FirstChannel(p)}-{FirstChannel(p) + p.Source.Size - 1}, decay tables {_recovery[j].Length}/{_facilitation[j]?.Length ?? 0}"));

    /// <summary>Adds one step: advances the entries of the sources that fired this step.</summary>
    /// <param name="graph">The graph being built.</param>
    /// <param name="state">The current values of <see cref="States"/>, in that order.</param>
    /// <param name="spikesOf">This step's spikes ([batch, size], 0/1) of every population.</param>
    /// <returns>The new state values and the channels, [batch, <see cref="Channels"/>] float.</returns>
    public (string[] State, string Channels) Step(GraphBuilder graph, IReadOnlyList<string> state, IReadOnlyDictionary<Population, string> spikesOf)
    {
        string step = state[^1];
        var next = new string[StateCount];
        var channels = new string[_projections.Length];
        for (int j = 0; j < _projections.Length; j++)
        {
            string spikes = spikesOf[_projections[j].Source];
            var (u, x, last, factor) = Advance(graph, j, state[3 * j], state[3 * j + 1], state[3 * j + 2], step, spikes);
            (next[3 * j], next[3 * j + 1], next[3 * j + 2]) = (u, x, last);
            channels[j] = graph.Mul(spikes, factor);
        }
        next[^1] = graph.Add(step, graph.Int64s(1));
        string all = channels.Length == 1 ? channels[0] : graph.OpWith("Concat", channels, [GraphBuilder.IntAttribute("axis", 1)]);
        return (next, all);
    }

    /// <summary>One projection's update, in the engine's order: a source that fired after an earlier
    /// spike in the same reset interval advances x ← 1 + (x − x·u − 1)·d_rec and
    /// u ← U + u·(1 − U)·d_fac (U without facilitation); one whose earlier spike lies in an earlier
    /// interval returns to u = U, x = 1; a first spike keeps the initial values. The factor is (float)(u·x).</summary>
    private (string U, string X, string Last, string Factor) Advance(GraphBuilder graph, int j, string u, string x, string last, string step, string spikes)
    {
        var set = _entries.Sets[j];
        long reset = _entries.ResetSteps[j];
        string fired = graph.Cast(spikes, TensorProto.Types.DataType.Bool);
        string earlier = graph.Op("GreaterOrEqual", last, graph.Int64s(0));
        string interval = graph.Sub(step, last);
        string bigU = graph.Scalar(set.U);
        string one = graph.Scalar(1.0);
        string xAdvanced = graph.Add(one, graph.Mul(graph.Sub(graph.Sub(x, graph.Mul(x, u)), one), Decay(graph, _recovery[j], interval)));
        string uAdvanced = _facilitation[j] is { } facilitation
            ? graph.Add(bigU, graph.Mul(graph.Mul(u, graph.Scalar(1 - set.U)), Decay(graph, facilitation, interval)))
            : set.U == 0 ? u : bigU;
        if (reset > 0)
        {
            string period = graph.Int64s(reset);
            string crossed = graph.Op("Not", graph.Op("Equal", graph.Div(last, period), graph.Div(step, period)));
            xAdvanced = graph.Where(crossed, one, xAdvanced);
            uAdvanced = graph.Where(crossed, bigU, uAdvanced);
        }
        string advance = graph.Op("And", fired, earlier);
        string nextU = graph.Where(advance, uAdvanced, u);
        string nextX = graph.Where(advance, xAdvanced, x);
        string nextLast = graph.Where(fired, step, last);
        string factor = graph.Cast(graph.Mul(nextU, nextX), TensorProto.Types.DataType.Float);
        return (nextU, nextX, nextLast, factor);
    }

    /// <summary>The decay of <paramref name="interval"/> steps (int64), read from <paramref name="table"/>
    /// with intervals beyond its end reading its last entry.</summary>
    private static string Decay(GraphBuilder graph, double[] table, string interval)
    {
        string index = graph.Op("Min", interval, graph.Int64s(table.Length - 1));
        return graph.Op("Gather", graph.Constant(GraphBuilder.TensorOf(table, [table.Length])), index);
    }

    /// <summary>e^(−Δ·dt/τ) for Δ = 1, 2, … as the engine computes it (entry 0 is unused), up to the
    /// first decay that <paramref name="negligible"/> accepts, or Δ = R − 1 with a reset interval R.</summary>
    private static double[] DecayTable(Projection projection, double dt, double tau, long reset, Func<double, bool> negligible)
    {
        var table = new List<double> { 1.0 };
        for (long interval = 1; reset == 0 || interval < reset; interval++)
        {
            double h = interval * dt;
            double decay = Math.Exp(-h / tau);
            table.Add(decay);
            if (negligible(decay))
            {
                break;
            }
            if (table.Count == MaxTableLength)
            {
                throw new NotSupportedException(
                    $"Projection {projection.Name}: short-term plasticity with a time constant of {tau} ms at dt = {dt} ms needs more than {MaxTableLength} " +
                    "steps of decay in the ONNX export; give it a ResetIntervalMs, or run it on the cpu, mpi or gpu backend.");
            }
        }
        return [.. table];
    }
}
