using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Plasticity;
using Snn.Core.Randomness;

namespace Snn.Core;

/// <summary>
/// Synapses from one population to another: a connectivity rule, weight and delay
/// distributions and a receptor. Its synapses are realised once, deterministically from the
/// network seed: a target's weights and delays come from streams keyed by the target neuron.
/// </summary>
public sealed class Projection
{
    internal Projection(int index, Population source, Population target, Connectivity connectivity, SynapseSpec synapse)
    {
        Index = index;
        Source = source;
        Target = target;
        Connectivity = connectivity;
        Synapse = synapse;
    }

    /// <summary>Position of this projection in <see cref="Network.Projections"/>.</summary>
    public int Index { get; }

    /// <summary>The presynaptic population.</summary>
    public Population Source { get; }

    /// <summary>The postsynaptic population.</summary>
    public Population Target { get; }

    /// <summary>The connectivity rule.</summary>
    public Connectivity Connectivity { get; }

    /// <summary>Weights, delays and receptor.</summary>
    public SynapseSpec Synapse { get; }

    /// <summary>The receptor fed.</summary>
    public Receptor Receptor => Synapse.Receptor;

    /// <summary>The plasticity rule of this projection, or null for static synapses.</summary>
    public PlasticitySpec? Plasticity { get; private set; }

    /// <summary>Makes the synapses plastic under <paramref name="rule"/>, optionally gated by
    /// <paramref name="modulator"/>.</summary>
    public Projection WithPlasticity<TRule>(TRule rule, Modulator? modulator = null) where TRule : struct, IPlasticityRule<TRule>
    {
        Source.Network.ThrowIfSealed();
        if (Plasticity is not null)
        {
            throw new InvalidOperationException($"Projection {Name} already has the rule {Plasticity.Rule.RuleName}.");
        }
        if (modulator is not null && !Source.Network.Modulators.Contains(modulator))
        {
            throw new ArgumentException($"Modulator '{modulator.Name}' belongs to another network.", nameof(modulator));
        }
        rule.Validate();
        Plasticity = new PlasticitySpec<TRule>(rule, modulator);
        return this;
    }

    internal void ValidatePlasticity()
    {
        if (Plasticity is null)
        {
            return;
        }
        try
        {
            Plasticity.Rule.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Projection {Name}: {e.Message}", e.ParamName, e);
        }
    }

    /// <summary>A readable name, "source->target#index".</summary>
    public string Name => $"{Source.Name}->{Target.Name}#{Index}";

    /// <summary>Generates the realised synapses. The result is the same on every call (it depends
    /// only on the seed); it is not cached, so engines own the only copy they keep.</summary>
    public SynapseTable Instantiate()
    {
        var network = Source.Network;
        var context = new ConnectionContext(Source.Size, Target.Size, ReferenceEquals(Source, Target), network.Seed,
            RngStreams.Topology(Index), Source.HasPositions ? Source.Positions.ToArray() : ReadOnlyMemory<float>.Empty,
            Target.HasPositions ? Target.Positions.ToArray() : ReadOnlyMemory<float>.Empty, Name);
        var buffer = new ConnectionBuffer();
        Connectivity.Generate(context, buffer);
        int count = buffer.Count;
        var sources = buffer.Sources.ToArray();
        var targets = buffer.Targets.ToArray();
        var weights = new float[count];
        var delays = new ushort[count];
        var delay = Synapse.Delay ?? Dist.Constant(network.Dt);
        CheckExplicitCount(Synapse.Weight, count, "weight");
        CheckExplicitCount(delay, count, "delay");
        var perTarget = new int[Target.Size];
        bool conductance = Target.SynapseKind == SynapseKind.Conductance;
        for (int s = 0; s < count; s++)
        {
            int target = targets[s];
            int k = perTarget[target]++;
            double w = Value(Synapse.Weight, s, RngStreams.Weights(Index), target, k);
            if (!double.IsFinite(w) || (conductance && w < 0))
            {
                string range = conductance ? "finite and >= 0 nS (conductance)" : "finite";
                throw new ArgumentOutOfRangeException("weight", w, $"Projection {Name}: weight of synapse {s} = {w} must be {range}.");
            }
            weights[s] = (float)w;
            double d = Value(delay, s, RngStreams.Delays(Index), target, k);
            double steps = Math.Round(d / network.Dt);
            if (!double.IsFinite(d) || d < network.Dt * (1 - 1e-9) || steps > SynapseTable.MaxDelaySteps)
            {
                throw new ArgumentOutOfRangeException("delay", d,
                    $"Projection {Name}: delay of synapse {s} = {d} ms must be in [dt, {SynapseTable.MaxDelaySteps} dt] = [{network.Dt}, {SynapseTable.MaxDelaySteps * network.Dt}] ms.");
            }
            delays[s] = (ushort)steps;
        }
        return new SynapseTable(sources, targets, weights, delays);
    }

    private double Value(Dist distribution, int synapse, uint stream, int target, int k)
    {
        switch (distribution)
        {
            case ConstantDist constant:
                return constant.Value;
            case ExplicitValues values:
                return values[synapse];
            default:
                var rng = new CounterRng(Source.Network.Seed, stream, (uint)target, (ulong)k << 16);
                return distribution.Sample(ref rng);
        }
    }

    private void CheckExplicitCount(Dist distribution, int count, string what)
    {
        if (distribution is ExplicitValues values && values.Count != count)
        {
            throw new ArgumentException($"Projection {Name}: {values.Count} explicit {what}s given for {count} synapses.", what);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
