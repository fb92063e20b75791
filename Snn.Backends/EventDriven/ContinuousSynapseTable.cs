using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Randomness;

namespace Snn.Backends.EventDriven;

/// <summary>
/// The realised synapses of a projection with continuous delays (ms) instead of
/// <see cref="SynapseTable.DelaySteps"/>, for engines without a time grid. It draws the same
/// pairs, weights and delays from the same generator streams as <see cref="Projection.Instantiate"/>
/// (topology, weight and delay streams keyed by the projection, one substream per target neuron),
/// so on a grid the delays round to exactly the steps the clock-driven engines use.
/// </summary>
public sealed class ContinuousSynapseTable
{
    private ContinuousSynapseTable(int[] sources, int[] targets, double[] weights, double[] delaysMs)
    {
        Sources = sources;
        Targets = targets;
        Weights = weights;
        DelaysMs = delaysMs;
    }

    /// <summary>Source neuron of each synapse (population-local).</summary>
    public int[] Sources { get; }

    /// <summary>Target neuron of each synapse (population-local).</summary>
    public int[] Targets { get; }

    /// <summary>Weight of each synapse (unit of the target model).</summary>
    public double[] Weights { get; }

    /// <summary>Delay of each synapse (ms), &gt; 0.</summary>
    public double[] DelaysMs { get; }

    /// <summary>Number of synapses.</summary>
    public int Count => Sources.Length;

    /// <summary>Realises <paramref name="projection"/>. A missing delay distribution means one
    /// time step of the network. Throws <see cref="ArgumentOutOfRangeException"/> for a weight that
    /// is not finite (or a negative conductance) and a delay that is not finite and &gt; 0 ms.</summary>
    /// <param name="projection">The projection.</param>
    public static ContinuousSynapseTable Instantiate(Projection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var source = projection.Source;
        var target = projection.Target;
        var network = source.Network;
        var context = new ConnectionContext(source.Size, target.Size, ReferenceEquals(source, target), network.Seed,
            RngStreams.Topology(projection.Index), source.HasPositions ? source.Positions.ToArray() : ReadOnlyMemory<float>.Empty,
            target.HasPositions ? target.Positions.ToArray() : ReadOnlyMemory<float>.Empty, projection.Name);
        var buffer = new ConnectionBuffer();
        projection.Connectivity.Generate(context, buffer);
        int count = buffer.Count;
        var sources = buffer.Sources.ToArray();
        var targets = buffer.Targets.ToArray();
        var weightDist = projection.Synapse.Weight;
        var delayDist = projection.Synapse.Delay ?? Dist.Constant(network.Dt);
        CheckExplicitCount(weightDist, count, "weight", projection);
        CheckExplicitCount(delayDist, count, "delay", projection);
        var weights = new double[count];
        var delays = new double[count];
        var perTarget = new int[target.Size];
        bool conductance = target.SynapseKind == SynapseKind.Conductance;
        for (int s = 0; s < count; s++)
        {
            int t = targets[s];
            int k = perTarget[t]++;
            double w = Value(weightDist, s, network.Seed, RngStreams.Weights(projection.Index), t, k);
            if (!double.IsFinite(w) || (conductance && w < 0))
            {
                string range = conductance ? "finite and >= 0 nS (conductance)" : "finite";
                throw new ArgumentOutOfRangeException("weight", w, $"Projection {projection.Name}: weight of synapse {s} = {w} must be {range}.");
            }
            double d = Value(delayDist, s, network.Seed, RngStreams.Delays(projection.Index), t, k);
            if (!double.IsFinite(d) || d <= 0)
            {
                throw new ArgumentOutOfRangeException("delay", d, $"Projection {projection.Name}: delay of synapse {s} = {d} ms must be finite and > 0 ms.");
            }
            weights[s] = w;
            delays[s] = d;
        }
        return new ContinuousSynapseTable(sources, targets, weights, delays);
    }

    private static double Value(Dist distribution, int synapse, ulong seed, uint stream, int target, int k) => distribution switch
    {
        ConstantDist constant => constant.Value,
        ExplicitValues values => values[synapse],
        _ => Sample(distribution, seed, stream, target, k),
    };

    private static double Sample(Dist distribution, ulong seed, uint stream, int target, int k)
    {
        var rng = new CounterRng(seed, stream, (uint)target, (ulong)k << 16);
        return distribution.Sample(ref rng);
    }

    private static void CheckExplicitCount(Dist distribution, int count, string what, Projection projection)
    {
        if (distribution is ExplicitValues values && values.Count != count)
        {
            throw new ArgumentException($"Projection {projection.Name}: {values.Count} explicit {what}s given for {count} synapses.", what);
        }
    }
}
