using System.Buffers.Binary;

namespace Snn.Fuzz.Tests;

/// <summary>
/// Deterministic byte-level mutations in the style of AFL's havoc stage: bit flips, interesting
/// bytes and integers (0, −1, 2³¹ − 1, ...) written over size fields in either byte order,
/// truncation, deleted, duplicated and inserted chunks; one to four of them stacked. The same seed
/// gives the same mutants on every machine.
/// </summary>
public static class Mutator
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x7F, 0x80, 0xFF];

    private static readonly int[] InterestingInts = [0, 1, -1, 255, 65_535, 65_536, 1 << 24, 600_000_000, int.MaxValue, int.MinValue, 0x7FFF_FFF0];

    private static readonly long[] InterestingLongs = [0, -1, 1L << 40, long.MaxValue, long.MinValue];

    /// <summary>Returns a mutant of <paramref name="input"/> (never the input array itself).</summary>
    /// <param name="input">A valid file.</param>
    /// <param name="random">The generator of this mutant.</param>
    public static byte[] Mutate(byte[] input, Random random)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(random);
        var data = new List<byte>(input);
        int operations = 1 + random.Next(4);
        for (int k = 0; k < operations; k++)
        {
            Apply(data, random);
        }
        return [.. data];
    }

    private static void Apply(List<byte> data, Random random)
    {
        if (data.Count == 0)
        {
            data.Add(InterestingBytes[random.Next(InterestingBytes.Length)]);
            return;
        }
        int at = random.Next(data.Count);
        switch (random.Next(8))
        {
            case 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data[at] = InterestingBytes[random.Next(InterestingBytes.Length)];
                break;
            case 2:
                Overwrite(data, at, Bytes(InterestingInts[random.Next(InterestingInts.Length)], 4, random.Next(2) == 0));
                break;
            case 3:
                Overwrite(data, at, Bytes(InterestingLongs[random.Next(InterestingLongs.Length)], 8, random.Next(2) == 0));
                break;
            case 4:
                data.RemoveRange(at, data.Count - at);
                break;
            case 5:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(64)));
                break;
            case 6:
                int length = Math.Min(data.Count - at, 1 + random.Next(64));
                data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                break;
            default:
                var inserted = new byte[1 + random.Next(16)];
                random.NextBytes(inserted);
                data.InsertRange(at, inserted);
                break;
        }
    }

    private static void Overwrite(List<byte> data, int at, byte[] bytes)
    {
        for (int i = 0; i < bytes.Length && at + i < data.Count; i++)
        {
            data[at + i] = bytes[i];
        }
    }

    /// <summary>The low <paramref name="size"/> bytes of <paramref name="value"/> in the chosen byte order.</summary>
    private static byte[] Bytes(long value, int size, bool bigEndian)
    {
        var bytes = new byte[8];
        if (bigEndian)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes, value);
            return bytes[(8 - size)..];
        }
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes[..size];
    }
}
