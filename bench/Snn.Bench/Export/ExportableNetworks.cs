using Snn.Backends.Onnx;
using Snn.Bench.Suites;
using Snn.Core;
using Snn.Experiments.Onnx;

namespace Snn.Bench.Export;

/// <summary>
/// The networks <c>snn-bench export</c> can write to ONNX and <c>snn-bench nir export</c> to NIR:
/// <see cref="DemoName"/> (<see cref="OnnxDemoNetwork"/>, spike-source inputs and LIF layers, which
/// the ONNX exporter takes whole), <see cref="NirDemoName"/> (<see cref="NirDemoNetwork"/>, which
/// both take whole) and every suite (the exporters refuse, with a <see cref="NotSupportedException"/>,
/// what they cannot express; for ONNX, Poisson drives are refused here).
/// </summary>
public static class ExportableNetworks
{
    /// <summary>The name of the ONNX demo network.</summary>
    public const string DemoName = "onnx-demo";

    /// <summary>The name of the NIR demo network.</summary>
    public const string NirDemoName = "nir-demo";

    /// <summary>The demo's default number of hidden neurons.</summary>
    public const int DemoHidden = 200;

    /// <summary>All names: the demos, then the suites.</summary>
    public static IReadOnlyList<string> Names { get; } = [DemoName, NirDemoName, .. SuiteCatalog.Names];

    /// <summary>Builds network <paramref name="name"/> (case-insensitive) with <paramref name="size"/>
    /// neurons (the demos: hidden neurons; null: the default) from <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name or a size the network cannot have.</exception>
    public static Network Build(string name, int? size, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, DemoName, StringComparison.OrdinalIgnoreCase))
        {
            return OnnxDemoNetwork.Create(seed, hidden: size ?? DemoHidden).Network;
        }
        if (string.Equals(name, NirDemoName, StringComparison.OrdinalIgnoreCase))
        {
            return NirDemoNetwork.Create(seed, size ?? NirDemoNetwork.DefaultHidden);
        }
        var suite = SuiteCatalog.Find(name);
        return suite.Build(size ?? suite.DefaultSize, seed).Network;
    }

    /// <summary>Exports network <paramref name="name"/> to <paramref name="path"/> and returns its layout.</summary>
    /// <exception cref="NotSupportedException">The exporter cannot express the network (the message names the feature).</exception>
    public static (Network Network, OnnxModelLayout Layout) Export(string name, int? size, ulong seed, OnnxExportOptions options, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var network = Build(name, size, seed);
        if (network.PoissonDrives.Count > 0)
        {
            // OnnxExporter does not check Poisson drives itself (it would export the network without them).
            var drive = network.PoissonDrives[0];
            throw new NotSupportedException($"Population '{drive.Target.Name}' receives a Poisson drive (drive {drive.Index}); the ONNX export has no Poisson drive inputs (model the background as a spike-source population instead).");
        }
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        return (network, OnnxExporter.Export(network, options, path));
    }
}
