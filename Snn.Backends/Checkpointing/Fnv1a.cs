namespace Snn.Backends.Checkpointing;

/// <summary>The FNV-1a 64-bit hash (Fowler, Noll, Vo), used as a checkpoint checksum.</summary>
public static class Fnv1a
{
    /// <summary>Hashes <paramref name="data"/>.</summary>
    public static ulong Hash(ReadOnlySpan<byte> data)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in data)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return hash;
    }

    /// <summary>Hashes a string's UTF-8 bytes.</summary>
    public static ulong Hash(string text) => Hash(System.Text.Encoding.UTF8.GetBytes(text));
}
