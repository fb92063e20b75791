namespace Snn.Datasets.Catalog;

/// <summary>A data set found on this machine by <see cref="DatasetCatalog.FindLocal"/>.</summary>
/// <param name="Entry">The catalogue entry.</param>
/// <param name="Directory">The directory that holds it.</param>
/// <param name="IsSystem">True when found in an operating-system package directory rather than the cache.</param>
/// <param name="PresentFiles">The catalogue files present, as downloaded or in their extracted form.</param>
/// <param name="MissingFiles">The catalogue files absent in both forms.</param>
public sealed record LocalDataset(DatasetEntry Entry, string Directory, bool IsSystem, IReadOnlyList<string> PresentFiles, IReadOnlyList<string> MissingFiles)
{
    /// <summary>Whether every catalogue file is present.</summary>
    public bool IsComplete => MissingFiles.Count == 0;
}
