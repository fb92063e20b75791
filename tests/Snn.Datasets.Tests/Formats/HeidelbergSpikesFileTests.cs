using System.Buffers.Binary;
using Snn.Datasets.Formats;
using Snn.Datasets.Tests.Support;

namespace Snn.Datasets.Tests.Formats;

public sealed class HeidelbergSpikesFileTests
{
    private static long Us(double seconds) => (long)Math.Round((double)(Half)seconds * 1e6);

    [Fact]
    public void FixtureRowsGiveExactEventsLabelsAndKeys()
    {
        using var file = HeidelbergSpikesFile.Open(Fixtures.Path("shd-tiny.h5"));
        Assert.Equal(3, file.Count);
        Assert.Equal([3, 0, 19], file.Labels);
        Assert.Equal([1, 2, 11], file.Speakers!);
        Assert.Equal(20, file.Keys.Count);
        Assert.Equal("neun", file.Keys[19]);

        var first = file.Read(0);
        SpikeEvent[] expected = [new(0, 0), new(Us(0.1), 699), new(125_000, 12), new(500_000, 350), new(750_000, 12)];
        Assert.Equal(expected, first.Events);
        Assert.Equal(3, first.Label);
        Assert.Equal(SensorSize.Heidelberg, first.Sensor);
        Assert.Equal(99_976, first.Events[1].TimeUs);
    }

    [Fact]
    public void ZeroLengthRowIsAnEmptySample()
    {
        using var file = HeidelbergSpikesFile.Open(Fixtures.Path("shd-tiny.h5"));
        var empty = file.Read(1);
        Assert.Empty(empty.Events);
        Assert.Equal(0, empty.Label);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(256)]
    public void StreamingInBatchesGivesTheSameSamplesAsSingleReads(int batchSize)
    {
        using var file = HeidelbergSpikesFile.Open(Fixtures.Path("shd-tiny.h5"));
        var streamed = file.ReadAll(batchSize).ToList();
        Assert.Equal(3, streamed.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(file.Read(i).Events, streamed[i].Events);
            Assert.Equal(file.Labels[i], streamed[i].Label);
        }
        Assert.Equal([new SpikeEvent(250_000, 5), new SpikeEvent(Us(0.3), 6), new SpikeEvent(1_000_000, 7)], streamed[2].Events);
    }

    [Fact]
    public void LabelCountDifferentFromRowCountNamesTheDataSetAndShapes()
    {
        var e = Assert.Throws<DataFormatException>(() => HeidelbergSpikesFile.Open(Fixtures.Path("shd-label-count-mismatch.h5")));
        Assert.Equal("labels", e.DataPath);
        Assert.Contains("(2)", e.Message);
        Assert.Contains("(3)", e.Message);
        Assert.Contains("shd-label-count-mismatch.h5", e.Message);
    }

    [Fact]
    public void TwoDimensionalLabelsAreRejectedWithTheirShape()
    {
        var e = Assert.Throws<DataFormatException>(() => HeidelbergSpikesFile.Open(Fixtures.Path("shd-labels-2d.h5")));
        Assert.Equal("labels", e.DataPath);
        Assert.Contains("(1, 3)", e.Message);
    }

    [Fact]
    public void RowWithMoreTimesThanUnitsNamesTheRow()
    {
        using var file = HeidelbergSpikesFile.Open(Fixtures.Path("shd-row-mismatch.h5"));
        var e = Assert.Throws<DataFormatException>(() => file.Read(0));
        Assert.Contains("spikes/times[0]", e.DataPath);
        Assert.Contains("5 times but 4 units", e.Message);
    }

    [Fact]
    public void TruncatedFileIsReportedWithItsName()
    {
        using var dir = new TempDirectory();
        string path = dir.File("truncated.h5");
        File.WriteAllBytes(path, File.ReadAllBytes(Fixtures.Path("shd-tiny.h5"))[..1500]);
        var e = Assert.Throws<DataFormatException>(() =>
        {
            using var file = HeidelbergSpikesFile.Open(path);
            file.ReadAll().ToList();
        });
        Assert.Equal(path, e.FilePath);
        Assert.NotNull(e.DataPath);
    }

    [Fact]
    public void NonHdf5FileIsReported()
    {
        using var dir = new TempDirectory();
        string path = dir.File("text.h5");
        File.WriteAllText(path, "not an HDF5 file at all, just text that is long enough to be read");
        var e = Assert.Throws<DataFormatException>(() => HeidelbergSpikesFile.Open(path));
        Assert.Equal("/", e.DataPath);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void RowWhoseHeapAddressIsBrokenIsAnErrorNotAnEmptySample()
    {
        using var dir = new TempDirectory();
        byte[] bytes = File.ReadAllBytes(Fixtures.Path("shd-tiny.h5"));
        int descriptor = FirstDescriptorTable(bytes);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(descriptor + 4), 0);
        string path = dir.Write("heap-address-zero.h5", bytes);

        using var file = HeidelbergSpikesFile.Open(path);
        var e = Assert.Throws<DataFormatException>(() => file.Read(0));
        Assert.Contains(e.DataPath, new[] { HeidelbergSpikesFile.TimesPath, HeidelbergSpikesFile.UnitsPath });
        Assert.Contains("rows 0..0", e.Message);
        Assert.Empty(file.Read(1).Events);
    }

    [Fact]
    public void RowWhoseHeapObjectIsMissingIsReportedByTheTimesUnitsCheck()
    {
        using var dir = new TempDirectory();
        byte[] bytes = File.ReadAllBytes(Fixtures.Path("shd-tiny.h5"));
        int descriptor = FirstDescriptorTable(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(descriptor + 12), 9999);
        string path = dir.Write("heap-object-missing.h5", bytes);

        using var file = HeidelbergSpikesFile.Open(path);
        var e = Assert.Throws<DataFormatException>(() => file.Read(0));
        Assert.Contains("row 0 has", e.Message);
        Assert.Equal(3, file.Read(2).Events.Length);
    }

    /// <summary>
    /// The byte offset of the first variable-length descriptor table of the fixture (times or units:
    /// rows of 5, 0 and 3 elements, each descriptor a uint32 length, uint64 heap address, uint32 index).
    /// </summary>
    private static int FirstDescriptorTable(byte[] bytes)
    {
        for (int at = 0; at + 48 <= bytes.Length; at++)
        {
            var span = bytes.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(span) == 5
                && BinaryPrimitives.ReadUInt64LittleEndian(span[4..]) != 0
                && span.Slice(16, 16).IndexOfAnyExcept((byte)0) < 0
                && BinaryPrimitives.ReadUInt32LittleEndian(span[32..]) == 3)
            {
                return at;
            }
        }
        throw new InvalidOperationException("the fixture has no descriptor table of rows 5, 0, 3");
    }

    [Fact]
    public void IndexOutsideTheFileIsAnArgumentError()
    {
        using var file = HeidelbergSpikesFile.Open(Fixtures.Path("shd-tiny.h5"));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => file.Read(3));
        Assert.Contains("[0, 2]", e.Message);
    }
}
