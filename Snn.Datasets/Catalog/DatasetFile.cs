namespace Snn.Datasets.Catalog;

/// <summary>
/// One published file of a data set: where it is, how large it is and its checksums. A null
/// size or checksum means none could be found in a published source; the downloader checks
/// whatever is known.
/// </summary>
/// <param name="FileName">The name the file is stored under in the data set's directory.</param>
/// <param name="Url">The download URL (or, for a manual download, the page to fetch it from).</param>
/// <param name="SizeBytes">The file size in bytes, where published.</param>
/// <param name="Sha256">The lower-case hexadecimal SHA-256 of the file, where published.</param>
/// <param name="Md5">The lower-case hexadecimal MD5 of the file, where published (a weaker check, used when no SHA-256 is known).</param>
/// <param name="ExtractsTo">For an archive: the file or folder (relative to the data set's directory) that extracting it creates; null for files used as they are.</param>
public sealed record DatasetFile(string FileName, string Url, long? SizeBytes, string? Sha256, string? Md5, string? ExtractsTo = null)
{
    /// <summary>Whether the file is a .zip or .tar.gz archive that the downloader extracts.</summary>
    public bool IsArchive => ExtractsTo is not null;
}
