namespace Snn.Core.IO;

/// <summary>
/// The limits Snn's HDF5 readers (NIR graphs, SHD/SSC spike files) apply to what a file declares
/// before acting on it, so that a corrupt or hostile file is an <see cref="InvalidDataException"/>
/// naming the HDF5 path instead of a hang or an allocation of gigabytes:
/// <list type="bullet">
/// <item>nesting depth: a group inside a group at most <see cref="MaxDepth"/> levels deep; an HDF5
/// hard link that makes a group contain itself (a cycle) reaches it;</item>
/// <item>objects visited: at most <see cref="MaxObjects"/> groups and data sets per read, which
/// bounds the work on a file whose links point back at shared groups;</item>
/// <item>data-set size: a data set's declared elements times its element size may not exceed
/// <see cref="MaxExpansion"/> times the file's length (the largest ratio deflate, HDF5's
/// compression filter, reaches), with a floor of <see cref="MinDatasetBytesCap"/>.</item>
/// </list>
/// One instance serves one read of one file. <see cref="OpenEndChecked"/> opens a file so that a read past
/// its end is an error: PureHDF's file driver reads zeros there, so a corrupt object-header size
/// made it loop for ever.
/// </summary>
public sealed class Hdf5Bounds
{
    /// <summary>The deepest nesting of groups accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most groups and data sets visited in one read.</summary>
    public const int MaxObjects = 1 << 20;

    /// <summary>How many times its file's length a data set may declare (deflate's largest ratio is about 1032).</summary>
    public const long MaxExpansion = 1100;

    /// <summary>The smallest data-set size cap (bytes), for tiny files holding fill-valued data sets.</summary>
    public const long MinDatasetBytesCap = 1 << 20;

    private int _objects;

    /// <summary>Creates the bounds for a file of <paramref name="fileLength"/> bytes.</summary>
    /// <param name="fileLength">The file's length (bytes, ≥ 0).</param>
    public Hdf5Bounds(long fileLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fileLength);
        DatasetBytesCap = Math.Max(MinDatasetBytesCap, fileLength > long.MaxValue / MaxExpansion ? long.MaxValue : fileLength * MaxExpansion);
    }

    /// <summary>The most bytes one data set may declare in this file.</summary>
    public long DatasetBytesCap { get; }

    /// <summary>Counts one visited group or data set at nesting <paramref name="depth"/> (0 for the root).</summary>
    /// <param name="depth">The nesting depth of the object.</param>
    /// <param name="path">Its HDF5 path, for the message.</param>
    /// <exception cref="InvalidDataException">The depth or the number of visited objects exceeds its limit.</exception>
    public void Enter(int depth, string path)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"HDF5 path {Shorten(path)}: groups nested more than {MaxDepth} deep; the file is corrupt or a hard link makes a group contain itself (a cycle).");
        }
        if (++_objects > MaxObjects)
        {
            throw new InvalidDataException($"HDF5 path {Shorten(path)}: more than {MaxObjects} groups and data sets visited; links in the file point back at shared groups.");
        }
    }

    /// <summary>Requires the declared size of a data set (its extents and element size, read from
    /// its header before its data) to fit <see cref="DatasetBytesCap"/>.</summary>
    /// <param name="dimensions">The data set's declared extents.</param>
    /// <param name="elementSize">The declared size of one element (bytes).</param>
    /// <param name="path">Its HDF5 path, for the message.</param>
    /// <returns>The number of elements it declares.</returns>
    /// <exception cref="InvalidDataException">It declares more bytes than the file can hold.</exception>
    public ulong RequireStorable(IReadOnlyList<ulong> dimensions, int elementSize, string path)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ulong elements = 1;
        foreach (ulong extent in dimensions)
        {
            elements = extent != 0 && elements > ulong.MaxValue / extent ? ulong.MaxValue : elements * extent;
        }
        ulong size = (ulong)Math.Max(1, elementSize);
        ulong bytes = elements > ulong.MaxValue / size ? ulong.MaxValue : elements * size;
        if (bytes > (ulong)DatasetBytesCap)
        {
            throw new InvalidDataException($"HDF5 path {Shorten(path)}: the data set declares {elements} elements of {size} bytes ({bytes} bytes), "
                + $"more than a file of this length can hold (at most {DatasetBytesCap} bytes, {MaxExpansion} times the file's length); the file is corrupt.");
        }
        return elements;
    }

    /// <summary>Opens a file for an HDF5 reader (PureHDF's <c>H5File.Open(stream, leaveOpen: false)</c>)
    /// through a stream that throws <see cref="EndOfStreamException"/> when a read starts at or past
    /// its end, instead of returning nothing (which PureHDF's readers take as zeros and can loop on).</summary>
    /// <param name="path">The file.</param>
    public static Stream OpenEndChecked(string path) => new EndCheckedStream(File.OpenRead(path));

    private static string Shorten(string path) => path.Length <= 200 ? path : path[..100] + "…" + path[^80..];
}
