using System.Buffers.Binary;
using Snn.Datasets.Formats;
using Snn.Datasets.Tests.Support;

namespace Snn.Datasets.Tests.Formats;

/// <summary>Tiny corrupt files whose size or count fields declare gigabytes: every reader refuses
/// them, naming the offset, before allocating what the field asks for.</summary>
public sealed class DeclaredSizeTests : IDisposable
{
    /// <summary>Far below any of the declared sizes below (the smallest is 1 GB), far above what the readers need.</summary>
    private const long AllocationCap = 16 << 20;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static T ThrowsWithin<T>(Action read) where T : Exception
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<T>(read);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < AllocationCap, $"the reader allocated {allocated} bytes before refusing the file");
        return error;
    }

    [Fact]
    public void EightByteIdxFileDeclaringTwoGigabytesIsRefusedAtItsEnd()
    {
        string path = _dir.Write("huge.idx", Writers.Idx(0x00000801, [2_000_000_000], []));

        var error = ThrowsWithin<DataFormatException>(() => IdxReader.Read(path));

        Assert.Equal(8, error.ByteOffset);
        Assert.Contains("needs 2000000000 bytes but only 0 remain", error.Message);
    }

    [Fact]
    public void IdxLabelFileDeclaringABillionLabelsIsRefusedBeforeAllocating()
    {
        string path = _dir.Write("labels.idx", Writers.Idx(IdxReader.LabelsMagic, [1_000_000_000], [1, 2, 3]));

        var error = ThrowsWithin<DataFormatException>(() => IdxReader.ReadLabels(path));

        Assert.Equal(8, error.ByteOffset);
        Assert.Contains("only 3 remain", error.Message);
    }

    [Fact]
    public void GzipIdxFileDeclaringABillionLabelsGrowsOnlyWithItsData()
    {
        string path = _dir.Write("labels.idx.gz", Writers.Gzip(Writers.Idx(IdxReader.LabelsMagic, [1_000_000_000], new byte[100_000])));

        var error = ThrowsWithin<DataFormatException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("ends after 100000", error.Message);
        Assert.Equal(8 + 100_000, error.ByteOffset);
    }

    [Fact]
    public void IdxImageFileDeclaringHugeImagesIsRefusedAtTheFirstImage()
    {
        string images = _dir.Write("images.idx", Writers.Idx(IdxReader.ImagesMagic, [1, 40_000, 40_000], [7]));
        string labels = _dir.Write("labels.idx", Writers.Idx(IdxReader.LabelsMagic, [1], [7]));

        var error = ThrowsWithin<DataFormatException>(() => IdxReader.ReadImageSamples(images, labels).ToList());

        Assert.Equal(16, error.ByteOffset);
        Assert.Contains("image 0 needs 1600000000 bytes", error.Message);
    }

    [Fact]
    public void AedatPacketDeclaringTwoGigabytesOfEventsIsRefusedAtItsPayload()
    {
        var header = Writers.Aedat31Header();
        var packet = Writers.Aedat31Packet(1, 8, 0, 0, []);
        BinaryPrimitives.WriteInt32LittleEndian(packet.AsSpan(16), 250_000_000);
        string path = _dir.Write("huge.aedat", Writers.Concat(header, packet));

        var error = ThrowsWithin<DataFormatException>(() => AedatReader.Read(path));

        Assert.Equal(header.Length + AedatReader.PacketHeaderSize, error.ByteOffset);
        Assert.Contains("needs 2000000000 bytes but only 0 remain", error.Message);
    }

    [Fact]
    public void ShdFileDeclaringSixHundredMillionRowsIsRefusedFromItsDeclaredSizes()
    {
        string path = Fixtures.Path("shd-declares-600m-rows.h5");

        var error = ThrowsWithin<DataFormatException>(() => HeidelbergSpikesFile.Open(path));

        Assert.Equal(HeidelbergSpikesFile.LabelsPath, error.DataPath);
        Assert.Contains("declares 600000000 elements", error.Message);
    }

    [Fact]
    public void ObjectHeaderRunningPastTheFileEndIsAnErrorNotAnEndlessLoop()
    {
        string path = Fixtures.Path("shd-object-header-past-end.h5");

        var error = ThrowsWithin<DataFormatException>(() => HeidelbergSpikesFile.Open(path));

        Assert.Contains("the end of the 346-byte file", error.Message);
    }
}
