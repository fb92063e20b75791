namespace Snn.Datasets.Catalog;

/// <summary>
/// A data-set file could not be downloaded or failed verification. The message names the URL,
/// the target file and what went wrong; no partial file is left under the target name.
/// </summary>
public sealed class DatasetDownloadException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the URL and the file.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public DatasetDownloadException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
