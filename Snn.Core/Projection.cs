using System.Runtime.CompilerServices;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Plasticity;
using Snn.Core.Randomness;
using Snn.Core.Simulation;
using Snn.Core.Validation;

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

    /// <summary>The short-term plasticity of this projection's synapses, or null for none.</summary>
    public ShortTermPlasticity? ShortTerm { get; private set; }

    /// <summary>Gives the synapses Tsodyks–Markram short-term depression and facilitation
    /// (<see cref="ShortTermPlasticity"/>); combines with a long-term rule set by
    /// <see cref="WithPlasticity{TRule}"/>.</summary>
    public Projection WithShortTermPlasticity(ShortTermPlasticity shortTerm)
    {
        Source.Network.ThrowIfSealed();
        if (ShortTerm is { } existing)
        {
            throw new InvalidOperationException($"Projection {Name} already has the short-term plasticity {existing}.");
        }
        try
        {
            shortTerm.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Projection {Name}: {e.Message}", e.ParamName, e);
        }
        ShortTerm = shortTerm;
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

    /// <summary>Generates the realised synapses. The result is the same on every call and on any
    /// number of cores (it depends only on the seed); it is not cached, so engines own the only copy
    /// they keep. Rules that draw per target are generated in parallel over ranges of targets.</summary>
    public SynapseTable Instantiate() => InstantiateTargets(0, Target.Size);

    /// <summary>The synapses onto targets in [<paramref name="firstTarget"/>, <paramref name="endTarget"/>),
    /// in the order <see cref="Instantiate"/> gives them, with the same weights and delays: what one
    /// rank of a distributed simulation builds. Rules that do not draw per target, and explicit
    /// weight or delay lists (indexed over the whole projection), are generated whole and filtered.</summary>
    public SynapseTable InstantiateTargets(int firstTarget, int endTarget)
    {
        if (firstTarget < 0 || endTarget > Target.Size || firstTarget > endTarget)
        {
            throw new ArgumentOutOfRangeException(nameof(firstTarget), firstTarget, $"Target range [{firstTarget}, {endTarget}) must lie in [0, {Target.Size}] of '{Target.Name}'.");
        }
        var network = Source.Network;
        var context = Context();
        bool partial = firstTarget != 0 || endTarget != Target.Size;
        bool explicitValues = Synapse.Weight is ExplicitValues || Synapse.Delay is ExplicitValues;
        bool perTarget = Connectivity.GeneratesPerTarget && !(partial && explicitValues);
        var ranges = perTarget ? TargetRanges(firstTarget, endTarget) : [(0, Target.Size)];
        var buffers = new ConnectionBuffer[ranges.Length];
        ForEachRange(ranges.Length, r =>
        {
            buffers[r] = new ConnectionBuffer();
            Connectivity.Generate(context with { FirstTarget = ranges[r].First, TargetEnd = ranges[r].End }, buffers[r]);
        });
        var offsets = new int[ranges.Length + 1];
        for (int r = 0; r < ranges.Length; r++)
        {
            offsets[r + 1] = (int)SimulationLimits.RequireSynapseCount((long)offsets[r] + buffers[r].Count, Name);
        }
        int count = offsets[^1];
        // The ranges cover [0, count), and each range writes all four arrays over its own stretch.
        var sources = GC.AllocateUninitializedArray<int>(count);
        var targets = GC.AllocateUninitializedArray<int>(count);
        var delay = Synapse.Delay ?? Dist.Constant(network.Dt);
        CheckExplicitCount(Synapse.Weight, count, "weight");
        CheckExplicitCount(delay, count, "delay");
        var weights = GC.AllocateUninitializedArray<float>(count);
        var delays = GC.AllocateUninitializedArray<ushort>(count);
        ForEachRange(ranges.Length, r =>
        {
            buffers[r].Sources.CopyTo(sources.AsSpan(offsets[r]));
            buffers[r].Targets.CopyTo(targets.AsSpan(offsets[r]));
            FillValues(offsets[r], offsets[r + 1], ranges[r], targets, weights, delays, delay);
        });
        var table = new SynapseTable(sources, targets, weights, delays);
        return perTarget || !partial ? table : Filter(table, firstTarget, endTarget);
    }

    /// <summary>The synapses onto targets in [<paramref name="firstTarget"/>, <paramref name="endTarget"/>),
    /// generated on the calling thread, with the same pairs, weights and delays, in the same order, as
    /// <see cref="InstantiateTargets"/>, but left in their generation buffer: an engine that splits
    /// the targets into ranges lays the synapses out without another copy. Null where this way does not
    /// apply or a weight or delay is out of range, so the caller uses <see cref="InstantiateTargets"/>
    /// (which then reports the error with the synapse's index in the projection): a rule that does not
    /// draw per target, or explicit weight or delay lists.</summary>
    public TargetRangeSynapses? InstantiateRange(int firstTarget, int endTarget)
    {
        if (firstTarget < 0 || endTarget > Target.Size || firstTarget > endTarget)
        {
            throw new ArgumentOutOfRangeException(nameof(firstTarget), firstTarget, $"Target range [{firstTarget}, {endTarget}) must lie in [0, {Target.Size}] of '{Target.Name}'.");
        }
        var delay = Synapse.Delay ?? Dist.Constant(Source.Network.Dt);
        if (!Connectivity.GeneratesPerTarget || Synapse.Weight is ExplicitValues || delay is ExplicitValues)
        {
            return null;
        }
        var pairs = new ConnectionBuffer(pooled: true);
        Connectivity.Generate(Context() with { FirstTarget = firstTarget, TargetEnd = endTarget }, pairs);
        int count = pairs.Count;
        if (count == 0)
        {
            return new TargetRangeSynapses(pairs, 0, null, 0, null, int.MaxValue, 0);
        }
        bool conductance = Target.SynapseKind == SynapseKind.Conductance;
        try
        {
            if (Synapse.Weight is ConstantDist constantWeight && delay is ConstantDist constantDelay)
            {
                ushort steps = CheckedDelaySteps(constantDelay.Value, 0);
                return new TargetRangeSynapses(pairs, CheckedWeight(constantWeight.Value, 0, conductance), null, steps, null, steps, steps);
            }
            var weights = GC.AllocateUninitializedArray<float>(count);
            var delays = GC.AllocateUninitializedArray<ushort>(count);
            FillValues(0, count, (firstTarget, endTarget), pairs.Targets, weights, delays, delay);
            var (min, max) = MinMax(delays);
            return new TargetRangeSynapses(pairs, 0, weights, 0, delays, min, max);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private ConnectionContext Context() => new(Source.Size, Target.Size, ReferenceEquals(Source, Target), Source.Network.Seed,
        RngStreams.Topology(Index), Source.HasPositions ? Source.Positions.ToArray() : ReadOnlyMemory<float>.Empty,
        Target.HasPositions ? Target.Positions.ToArray() : ReadOnlyMemory<float>.Empty, Name);

    /// <summary>Draws the weight and delay of synapses [first, end), whose targets lie in
    /// <paramref name="targetRange"/>: each from a stream keyed by the synapse's target and its rank k
    /// among that target's synapses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillValues(int first, int end, (int First, int End) targetRange, ReadOnlySpan<int> targets, float[] weights, ushort[] delays, Dist delay)
    {
        if (first == end)
        {
            return;
        }
        bool conductance = Target.SynapseKind == SynapseKind.Conductance;
        if (Synapse.Weight is ConstantDist constantWeight && delay is ConstantDist constantDelay)
        {
            float weight = CheckedWeight(constantWeight.Value, first, conductance);
            ushort steps = CheckedDelaySteps(constantDelay.Value, first);
            weights.AsSpan(first, end - first).Fill(weight);
            delays.AsSpan(first, end - first).Fill(steps);
            return;
        }
        var counts = new int[targetRange.End - targetRange.First];
        Span<int> ranks = stackalloc int[SynapseDraws.MaxRun];
        Span<double> drawnWeights = stackalloc double[SynapseDraws.MaxRun];
        Span<double> drawnDelays = stackalloc double[SynapseDraws.MaxRun];
        ulong seed = Source.Network.Seed;
        for (int start = first; start < end; start += SynapseDraws.MaxRun)
        {
            var run = targets.Slice(start, Math.Min(SynapseDraws.MaxRun, end - start));
            for (int i = 0; i < run.Length; i++)
            {
                ranks[i] = counts[run[i] - targetRange.First]++;
            }
            SynapseDraws.Fill(Synapse.Weight, seed, RngStreams.Weights(Index), run, ranks[..run.Length], start, drawnWeights);
            SynapseDraws.Fill(delay, seed, RngStreams.Delays(Index), run, ranks[..run.Length], start, drawnDelays);
            for (int i = 0; i < run.Length; i++)
            {
                weights[start + i] = CheckedWeight(drawnWeights[i], start + i, conductance);
                delays[start + i] = CheckedDelaySteps(drawnDelays[i], start + i);
            }
        }
    }

    private static (int Min, int Max) MinMax(ushort[] delays)
    {
        int min = int.MaxValue;
        int max = 0;
        foreach (ushort steps in delays)
        {
            min = Math.Min(min, steps);
            max = Math.Max(max, steps);
        }
        return (min, max);
    }

    private float CheckedWeight(double w, int synapse, bool conductance)
    {
        if (!Guard.IsStorable(w) || (conductance && w < 0))
        {
            string range = conductance ? "finite as a float and >= 0 nS (conductance)" : $"finite as a float (|w| <= {float.MaxValue:G9})";
            throw new ArgumentOutOfRangeException("weight", w, $"Projection {Name}: weight of synapse {synapse} = {w} must be {range}.");
        }
        return (float)w;
    }

    private ushort CheckedDelaySteps(double d, int synapse)
    {
        double dt = Source.Network.Dt;
        double steps = Math.Round(d / dt);
        if (!double.IsFinite(d) || d < dt * (1 - 1e-9) || steps > SynapseTable.MaxDelaySteps)
        {
            throw new ArgumentOutOfRangeException("delay", d,
                $"Projection {Name}: delay of synapse {synapse} = {d} ms must be in [dt, {SynapseTable.MaxDelaySteps} dt] = [{dt}, {SynapseTable.MaxDelaySteps * dt}] ms.");
        }
        return (ushort)steps;
    }

    /// <summary>Ranges of targets of similar size, enough to keep every core busy.</summary>
    private static (int First, int End)[] TargetRanges(int first, int end)
    {
        int targets = end - first;
        int ranges = Math.Clamp(targets / 256, 1, 4 * Environment.ProcessorCount);
        var result = new (int, int)[ranges];
        for (int r = 0; r < ranges; r++)
        {
            result[r] = (first + (int)((long)targets * r / ranges), first + (int)((long)targets * (r + 1) / ranges));
        }
        return result;
    }

    /// <summary>Runs <paramref name="body"/> for every range, in parallel when there are several; an
    /// exception is rethrown as it is, the one of the earliest range first, so errors do not depend
    /// on scheduling.</summary>
    private static void ForEachRange(int count, Action<int> body)
    {
        if (count == 1)
        {
            body(0);
            return;
        }
        var failures = new Exception?[count];
        Parallel.For(0, count, r =>
        {
            try
            {
                body(r);
            }
            catch (Exception e)
            {
                failures[r] = e;
            }
        });
        var first = failures.FirstOrDefault(e => e is not null);
        if (first is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    private static SynapseTable Filter(SynapseTable table, int firstTarget, int endTarget)
    {
        var keep = Enumerable.Range(0, table.Count).Where(s => table.Targets[s] >= firstTarget && table.Targets[s] < endTarget).ToArray();
        return new SynapseTable(keep.Select(s => table.Sources[s]).ToArray(), keep.Select(s => table.Targets[s]).ToArray(),
            keep.Select(s => table.Weights[s]).ToArray(), keep.Select(s => table.DelaySteps[s]).ToArray());
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
