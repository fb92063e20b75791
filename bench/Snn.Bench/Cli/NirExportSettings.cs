namespace Snn.Bench.Cli;

/// <summary>The options of <c>snn-bench nir export</c>.</summary>
/// <param name="Network">The suite or demo to export (<see cref="Export.ExportableNetworks.Names"/>).</param>
/// <param name="OutPath">The .nir file to write.</param>
/// <param name="Size">Neurons (a suite) or hidden neurons (a demo); null for the default.</param>
/// <param name="Seed">Network seed.</param>
public sealed record NirExportSettings(string Network, string OutPath, int? Size, ulong Seed);
