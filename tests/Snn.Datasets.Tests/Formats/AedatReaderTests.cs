using Snn.Datasets.Formats;
using Snn.Datasets.Tests.Support;

namespace Snn.Datasets.Tests.Formats;

public sealed class AedatReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, byte[] bytes)
    {
        string path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Aedat2Dvs128RecordsRoundTripExactly()
    {
        string path = Write("a2.aedat", Writers.Aedat2(
        [
            (Writers.Dvs128Address(0, 0, true), 5),
            (Writers.Dvs128Address(127, 3, false), 17),
            (Writers.Dvs128Address(64, 127, true), 17),
        ]));
        var recording = AedatReader.Read(path);
        Assert.Equal(AedatVersion.Aedat2, recording.Version);
        Assert.Equal(3, recording.HeaderLines.Count);
        SpikeEvent[] expected = [new(5, 0, 0, true), new(17, 127, 3, false), new(17, 64, 127, true)];
        Assert.Equal(expected, recording.Events);
    }

    [Fact]
    public void Aedat2SpecialEventsAreNotPolarityEvents()
    {
        string path = Write("special.aedat", Writers.Aedat2([(0x8000u, 1), (Writers.Dvs128Address(1, 2, true), 2)]));
        Assert.Equal([new SpikeEvent(2, 1, 2, true)], AedatReader.Read(path).Events);
    }

    [Fact]
    public void Aedat2TimestampWrapAroundIsUnwrapped()
    {
        string path = Write("wrap.aedat", Writers.Aedat2([(Writers.Dvs128Address(1, 1, true), 0xFFFF_FFF0u), (Writers.Dvs128Address(2, 2, true), 0x10u)]));
        var events = AedatReader.Read(path).Events;
        Assert.Equal(0xFFFF_FFF0L, events[0].TimeUs);
        Assert.Equal(0x1_0000_0010L, events[1].TimeUs);
    }

    [Fact]
    public void Aedat2DavisDecoderReadsItsLayout()
    {
        uint address = (100u << 22) | (200u << 12) | (1u << 11);
        string path = Write("davis.aedat", Writers.Aedat2([(address, 9), (0x8000_0000u | address, 10)]));
        var events = AedatReader.Read(path, new SensorSize(240, 180, 2), Aedat2AddressDecoders.Davis).Events;
        Assert.Equal([new SpikeEvent(9, 200, 100, true)], events);
    }

    [Fact]
    public void Aedat2TruncatedRecordNamesTheOffset()
    {
        var bytes = Writers.Aedat2([(Writers.Dvs128Address(1, 1, true), 1), (Writers.Dvs128Address(1, 1, true), 2)]);
        string path = Write("t2.aedat", bytes[..^3]);
        int headerLength = bytes.Length - 16;
        var e = Assert.Throws<DataFormatException>(() => AedatReader.Read(path));
        Assert.Equal(headerLength + 8, e.ByteOffset);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void Aedat31PolarityPacketsRoundTripWithOverflow()
    {
        var header = Writers.Aedat31Header();
        var packet1 = Writers.Aedat31Packet(1, 8, 0, 2, [(Writers.PolarityData(3, 4, true), 100), (Writers.PolarityData(127, 0, false), 200)]);
        var packet2 = Writers.Aedat31Packet(1, 8, 1, 1, [(Writers.PolarityData(5, 6, false), 7)]);
        string path = Write("a31.aedat", Writers.Concat(header, packet1, packet2));
        var recording = AedatReader.Read(path);
        Assert.Equal(AedatVersion.Aedat31, recording.Version);
        Assert.Equal("#!END-HEADER", recording.HeaderLines[^1]);
        SpikeEvent[] expected = [new(100, 3, 4, true), new(200, 127, 0, false), new((1L << 31) | 7, 5, 6, false)];
        Assert.Equal(expected, recording.Events);
        Assert.Equal(expected, AedatReader.EnumerateEvents(path).ToArray());
    }

    [Fact]
    public void Aedat31OtherPacketTypesAndInvalidEventsAreLeftOut()
    {
        var special = Writers.Aedat31Packet(0, 8, 0, 1, [(0x01u, 50)]);
        var polarity = Writers.Aedat31Packet(1, 8, 0, 3, [(Writers.PolarityData(1, 1, true, valid: false), 60), (Writers.PolarityData(2, 2, true), 70)]);
        string path = Write("mixed.aedat", Writers.Concat(Writers.Aedat31Header(), special, polarity));
        Assert.Equal([new SpikeEvent(70, 2, 2, true)], AedatReader.Read(path).Events);
    }

    [Fact]
    public void Aedat31OutOfOrderEventsAreSortedStably()
    {
        var packet = Writers.Aedat31Packet(1, 8, 0, 3, [(Writers.PolarityData(1, 1, true), 30), (Writers.PolarityData(2, 2, true), 10), (Writers.PolarityData(3, 3, true), 10)]);
        string path = Write("order.aedat", Writers.Concat(Writers.Aedat31Header(), packet));
        Assert.Equal([2, 3, 1], AedatReader.Read(path).Events.Select(e => e.X));
    }

    [Fact]
    public void Aedat31TruncatedPacketNamesTheOffset()
    {
        var header = Writers.Aedat31Header();
        var packet = Writers.Aedat31Packet(1, 8, 0, 2, [(Writers.PolarityData(1, 1, true), 1), (Writers.PolarityData(1, 1, true), 2)]);
        string path = Write("t31.aedat", Writers.Concat(header, packet)[..^4]);
        var e = Assert.Throws<DataFormatException>(() => AedatReader.Read(path));
        Assert.Equal(header.Length + 28, e.ByteOffset);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Aedat31InconsistentPacketHeaderNamesTheOffset()
    {
        var header = Writers.Aedat31Header();
        var packet = Writers.Aedat31Packet(1, 8, 0, 1, [(Writers.PolarityData(1, 1, true), 1)]);
        packet[20] = 5;
        string path = Write("bad.aedat", Writers.Concat(header, packet));
        var e = Assert.Throws<DataFormatException>(() => AedatReader.Read(path));
        Assert.Equal(header.Length, e.ByteOffset);
        Assert.Contains("eventNumber 5", e.Message);
    }

    [Fact]
    public void Aedat31EventOffTheSensorIsReported()
    {
        var header = Writers.Aedat31Header();
        var packet = Writers.Aedat31Packet(1, 8, 0, 1, [(Writers.PolarityData(128, 1, true), 1)]);
        string path = Write("off.aedat", Writers.Concat(header, packet));
        var e = Assert.Throws<DataFormatException>(() => AedatReader.Read(path));
        Assert.Equal(header.Length + 28, e.ByteOffset);
    }

    [Fact]
    public void MissingEndOfHeaderIsReported()
    {
        string path = Write("noend.aedat", System.Text.Encoding.ASCII.GetBytes("#!AER-DAT3.1\r\n#Format: RAW\r\n"));
        var e = Assert.Throws<DataFormatException>(() => AedatReader.Read(path));
        Assert.Contains("#!END-HEADER", e.Message);
    }

    [Fact]
    public void NonAedatFileIsReportedAtOffsetZero()
    {
        string path = Write("x.aedat", [1, 2, 3, 4]);
        var e = Assert.Throws<DataFormatException>(() => AedatReader.Read(path));
        Assert.Equal(0, e.ByteOffset);
    }

    [Fact]
    public void UnsupportedVersionIsReported()
    {
        string path = Write("v4.aedat", System.Text.Encoding.ASCII.GetBytes("#!AER-DAT4.0\r\n"));
        var e = Assert.Throws<DataFormatException>(() => AedatReader.Read(path));
        Assert.Contains("4.0", e.Message);
    }
}
