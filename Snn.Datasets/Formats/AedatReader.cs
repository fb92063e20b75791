using System.Buffers.Binary;

namespace Snn.Datasets.Formats;

/// <summary>
/// Reads AEDAT 2.0 and 3.1 event files (iniVation/jAER formats; DVS Gesture ships AEDAT 3.1).
/// <para>AEDAT 2.0: a header of lines starting with '#' (the first is <c>#!AER-DAT2.0</c>), then
/// 8-byte big-endian records (uint32 address, int32 timestamp µs). The address is decoded by an
/// <see cref="Aedat2AddressDecoder"/> (DVS128 by default); a 32-bit timestamp wrap-around is
/// unwrapped.</para>
/// <para>AEDAT 3.1: a header from <c>#!AER-DAT3.1</c> to <c>#!END-HEADER</c>, then packets with a
/// 28-byte little-endian header (int16 eventType, int16 eventSource, int32 eventSize, int32
/// eventTSOffset, int32 eventTSOverflow, int32 eventCapacity, int32 eventNumber, int32
/// eventValid) followed by eventCapacity · eventSize bytes of which the first eventNumber events
/// are used. Polarity events (type 1) are 8 bytes: uint32 data (bit 0 valid, bit 1 polarity,
/// y = bits 2..14, x = bits 17..29) and int32 timestamp; the full time is
/// (eventTSOverflow &lt;&lt; 31) | timestamp. Packets of other types (special, frame, IMU) are not
/// polarity events and are passed over, and so are events whose valid bit is 0, as the format
/// specifies.</para>
/// </summary>
public static class AedatReader
{
    /// <summary>The AEDAT 3.1 polarity event type.</summary>
    public const int PolarityEventType = 1;

    /// <summary>The size of an AEDAT 3.1 packet header (bytes).</summary>
    public const int PacketHeaderSize = 28;

    private const int MaxHeaderLine = 1 << 16;

    /// <summary>Reads a whole file; events are returned in time order (stably sorted when the file's are not).</summary>
    /// <param name="path">An <c>.aedat</c> file.</param>
    /// <param name="sensor">The sensor the events must lie on; <see cref="SensorSize.Dvs128"/> when null.</param>
    /// <param name="decoder">The AEDAT 2.0 address layout; <see cref="Aedat2AddressDecoders.Dvs128"/> when null.</param>
    /// <exception cref="DataFormatException">The header is not AEDAT 2.0/3.1, the file ends inside a record or packet, a packet header is inconsistent, or an event lies off the sensor (names the byte offset).</exception>
    public static AedatRecording Read(string path, SensorSize? sensor = null, Aedat2AddressDecoder? decoder = null)
    {
        var size = sensor ?? SensorSize.Dvs128;
        using var reader = ByteReader.Open(path);
        var (version, header) = ReadHeader(reader);
        var events = new List<SpikeEvent>(1 << 16);
        foreach (var e in version == AedatVersion.Aedat2 ? Aedat2Events(reader, size, decoder ?? Aedat2AddressDecoders.Dvs128) : Aedat31Events(reader, size))
        {
            events.Add(e);
        }
        var array = events.ToArray();
        EventOrder.SortStable(array);
        return new AedatRecording(version, header, array, size);
    }

    /// <summary>Streams the events of a file in file order without holding them all (not re-sorted).</summary>
    /// <param name="path">An <c>.aedat</c> file.</param>
    /// <param name="sensor">The sensor the events must lie on; <see cref="SensorSize.Dvs128"/> when null.</param>
    /// <param name="decoder">The AEDAT 2.0 address layout; <see cref="Aedat2AddressDecoders.Dvs128"/> when null.</param>
    public static IEnumerable<SpikeEvent> EnumerateEvents(string path, SensorSize? sensor = null, Aedat2AddressDecoder? decoder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Enumerate(path, sensor ?? SensorSize.Dvs128, decoder ?? Aedat2AddressDecoders.Dvs128);
    }

    private static IEnumerable<SpikeEvent> Enumerate(string path, SensorSize sensor, Aedat2AddressDecoder decoder)
    {
        using var reader = ByteReader.Open(path);
        var (version, _) = ReadHeader(reader);
        var events = version == AedatVersion.Aedat2 ? Aedat2Events(reader, sensor, decoder) : Aedat31Events(reader, sensor);
        foreach (var e in events)
        {
            yield return e;
        }
    }

