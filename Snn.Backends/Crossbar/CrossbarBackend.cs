using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Crossbar;

/// <summary>
/// Runs a network with its projections on simulated resistive-memory crossbars (device physics of
/// <see cref="ResistiveDevice"/>, circuit of <see cref="CrossbarOptions"/>) and its neurons on the CPU
/// engine's digital model code. Refuses, naming them, what it cannot run: plastic projections
/// (on-chip pulse-programmed learning is not modelled yet), neuromodulators and weight monitors.
/// </summary>
/// <param name="options">Device and circuit settings; null for an ideal chip.</param>
public sealed class CrossbarBackend(CrossbarOptions? options = null) : IBackend
{
    /// <summary>The settings.</summary>
    public CrossbarOptions Options { get; } = options ?? new CrossbarOptions();

    /// <inheritdoc />
    public string Name => "crossbar";

    /// <inheritdoc />
    public ISimulation Compile(Network network) => CompileCrossbar(network);

    /// <summary>As <see cref="Compile"/>, typed, for the cost report and the conductances.</summary>
    public CrossbarSimulation CompileCrossbar(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Options.Validate();
        var plastic = network.Projections.Where(p => p.Plasticity is not null).Select(p => $"{p.Name} ({p.Plasticity!.Rule.RuleName})").ToArray();
        if (plastic.Length > 0)
        {
            throw new NotSupportedException($"The crossbar backend does not run plastic projections yet (on-chip pulse-programmed updates are not modelled): {string.Join(", ", plastic)}.");
        }
        if (network.Modulators.Count > 0)
        {
            throw new NotSupportedException($"The crossbar backend does not run neuromodulators: {string.Join(", ", network.Modulators.Select(m => m.Name))}.");
        }
        if (network.WeightMonitors.Count > 0)
        {
            throw new NotSupportedException($"The crossbar backend has no weight monitors (its weights are static): {string.Join(", ", network.WeightMonitors.Select(m => m.Projection.Name))}.");
        }
        foreach (var name in Options.AsGrown.Keys)
        {
            if (!network.Projections.Any(p => p.Name == name))
            {
                throw new ArgumentException($"AsGrown names projection '{name}', which the network does not have.", nameof(network));
            }
        }
        network.Seal();
        return new CrossbarSimulation(network, Options);
    }
}
