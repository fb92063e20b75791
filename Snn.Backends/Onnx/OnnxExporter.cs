using Snn.Core;

namespace Snn.Backends.Onnx;

/// <summary>
/// Exports a network with static weights to ONNX (IR version 8, opset 17, no custom operators)
/// so that ONNX Runtime reproduces the CPU engine: the same spikes and the same membrane values,
/// bit for bit, for the same input spikes. Supported: <see cref="Core.Models.LifCurrent"/>,
/// <see cref="Core.Models.LifConductance"/> and <see cref="Core.Models.Izhikevich"/> populations
/// (homogeneous or per-neuron parameters, any initial state), any connectivity, per-synapse integer
/// delays, recurrent projections, short-term plasticity (<see cref="Core.Plasticity.ShortTermPlasticity"/>), and a
/// linear readout. Input populations (synapse kind None:
/// spike sources and Poisson sources) become the model's input tensor. Plasticity rules, current
/// injections and neuromodulators throw <see cref="NotSupportedException"/> naming the projection
/// or population. Exporting compiles (seals) the network, as a backend does. The whole model is
/// built in memory before anything is written. See <see cref="OnnxModelLayout"/> for the tensors.
/// </summary>
public static class OnnxExporter
{
    /// <summary>The ONNX IR version written.</summary>
    public const int IrVersion = 8;

    /// <summary>The version of the default ONNX operator set the model imports.</summary>
    public const int Opset = 17;

    /// <summary>Builds the model of <paramref name="network"/> in memory.</summary>
    /// <param name="network">The network to export.</param>
    /// <param name="options">What to export; null for the time-loop form with the spikes of every non-input population.</param>
    public static OnnxModel Build(Network network, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new NetworkLowering(network, options ?? new OnnxExportOptions()).Build();
    }

    /// <summary>Exports <paramref name="network"/> to <paramref name="destination"/>.</summary>
    /// <returns>The model's tensor layout.</returns>
    public static OnnxModelLayout Export(Network network, OnnxExportOptions? options, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var model = Build(network, options);
        model.WriteTo(destination);
        return model.Layout;
    }

    /// <summary>Exports <paramref name="network"/> to the file <paramref name="path"/> (written to a
    /// temporary file and renamed, so a failed export leaves no partial file).</summary>
    /// <returns>The model's tensor layout.</returns>
    public static OnnxModelLayout Export(Network network, OnnxExportOptions? options, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var model = Build(network, options);
        model.Save(path);
        return model.Layout;
    }
}
