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
        int capacity = (int)Math.Min(2L * Count, SimulationLimits.MaxSynapsesPerProjection);
        Array.Resize(ref _sources, capacity);
        Array.Resize(ref _targets, capacity);
    }

    /// <summary>Reserves room for at least <paramref name="capacity"/> pairs.</summary>
    public void EnsureCapacity(long capacity)
    {
        if (capacity > _sources.Length)
        {
            int size = (int)SimulationLimits.RequireSynapseCount(capacity);
            Array.Resize(ref _sources, size);
            Array.Resize(ref _targets, size);
        }
    }
}
