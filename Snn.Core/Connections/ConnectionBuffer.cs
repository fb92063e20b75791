using System.Buffers;
using System.Runtime.CompilerServices;
using Snn.Core.Simulation;

namespace Snn.Core.Connections;

/// <summary>A growable list of (source, target) pairs, population-local indices.</summary>
public sealed class ConnectionBuffer
{
    private readonly bool _pooled;
    private int[] _sources;
    private int[] _targets;

    /// <summary>An empty buffer.</summary>
    public ConnectionBuffer()
        : this(false)
    {
    }

    /// <summary>An empty buffer; when <paramref name="pooled"/>, its arrays are rented from
    /// <see cref="ArrayPool{T}.Shared"/> and go back there on <see cref="ReturnToPool"/>, so a build
    /// that generates into short-lived buffers reuses the memory (already mapped) of an earlier one.</summary>
    internal ConnectionBuffer(bool pooled)
    {
        _pooled = pooled;
        _sources = pooled ? [] : new int[64];
        _targets = pooled ? [] : new int[64];
    }

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

    /// <summary>Doubles the capacity, to at least 64 (up to the per-projection limit).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        SimulationLimits.RequireSynapseCount(Count + 1L);
        Resize((int)Math.Min(Math.Max(2L * Count, 64), SimulationLimits.MaxSynapsesPerProjection));
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
        var sources = _pooled ? ArrayPool<int>.Shared.Rent(capacity) : GC.AllocateUninitializedArray<int>(capacity);
        var targets = _pooled ? ArrayPool<int>.Shared.Rent(capacity) : GC.AllocateUninitializedArray<int>(capacity);
        Sources.CopyTo(sources);
        Targets.CopyTo(targets);
        if (_pooled)
        {
            ReturnArrays();
        }
        _sources = sources;
        _targets = targets;
    }

    /// <summary>Empties a pooled buffer and gives its arrays back to the pool; the spans it gave out
    /// before must no longer be read. Does nothing for a buffer that is not pooled.</summary>
    internal void ReturnToPool()
    {
        if (!_pooled)
        {
            return;
        }
        ReturnArrays();
        _sources = [];
        _targets = [];
        Count = 0;
    }

    private void ReturnArrays()
    {
        if (_sources.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_sources);
            ArrayPool<int>.Shared.Return(_targets);
        }
    }
}
