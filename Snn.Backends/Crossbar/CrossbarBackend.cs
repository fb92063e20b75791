using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Crossbar;

/// <summary>
/// Runs a network with its projections on simulated resistive-memory crossbars (device physics of
/// <see cref="ResistiveDevice"/>, circuit of <see cref="CrossbarOptions"/>) and its neurons on the CPU
/// engine's digital model code. Plastic projections learn on chip: their rules run in the periphery and
/// change the cells with programming pulses through the device's <see cref="ResistiveDevice.Update"/>
/// response (see <see cref="CrossbarSimulation"/>). Short-term plasticity scales each spike's word-line
/// pulse by its factor u·x. Refuses, naming them, what it cannot run: weight
/// monitors, and plastic projections with two synapses of one delay between the same neurons.
/// </summary>
/// <param name="options">Device and circuit settings; null for an ideal chip.</param>
public sealed class CrossbarBackend(CrossbarOptions? options = null) : IBackend
{
    /// <summary>The settings.</summary>
    public CrossbarOptions Options { get; } = options ?? new CrossbarOptions();

    /// <inheritdoc />
    public string Name => "crossbar";

    /// <inheritdoc />
    public SimulationCapabilities Capabilities => SimulationCapabilities.Modulators | SimulationCapabilities.WeightReading | SimulationCapabilities.WeightWriting
        | SimulationCapabilities.SpikeDiscarding;

    /// <inheritdoc />
    public ISimulation Compile(Network network) => CompileCrossbar(network);

    /// <summary>As <see cref="Compile"/>, typed, for the cost report and the conductances.</summary>
    public CrossbarSimulation CompileCrossbar(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Options.Validate();
        if (network.WeightMonitors.Count > 0)
        {
            throw new NotSupportedException($"The crossbar backend has no weight monitors (read GetWeights(projection) between runs): {string.Join(", ", network.WeightMonitors.Select(m => m.Projection.Name))}.");
        }
        foreach (var name in Options.AsGrown.Keys)
        {
            if (!network.Projections.Any(p => p.Name == name))
            {
                throw new ArgumentException($"AsGrown names projection '{name}', which the network does not have.", nameof(network));
            }
        }
        foreach (var name in Options.WeightRanges.Keys)
        {
            if (!network.Projections.Any(p => p.Name == name))
            {
                throw new ArgumentException($"WeightRanges names projection '{name}', which the network does not have.", nameof(network));
            }
            if (Options.AsGrown.ContainsKey(name))
            {
                throw new ArgumentException($"WeightRanges names projection '{name}', whose as-grown cells fix their own weight scale.", nameof(network));
            }
        }
        network.Seal();
        return new CrossbarSimulation(network, Options);
    }
}
