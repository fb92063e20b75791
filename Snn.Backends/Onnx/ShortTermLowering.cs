using Snn.Backends.Cpu;
using Snn.Backends.Onnx.Proto;
using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Onnx;

/// <summary>
/// Tsodyks–Markram short-term plasticity (<see cref="ShortTermPlasticity"/>) as ONNX operators that
/// repeat the CPU engine's double arithmetic operation for operation, so the factors u·x, and with
/// them every transmitted weight, are the engine's bits. Every source neuron of every projection
/// with short-term plasticity is a <em>channel</em> (one per entry of <see cref="ShortTermEntries"/>,
/// numbered entry − 1) with its projection's parameters as per-channel constants; the state is u
/// and x (double) and the step of the last spike (int64, −1 for none) per channel, and a step
/// counter (int64), so one set of about thirty operators updates every projection. When a source
/// fires, its channels advance as in the engine and hold the factor (float) of that spike, else 0;
/// the channels go onto the spike history beside the neurons' spikes, so a synapse of such a
/// projection reads its source's channel instead of its spike and the scaled weight travels along
/// its delay.
/// </summary>
/// <remarks>
/// ONNX Runtime's <c>Exp</c> is not the engine's <c>Math.Exp</c>, so the decays e^(−Δ·dt/τ) are
/// gathered from per-projection tables computed with the engine's expression, indexed by the
/// interval Δ in steps (all tables in one tensor, each channel with its table's offset). A table
/// ends at the first Δ whose decay no longer changes the result (1 − e = 1 for τ_rec, U + e = U for
/// τ_fac, both in double) and longer intervals read its last entry: the engine's smaller decay
/// leaves the same bits there, since 1 + (x − u·x − 1)·e with x − u·x − 1 in [−1, 0] and
/// U + u·(1 − U)·e with u·(1 − U) in [0, 1] round to 1 and U alike. With a reset interval R a table
/// needs no more than R entries. Without facilitation (or with U = 0, where u stays 0) the
/// facilitation decay is 0, which leaves u = U + u·(1 − U)·0 = U, the engine's value.
/// </remarks>
internal sealed class ShortTermLowering
{
    /// <summary>The largest decay table one projection may need (entries of 8 bytes).</summary>
    public const int MaxTableLength = 1 << 22;

    private static readonly double[] NoFacilitation = [0.0, 0.0];
    private readonly ShortTermEntries _entries;
    private readonly Projection[] _projections;
    private readonly double[][] _recovery;
    private readonly double[][] _facilitation;
    private readonly int _neurons;

