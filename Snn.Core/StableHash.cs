using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Snn.Core;

/// <summary>A 64-bit FNV-1a hash that is the same in every process, for fingerprints of network
/// descriptions (string.GetHashCode is randomised per process).</summary>
public struct StableHash
{
    private ulong _value;

    /// <summary>Starts an empty hash.</summary>
    public StableHash()
    {
        _value = 14695981039346656037UL;
    }

    /// <summary>The hash so far.</summary>
    public readonly ulong Value => _value;

    /// <summary>Adds bytes.</summary>
    public void Add(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            _value = (_value ^ b) * 1099511628211UL;
        }
    }

    /// <summary>Adds the UTF-16 code units of a string.</summary>
    public void Add(string text) => Add(MemoryMarshal.AsBytes(text.AsSpan()));

    /// <summary>Adds the bytes of structs without references (model and rule parameters, arrays of numbers).</summary>
    public void Add<T>(ReadOnlySpan<T> values) where T : struct
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            throw new ArgumentException($"{typeof(T).Name} holds references and cannot be hashed by value.", nameof(values));
        }
        Add(MemoryMarshal.AsBytes(values));
    }

    /// <summary>Adds one struct without references.</summary>
    public void Add<T>(T value) where T : struct => Add(MemoryMarshal.CreateReadOnlySpan(ref value, 1));
}
