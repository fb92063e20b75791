namespace Snn.Datasets.Catalog;

/// <summary>A data set the catalogue knows: what it is, its files, and which reader reads it.</summary>
/// <param name="Name">The short identifier (the cache sub-directory), for example <c>"shd"</c>.</param>
/// <param name="Title">The human-readable name.</param>
/// <param name="Format">The file format, for example <c>"IDX (gzip)"</c>.</param>
/// <param name="Reader">The Snn.Datasets type that reads it.</param>
/// <param name="HomePage">The data set's home page.</param>
/// <param name="License">The licence the data is published under.</param>
/// <param name="Files">The published files.</param>
/// <param name="ManualDownloadPage">When not null, the host needs a browser (a login or a click-through): the files must be fetched by hand from this page and put in the data set's directory.</param>
/// <param name="SystemDirectories">Directories where an operating-system package installs the data (for example Debian's <c>/usr/share/datasets/fashion-mnist</c>).</param>
public sealed record DatasetEntry(
    string Name,
    string Title,
    string Format,
    string Reader,
    string HomePage,
    string License,
    IReadOnlyList<DatasetFile> Files,
    string? ManualDownloadPage = null,
    IReadOnlyList<string>? SystemDirectories = null)
{
    /// <summary>Whether the downloader can fetch every file without a browser.</summary>
    public bool CanDownload => ManualDownloadPage is null;
}