    private ShortTermLowering(Network network, Projection[] projections)
    {
        _entries = new ShortTermEntries(network);
        _projections = projections;
        _neurons = network.NeuronCount;
        _recovery = new double[projections.Length][];
        _facilitation = new double[projections.Length][];
        for (int j = 0; j < projections.Length; j++)
        {
            var set = _entries.Sets[j];
            long reset = _entries.ResetSteps[j];
            _recovery[j] = DecayTable(projections[j], network.Dt, set.TauRec, reset, e => 1 - e == 1);
            _facilitation[j] = set.TauFac == 0 || set.U == 0 ? NoFacilitation : DecayTable(projections[j], network.Dt, set.TauFac, reset, e => set.U + e == set.U);
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

    /// <summary>The first channel of <paramref name="projection"/>, −1 when it has no short-term plasticity.</summary>
    public int FirstChannel(Projection projection) => _entries.EntryOf(projection, 0) - 1;

    /// <summary>The state tensors, [1, width] initially: u (<c>state_short_term_u</c>, U), x
    /// (<c>state_short_term_x</c>, 1) and the last spike's step (<c>state_short_term_last_step</c>,
    /// −1) per channel, and the step counter (<c>state_short_term_step</c>, 0).</summary>
    public IEnumerable<(string Name, TensorProto.Types.DataType Type, int Width, TensorProto Initial)> States()
    {
        int width = Channels;
        var last = new long[width];
        Array.Fill(last, -1);
        var x = new double[width];
        Array.Fill(x, 1.0);
        yield return ("state_short_term_u", TensorProto.Types.DataType.Double, width, GraphBuilder.TensorOf(PerChannel(j => _entries.Sets[j].U), [1, width]));
        yield return ("state_short_term_x", TensorProto.Types.DataType.Double, width, GraphBuilder.TensorOf(x, [1, width]));
        yield return ("state_short_term_last_step", TensorProto.Types.DataType.Int64, width, GraphBuilder.TensorOf(last, [1, width]));
        yield return ("state_short_term_step", TensorProto.Types.DataType.Int64, 1, GraphBuilder.TensorOf(new long[1], [1, 1]));
    }

    /// <summary>Number of state tensors (<see cref="States"/>).</summary>
    public int StateCount => 4;

    /// <summary>A description for the model's metadata: each projection's parameters, channels and table lengths.</summary>
    public string Describe()
        => string.Join("; ", _projections.Select((p, j) =>
            $"{p.Name}: {p.ShortTerm}, channels {FirstChannel(p)}-{FirstChannel(p) + p.Source.Size - 1}, decay tables {_recovery[j].Length}/{(_facilitation[j] == NoFacilitation ? 0 : _facilitation[j].Length)}"));

    /// <summary>Adds one step, in the engine's order: a channel whose source fired after an earlier
    /// spike in the same reset interval advances x ← 1 + (x − x·u − 1)·d_rec and
    /// u ← U + u·(1 − U)·d_fac; one whose earlier spike lies in an earlier interval returns to
    /// u = U, x = 1; a first spike keeps the initial values. The factor is (float)(u·x).</summary>
    /// <param name="graph">The graph being built.</param>
    /// <param name="state">The current values of <see cref="States"/>, in that order.</param>
    /// <param name="neuronSpikes">This step's spikes of every neuron, [batch, neurons] (0/1), in network order.</param>
    /// <returns>The new state values and the channels, [batch, <see cref="Channels"/>] float.</returns>
    public (string[] State, string Channels) Step(GraphBuilder graph, IReadOnlyList<string> state, string neuronSpikes)
    {
        var (u, x, last, step) = (state[0], state[1], state[2], state[3]);
        var sources = new long[Channels];
        for (int j = 0; j < _projections.Length; j++)
        {
            for (int s = 0; s < _projections[j].Source.Size; s++)
            {
                sources[FirstChannel(_projections[j]) + s] = _projections[j].Source.Offset + s;
            }
        }
        string spikes = graph.OpWith("Gather", [neuronSpikes, graph.Constant(GraphBuilder.TensorOf(sources, [sources.Length]))], [GraphBuilder.IntAttribute("axis", 1)]);
        string fired = graph.Cast(spikes, TensorProto.Types.DataType.Bool);
        string interval = graph.Sub(step, last);
        string bigU = Constant(graph, PerChannel(j => _entries.Sets[j].U));
        string one = graph.Scalar(1.0);
        string xAdvanced = graph.Add(one, graph.Mul(graph.Sub(graph.Sub(x, graph.Mul(x, u)), one), Decay(graph, _recovery, interval)));
        string uAdvanced = graph.Add(bigU, graph.Mul(graph.Mul(u, Constant(graph, PerChannel(j => 1 - _entries.Sets[j].U))), Decay(graph, _facilitation, interval)));
        if (_entries.ResetSteps.Any(r => r > 0))
        {
            string period = graph.Constant(GraphBuilder.TensorOf(PerChannel(j => _entries.ResetSteps[j] > 0 ? _entries.ResetSteps[j] : long.MaxValue), [Channels]));
            string crossed = graph.Op("Not", graph.Op("Equal", graph.Div(last, period), graph.Div(step, period)));
            xAdvanced = graph.Where(crossed, one, xAdvanced);
            uAdvanced = graph.Where(crossed, bigU, uAdvanced);
        }
        string advance = graph.Op("And", fired, graph.Op("GreaterOrEqual", last, graph.Int64s(0)));
        string nextU = graph.Where(advance, uAdvanced, u);
        string nextX = graph.Where(advance, xAdvanced, x);
        string nextLast = graph.Where(fired, step, last);
        string factor = graph.Cast(graph.Mul(nextU, nextX), TensorProto.Types.DataType.Float);
        return ([nextU, nextX, nextLast, graph.Add(step, graph.Int64s(1))], graph.Mul(spikes, factor));
    }

    /// <summary>Each channel's decay of <paramref name="interval"/> steps ([batch, channels] int64),
    /// read from its projection's table in <paramref name="tables"/> (all in one constant), with
    /// intervals beyond a table's end reading its last entry.</summary>
    private string Decay(GraphBuilder graph, double[][] tables, string interval)
    {
        var offsets = new long[tables.Length];
        for (int j = 1; j < tables.Length; j++)
        {
            offsets[j] = offsets[j - 1] + tables[j - 1].Length;
        }
        string start = graph.Constant(GraphBuilder.TensorOf(PerChannel(j => offsets[j]), [Channels]));
        string end = graph.Constant(GraphBuilder.TensorOf(PerChannel(j => offsets[j] + tables[j].Length - 1), [Channels]));
        string index = graph.Op("Min", graph.Add(interval, start), end);
        double[] all = [.. tables.SelectMany(t => t)];
        return graph.Op("Gather", graph.Constant(GraphBuilder.TensorOf(all, [all.Length])), index);
    }

    private string Constant(GraphBuilder graph, double[] values) => graph.Constant(GraphBuilder.TensorOf(values, [values.Length]));

    /// <summary>A value per channel from its projection's index among the projections with short-term plasticity.</summary>
    private T[] PerChannel<T>(Func<int, T> value)
    {
        var values = new T[Channels];
        for (int c = 0; c < values.Length; c++)
        {
            values[c] = value(_entries.SetOf[c + 1]);
        }
        return values;
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
