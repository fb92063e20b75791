namespace Snn.Bench.Cli;

/// <summary>The options of <c>snn-bench export</c>.</summary>
/// <param name="Network">The suite or demo to export (<see cref="Export.ExportableNetworks.Names"/>).</param>
/// <param name="OutPath">The .onnx file to write.</param>
/// <param name="Size">Neurons (a suite) or hidden neurons (<c>onnx-demo</c>); null for the default.</param>
/// <param name="Seed">Network seed.</param>
/// <param name="IncludeMembrane">Also emit each output population's membrane potential.</param>
/// <param name="SingleStep">Export one time step with explicit state instead of the whole time loop.</param>
/// <param name="Exact">Export the exact reference form instead of the fast deployment form.</param>
/// <param name="Latency">Lay the fast form's loops out for one sample per run (<see cref="Snn.Backends.Onnx.OnnxPerformanceHint.Latency"/>).</param>
public sealed record ExportSettings(string Network, string OutPath, int? Size, ulong Seed, bool IncludeMembrane, bool SingleStep, bool Exact = false, bool Latency = false);
