using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Cpu;

/// <summary>
/// The default engine: clock-driven neuron updates with each model's exact or documented
/// integrator, event-driven spike delivery through per-neuron delay ring buffers, synapses in CSR
/// by source, multi-threaded over disjoint target-neuron ranges (no atomics; results independent of
/// the thread count).
/// </summary>
/// <param name="options">Engine settings; null for defaults.</param>
public sealed class CpuBackend(CpuBackendOptions? options = null) : IBackend
{
    /// <summary>The engine settings.</summary>
    public CpuBackendOptions Options { get; } = options ?? new CpuBackendOptions();

    /// <inheritdoc />
    public string Name => "cpu";

    /// <inheritdoc />
    public SimulationCapabilities Capabilities => SimulationCapabilities.Checkpoints | SimulationCapabilities.Modulators | SimulationCapabilities.WeightReading
        | SimulationCapabilities.WeightWriting | SimulationCapabilities.WeightMonitors | SimulationCapabilities.SpikeDiscarding;

    /// <inheritdoc />
    public ISimulation Compile(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (Options.Threads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Options.Threads), Options.Threads, $"Threads = {Options.Threads} must be at least 1.");
        }
        network.Seal();
        return new CpuSimulation(network, Options);
    }
}
