using System.Runtime.CompilerServices;
using Snn.Core.Simulation;

namespace Snn.Core.Connections;

/// <summary>A growable list of (source, target) pairs, population-local indices.</summary>
public sealed class ConnectionBuffer
{
    private int[] _sources = new int[64];
    private int[] _targets = new int[64];

    /// <summary>Number of pairs.</summary>
    public int Count { get; private set; }

    /// <summary>The sources, in generation order.</summary>
    public ReadOnlySpan<int> Sources => _sources.AsSpan(0, Count);

    /// <summary>The targets, in generation order.</summary>
    public ReadOnlySpan<int> Targets => _targets.AsSpan(0, Count);

    /// <summary>Appends one pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int source, int target)
    {
        int count = Count;
        var sources = _sources;
        var targets = _targets;
        if ((uint)count >= (uint)sources.Length || (uint)count >= (uint)targets.Length)
        {
            Grow();
            sources = _sources;
            targets = _targets;
        }
        sources[count] = source;
        targets[count] = target;
        Count = count + 1;
    }

    /// <summary>Doubles the capacity (up to the per-projection limit).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        SimulationLimits.RequireSynapseCount(Count + 1L);
        Resize((int)Math.Min(2L * Count, SimulationLimits.MaxSynapsesPerProjection));
    }

    /// <summary>Reserves room for at least <paramref name="capacity"/> pairs.</summary>
    public void EnsureCapacity(long capacity)
    {
        if (capacity > _sources.Length)
        {
            Resize((int)SimulationLimits.RequireSynapseCount(capacity));
        }
    }

    /// <summary>Moves the pairs to arrays of <paramref name="capacity"/>; only the first
    /// <see cref="Count"/> entries are ever read, so the rest is left uninitialised.</summary>
    private void Resize(int capacity)
    {
        var sources = GC.AllocateUninitializedArray<int>(capacity);
        var targets = GC.AllocateUninitializedArray<int>(capacity);
        Sources.CopyTo(sources);
        Targets.CopyTo(targets);
        _sources = sources;
        _targets = targets;
    }
}
