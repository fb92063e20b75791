namespace Snn.Bench.Cli;

/// <summary>The options of <c>snn-bench datasets</c>.</summary>
/// <param name="CacheDirectory">The cache to search; null for <see cref="Snn.Datasets.Catalog.DatasetCatalog.CacheDirectory"/>.</param>
/// <param name="SystemRoot">The package data root; null for <see cref="Snn.Datasets.Catalog.DatasetCatalog.SystemRoot"/>.</param>
public sealed record DatasetsSettings(string? CacheDirectory, string? SystemRoot);
