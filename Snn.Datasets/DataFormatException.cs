namespace Snn.Datasets;

/// <summary>
/// A data file is truncated, corrupt or has an unexpected layout. The message names the file
/// and where the problem is: a byte offset for binary formats, a data-set path (and shapes)
/// for HDF5.
/// </summary>
public sealed class DataFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file (or stream name) that could not be read.</param>
    /// <param name="byteOffset">The byte offset of the problem, where known.</param>
    /// <param name="dataPath">The HDF5 object path of the problem, where relevant.</param>
    /// <param name="detail">What is wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public DataFormatException(string filePath, long? byteOffset, string? dataPath, string detail, Exception? inner = null)
        : base(Compose(filePath, byteOffset, dataPath, detail), inner)
    {
        FilePath = filePath;
        ByteOffset = byteOffset;
        DataPath = dataPath;
    }

    /// <summary>The file (or stream name) that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>The byte offset of the problem in the file, where known.</summary>
    public long? ByteOffset { get; }

    /// <summary>The HDF5 object path of the problem, where relevant.</summary>
    public string? DataPath { get; }

    private static string Compose(string filePath, long? byteOffset, string? dataPath, string detail)
    {
        string where = byteOffset is long offset ? $" at byte offset {offset}" : "";
        string path = dataPath is null ? "" : $", data set '{dataPath}'";
        return $"'{filePath}'{path}{where}: {detail}";
    }
}
