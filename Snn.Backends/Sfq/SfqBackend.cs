using Snn.Backends.EventDriven;
using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Simulation;

namespace Snn.Backends.Sfq;

/// <summary>
/// A behavioural (pulse-level) model of a superconducting single-flux-quantum neuromorphic circuit,
/// after Krylov, Edwards, Friedman &amp; Friedman, "Harnessing stochasticity for superconductive
/// multi-layer spike-rate-coded neuromorphic networks", Neuromorph. Comput. Eng. 2024: spikes are SFQ
/// pulses (∫V dt = Φ0), synapses are junctions biased near I_c that thermal noise makes pass each
/// pulse with a probability set by their bias, neurons are flux-storing loops whose threshold is
/// set by their bias current. It runs on the exact event-driven engine; times are the network's ms
/// (1 ps = 1e-9 ms; <see cref="SfqConstants.Ps"/>). Supported: <see cref="SfqNeuron"/>,
/// <see cref="Snn.Core.Models.PoissonSource"/> and spike-source populations, static synapses whose
/// weights are signed pass probabilities, spike, rate and state monitors (state V is the stored
/// flux in Φ0). Not supported: other models, plasticity, modulators, weight monitors, current
/// injections, checkpoints.
/// </summary>
/// <param name="technology">Physical parameters; null for <see cref="SfqTechnology.Default"/>.</param>
/// <param name="options">Operating conditions; null for nominal bias, no delay variability, no spread.</param>
public sealed class SfqBackend(SfqTechnology? technology = null, SfqBackendOptions? options = null) : IBackend
{
    /// <summary>User stream (<see cref="Snn.Core.Randomness.RngStreams.User"/>) of the gates' pass/block draws.</summary>
    public const int GateStream = 0x5F_0001;

    /// <summary>User stream of the path delay jitter draws.</summary>
    public const int PathJitterStream = 0x5F_0002;

    /// <summary>User stream of the neurons' switching-time jitter draws.</summary>
    public const int NeuronJitterStream = 0x5F_0003;

    /// <summary>User stream of the critical-current process spread.</summary>
    public const int ProcessStream = 0x5F_0004;

    /// <summary>User stream of the circuit solver's thermal noise (<see cref="Circuit.CircuitSimulator"/>).</summary>
    public const int CircuitNoiseStream = 0x5F_0005;

    /// <summary>The technology.</summary>
    public SfqTechnology Technology { get; } = technology ?? SfqTechnology.Default;

    /// <summary>The operating conditions.</summary>
    public SfqBackendOptions Options { get; } = options ?? new SfqBackendOptions();

    /// <inheritdoc />
    public string Name => "sfq";

    /// <inheritdoc />
    public SimulationCapabilities Capabilities => SimulationCapabilities.WeightReading | SimulationCapabilities.WeightWriting;

    /// <inheritdoc />
    public ISimulation Compile(Network network) => CompileSfq(network);

    /// <summary>Compiles <paramref name="network"/> and returns the SFQ simulation with its reports.</summary>
    /// <param name="network">The network.</param>
    public SfqSimulation CompileSfq(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Technology.Validate();
        Options.Validate();
        NetworkSupport.RequireStaticNetwork(network, Name);
        NetworkSupport.RequireNoInjections(network, Name);
        network.Seal();
        return new SfqSimulation(network, Technology, Options);
    }
}