    private static (AedatVersion Version, string[] Header) ReadHeader(ByteReader reader)
    {
        string? first = reader.ReadAsciiLine(MaxHeaderLine);
        if (first is null || !first.StartsWith("#!AER-DAT", StringComparison.Ordinal))
        {
            throw reader.Error("not an AEDAT file: the first line must start with '#!AER-DAT'", 0);
        }
        string versionText = first["#!AER-DAT".Length..].Trim();
        var header = new List<string> { first };
        if (versionText.StartsWith('2'))
        {
            while (reader.Peek() == '#')
            {
                header.Add(reader.ReadAsciiLine(MaxHeaderLine) ?? "");
            }
            return (AedatVersion.Aedat2, header.ToArray());
        }
        if (versionText == "3.1")
        {
            while (true)
            {
                long offset = reader.Position;
                string? line = reader.ReadAsciiLine(MaxHeaderLine);
                if (line is null)
                {
                    throw reader.Error("truncated: the header has no '#!END-HEADER' line", offset);
                }
                header.Add(line);
                if (line == "#!END-HEADER")
                {
                    return (AedatVersion.Aedat31, header.ToArray());
                }
                if (!line.StartsWith('#'))
                {
                    throw reader.Error($"header line '{Shorten(line)}' does not start with '#'", offset);
                }
            }
        }
        throw reader.Error($"AEDAT version '{versionText}' is not supported (2.x or 3.1)", 0);
    }

    private static IEnumerable<SpikeEvent> Aedat2Events(ByteReader reader, SensorSize sensor, Aedat2AddressDecoder decoder)
    {
        var buffer = new byte[8 * 8192];
        long wraps = 0;
        uint previous = 0;
        bool any = false;
        while (true)
        {
            long chunkOffset = reader.Position;
            int got = reader.ReadSome(buffer);
            if (got == 0)
            {
                yield break;
            }
            int whole = got - got % 8;
            for (int i = 0; i < whole; i += 8)
            {
                uint address = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(i));
                uint stamp = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(i + 4));
                if (any && stamp < previous && previous - stamp > 0x8000_0000u)
                {
                    wraps++;
                }
                previous = stamp;
                any = true;
                if (!decoder(address, out int x, out int y, out bool polarity))
                {
                    continue;
                }
                if ((uint)x >= (uint)sensor.Width || (uint)y >= (uint)sensor.Height)
                {
                    throw reader.Error($"event (x = {x}, y = {y}) from address 0x{address:X8} lies outside the {sensor} sensor", chunkOffset + i);
                }
                yield return new SpikeEvent((wraps << 32) + stamp, x, y, polarity);
            }
            if (whole != got)
            {
                throw reader.Error($"truncated: the last record has {got - whole} of 8 bytes", chunkOffset + whole);
            }
        }
    }

    private static IEnumerable<SpikeEvent> Aedat31Events(ByteReader reader, SensorSize sensor)
    {
        var header = new byte[PacketHeaderSize];
        byte[] payload = [];
        while (true)
        {
            long packetOffset = reader.Position;
            if (!reader.TryReadExactly(header, "a packet header"))
            {
                yield break;
            }
            var h = header.AsSpan();
            int type = BinaryPrimitives.ReadInt16LittleEndian(h);
            int eventSize = BinaryPrimitives.ReadInt32LittleEndian(h[4..]);
            int tsOffset = BinaryPrimitives.ReadInt32LittleEndian(h[8..]);
            int tsOverflow = BinaryPrimitives.ReadInt32LittleEndian(h[12..]);
            int capacity = BinaryPrimitives.ReadInt32LittleEndian(h[16..]);
            int number = BinaryPrimitives.ReadInt32LittleEndian(h[20..]);
            int valid = BinaryPrimitives.ReadInt32LittleEndian(h[24..]);
            if (eventSize < 1 || capacity < 0 || number < 0 || number > capacity || valid < 0 || valid > number || tsOverflow < 0
                || (long)eventSize * capacity > Array.MaxLength || tsOffset < 0 || tsOffset > eventSize - 4)
            {
                throw reader.Error($"inconsistent packet header (type {type}, eventSize {eventSize}, eventTSOffset {tsOffset}, eventTSOverflow {tsOverflow}, eventCapacity {capacity}, eventNumber {number}, eventValid {valid})", packetOffset);
            }
            if (type == PolarityEventType && (eventSize < 8 || tsOffset != 4))
            {
                throw reader.Error($"polarity packet with eventSize {eventSize} and eventTSOffset {tsOffset} (expected at least 8 and 4)", packetOffset);
            }
            long payloadOffset = reader.Position;
            reader.ReadInto(ref payload, (long)eventSize * capacity, $"the {capacity} events of the packet at byte {packetOffset}");
            if (type != PolarityEventType)
            {
                continue;
            }
            long high = (long)tsOverflow << 31;
            for (int k = 0; k < number; k++)
            {
                int at = k * eventSize;
                uint data = BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(at));
                if ((data & 1) == 0)
                {
                    continue;
                }
                int stamp = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(at + 4));
                int y = (int)((data >> 2) & 0x1FFF);
                int x = (int)((data >> 17) & 0x1FFF);
                if (stamp < 0)
                {
                    throw reader.Error($"negative event timestamp {stamp}", payloadOffset + at + 4);
                }
                if (x >= sensor.Width || y >= sensor.Height)
                {
                    throw reader.Error($"event (x = {x}, y = {y}) lies outside the {sensor} sensor", payloadOffset + at);
                }
                yield return new SpikeEvent(high | (uint)stamp, x, y, (data & 2) != 0);
            }
        }
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "…";
}
