namespace Snn.Datasets.Formats;

/// <summary>
/// Reads IDX files (LeCun et al., the MNIST format; also Fashion-MNIST): a big-endian magic
/// number 0x0000TTDD (T the element type, D the number of dimensions), D big-endian int32
/// extents, then the elements row-major. Gzip-compressed files (<c>.gz</c>) are recognised by
/// their content and decompressed while reading. Image and label files are streamed one sample
/// at a time.
/// </summary>
public static class IdxReader
{
    /// <summary>The magic number of an MNIST image file (unsigned bytes, 3 dimensions).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of an MNIST label file (unsigned bytes, 1 dimension).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads a whole IDX file of any element type and rank.</summary>
    /// <param name="path">The file, raw or gzip-compressed.</param>
    /// <exception cref="DataFormatException">The file is truncated or its header is invalid (names the byte offset).</exception>
    public static IdxArray Read(string path)
    {
        using var reader = ByteReader.Open(path);
        var (type, dims) = ReadHeader(reader, expectedMagic: null);
        long length = ElementSize(type);
        foreach (int d in dims)
        {
            length *= d;
        }
        if (length > Array.MaxLength)
        {
            throw reader.Error($"the array holds {length} bytes, more than one .NET array can", 4);
        }
        var data = reader.ReadBlock(length, $"the {string.Join(" x ", dims)} elements");
        ExpectEnd(reader);
        return new IdxArray(dims, type, data);
    }

    /// <summary>Reads a label file (magic 0x00000801) whole.</summary>
    /// <param name="path">The file, raw or gzip-compressed.</param>
    /// <exception cref="DataFormatException">The file is truncated or not a label file.</exception>
    public static byte[] ReadLabels(string path)
    {
        using var reader = ByteReader.Open(path);
        var (_, dims) = ReadHeader(reader, LabelsMagic);
        var labels = reader.ReadBlock(dims[0], $"{dims[0]} labels");
        ExpectEnd(reader);
        return labels;
    }

    /// <summary>
    /// Streams labelled images from an image file (magic 0x00000803) and a label file
    /// (magic 0x00000801) with the same count. Only one image is held in memory at a time.
    /// The headers are checked when enumeration starts; a truncated file throws when its
    /// missing sample is reached.
    /// </summary>
    /// <param name="imagesPath">The image file, raw or gzip-compressed.</param>
    /// <param name="labelsPath">The label file, raw or gzip-compressed.</param>
    /// <exception cref="DataFormatException">A file is truncated, corrupt or the counts differ.</exception>
    public static IEnumerable<ImageSample> ReadImageSamples(string imagesPath, string labelsPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imagesPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelsPath);
        return Enumerate(imagesPath, labelsPath);
    }

    private static IEnumerable<ImageSample> Enumerate(string imagesPath, string labelsPath)
    {
        using var images = ByteReader.Open(imagesPath);
        using var labels = ByteReader.Open(labelsPath);
        var (_, imageDims) = ReadHeader(images, ImagesMagic);
        var (_, labelDims) = ReadHeader(labels, LabelsMagic);
        if (imageDims[0] != labelDims[0])
        {
            throw new DataFormatException(labelsPath, 4, null, $"holds {labelDims[0]} labels but '{imagesPath}' holds {imageDims[0]} images");
        }
        int rows = imageDims[1], columns = imageDims[2];
        if ((long)rows * columns > Array.MaxLength)
        {
            throw images.Error($"image size {rows} x {columns} is too large", 8);
        }
        var label = new byte[1];
        for (int i = 0; i < imageDims[0]; i++)
        {
            var pixels = images.ReadBlock((long)rows * columns, $"image {i}");
            labels.ReadExactly(label, $"label {i}");
            yield return new ImageSample(pixels, rows, columns, label[0]);
        }
        ExpectEnd(images);
        ExpectEnd(labels);
    }

    internal static int ElementSize(IdxElementType type) => type switch
    {
        IdxElementType.UnsignedByte or IdxElementType.SignedByte => 1,
        IdxElementType.Int16 => 2,
        IdxElementType.Int32 or IdxElementType.Single => 4,
        _ => 8,
    };

    private static (IdxElementType Type, int[] Dimensions) ReadHeader(ByteReader reader, int? expectedMagic)
    {
        int magic = reader.ReadInt32BigEndian("the magic number");
        if (expectedMagic is int expected && magic != expected)
        {
            throw reader.Error($"magic number 0x{magic:X8} is not 0x{expected:X8} ({(expected == ImagesMagic ? "IDX images" : "IDX labels")})", 0);
        }
        var type = (IdxElementType)((magic >> 8) & 0xFF);
        int rank = magic & 0xFF;
        if ((magic >>> 16) != 0 || !Enum.IsDefined(type) || rank < 1)
        {
            throw reader.Error($"magic number 0x{magic:X8} is not an IDX header (0x0000TTDD with a known type TT and DD >= 1 dimensions)", 0);
        }
        var dims = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            long offset = reader.Position;
            dims[d] = reader.ReadInt32BigEndian($"dimension {d}");
            if (dims[d] < 0)
            {
                throw reader.Error($"dimension {d} = {dims[d]} is negative", offset);
            }
        }
        return (type, dims);
    }

    private static void ExpectEnd(ByteReader reader)
    {
        Span<byte> one = stackalloc byte[1];
        if (reader.ReadSome(one) != 0)
        {
            throw reader.Error("unexpected data after the last element", reader.Position - 1);
        }
    }
}
