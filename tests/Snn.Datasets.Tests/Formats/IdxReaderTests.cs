using Snn.Datasets.Formats;
using Snn.Datasets.Tests.Support;

namespace Snn.Datasets.Tests.Formats;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Pixels(int count, int rows, int columns)
    {
        var data = new byte[count * rows * columns];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(i * 7 + 3);
        }
        return data;
    }

    private (string Images, string Labels) WriteSet(bool gzip, int count = 3, int rows = 4, int columns = 5)
    {
        var images = Writers.Idx(IdxReader.ImagesMagic, [count, rows, columns], Pixels(count, rows, columns));
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = (byte)(9 - i);
        }
        var labelFile = Writers.Idx(IdxReader.LabelsMagic, [count], labels);
        string suffix = gzip ? ".gz" : "";
        string imagesPath = _dir.File("train-images-idx3-ubyte" + suffix);
        string labelsPath = _dir.File("train-labels-idx1-ubyte" + suffix);
        File.WriteAllBytes(imagesPath, gzip ? Writers.Gzip(images) : images);
        File.WriteAllBytes(labelsPath, gzip ? Writers.Gzip(labelFile) : labelFile);
        return (imagesPath, labelsPath);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ImagesAndLabelsRoundTripExactly(bool gzip)
    {
        var (images, labels) = WriteSet(gzip);
        var samples = IdxReader.ReadImageSamples(images, labels).ToList();
        var expected = Pixels(3, 4, 5);
        Assert.Equal(3, samples.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(4, samples[i].Rows);
            Assert.Equal(5, samples[i].Columns);
            Assert.Equal(9 - i, samples[i].Label);
            Assert.Equal(expected.AsSpan(i * 20, 20).ToArray(), samples[i].Pixels);
        }
    }

    [Fact]
    public void GenericReadGivesDimensionsTypeAndValues()
    {
        var (images, _) = WriteSet(gzip: true);
        var array = IdxReader.Read(images);
        Assert.Equal([3, 4, 5], array.Dimensions);
        Assert.Equal(IdxElementType.UnsignedByte, array.ElementType);
        Assert.Equal(60, array.Length);
        Assert.Equal(Pixels(3, 4, 5)[17], array.GetDouble(17));
    }

    [Fact]
    public void BigEndianFloatElementsAreDecoded()
    {
        var data = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteSingleBigEndian(data, 1.5f);
        System.Buffers.Binary.BinaryPrimitives.WriteSingleBigEndian(data.AsSpan(4), -2.25f);
        string path = _dir.File("floats.idx");
        File.WriteAllBytes(path, Writers.Idx(0x00000D01, [2], data));
        var array = IdxReader.Read(path);
        Assert.Equal(IdxElementType.Single, array.ElementType);
        Assert.Equal(-2.25, array.GetDouble(1));
    }

    [Fact]
    public void ReadSplitFindsGzipFilesInADirectory()
    {
        WriteSet(gzip: true);
        Assert.Equal(3, IdxDataset.ReadSplit(_dir.Path, DataSplit.Train).Count());
        Assert.Throws<FileNotFoundException>(() => IdxDataset.ReadSplit(_dir.Path, DataSplit.Test));
        Assert.Throws<ArgumentOutOfRangeException>(() => IdxDataset.ReadSplit(_dir.Path, DataSplit.Validation));
    }

    [Fact]
    public void TruncatedImageFileNamesTheFileAndOffset()
    {
        var (images, labels) = WriteSet(gzip: false);
        var bytes = File.ReadAllBytes(images);
        File.WriteAllBytes(images, bytes[..(bytes.Length - 7)]);
        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImageSamples(images, labels).ToList());
        Assert.Equal(images, e.FilePath);
        Assert.Equal(16 + 2 * 20, e.ByteOffset);
        Assert.Contains(images, e.Message);
        Assert.Contains("byte offset 56", e.Message);
    }

    [Fact]
    public void TruncatedHeaderIsReported()
    {
        string path = _dir.File("short.idx");
        File.WriteAllBytes(path, [0, 0, 8, 3, 0, 0]);
        var e = Assert.Throws<DataFormatException>(() => IdxReader.Read(path));
        Assert.Equal(4, e.ByteOffset);
    }

    [Fact]
    public void WrongMagicNumberIsReported()
    {
        var (images, labels) = WriteSet(gzip: false);
        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImageSamples(labels, images).ToList());
        Assert.Equal(0, e.ByteOffset);
        Assert.Contains("0x00000801", e.Message);
    }

    [Fact]
    public void DifferentImageAndLabelCountsAreReported()
    {
        var (images, _) = WriteSet(gzip: false);
        string labels = _dir.File("labels-2");
        File.WriteAllBytes(labels, Writers.Idx(IdxReader.LabelsMagic, [2], [1, 2]));
        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImageSamples(images, labels).ToList());
        Assert.Contains("2 labels", e.Message);
        Assert.Contains("3 images", e.Message);
    }

    [Fact]
    public void TrailingBytesAreReported()
    {
        var (_, labels) = WriteSet(gzip: false);
        File.AppendAllText(labels, "x");
        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(labels));
        Assert.Equal(8 + 3, e.ByteOffset);
    }

    [Fact]
    public void CorruptGzipIsReportedWithTheFileName()
    {
        var (images, labels) = WriteSet(gzip: true);
        var bytes = File.ReadAllBytes(images);
        for (int i = 12; i < bytes.Length - 8; i++)
        {
            bytes[i] ^= 0x5A;
        }
        File.WriteAllBytes(images, bytes);
        var e = Assert.ThrowsAny<IOException>(() => IdxReader.ReadImageSamples(images, labels).ToList());
        Assert.Contains(images, e.Message);
    }

    [FashionMnistFact]
    public void RealFashionMnistTestSplitHasTenThousandBalancedImages()
    {
        var counts = new int[10];
        int n = 0;
        ImageSample? first = null;
        foreach (var sample in IdxDataset.FashionMnist(DataSplit.Test))
        {
            first ??= sample;
            counts[sample.Label]++;
            n++;
        }
        Assert.Equal(10_000, n);
        Assert.All(counts, c => Assert.Equal(1000, c));
        Assert.Equal(28, first!.Rows);
        Assert.Equal(28, first.Columns);
        Assert.Equal(9, first.Label);
        Assert.Equal("Ankle boot", IdxDataset.FashionMnistClasses[first.Label]);
    }
}
