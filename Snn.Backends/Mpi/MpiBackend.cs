using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Mpi;

/// <summary>
/// The CPU engine distributed over MPI ranks (see <see cref="MpiSimulation"/>): start the program
/// with <c>mpirun -np K</c>, build the same network on every rank, compile it here and run it;
/// the spikes (and, with plasticity, the learned weights) equal those of <c>CpuBackend</c> for any K.
/// Compile is collective.
/// </summary>
/// <param name="session">This rank's MPI session; it must outlive the simulations.</param>
/// <param name="options">Engine settings; null for defaults.</param>
public sealed class MpiBackend(MpiSession session, MpiBackendOptions? options = null) : IBackend
{
    /// <summary>This rank's MPI session.</summary>
    public MpiSession Session { get; } = session ?? throw new ArgumentNullException(nameof(session));

    /// <summary>The engine settings.</summary>
    public MpiBackendOptions Options { get; } = options ?? new MpiBackendOptions();

    /// <inheritdoc />
    public string Name => "mpi";

    /// <inheritdoc />
    public SimulationCapabilities Capabilities => SimulationCapabilities.Checkpoints | SimulationCapabilities.Modulators | SimulationCapabilities.WeightReading | SimulationCapabilities.WeightWriting
        | SimulationCapabilities.WeightMonitors | SimulationCapabilities.SpikeDiscarding;

    /// <inheritdoc />
    public ISimulation Compile(Network network) => CompileDistributed(network);

    /// <summary>Collective: compiles <paramref name="network"/> into a <see cref="MpiSimulation"/>,
    /// whose timing and rank properties <see cref="Compile"/>'s interface hides.</summary>
    public MpiSimulation CompileDistributed(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (Options.StripeSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Options.StripeSize), Options.StripeSize, $"StripeSize = {Options.StripeSize} must be at least 1.");
        }
        network.Seal();
        return new MpiSimulation(Session, network, Options);
    }
}
