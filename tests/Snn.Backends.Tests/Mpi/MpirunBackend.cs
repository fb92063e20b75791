using Snn.Core;
using Snn.Core.Simulation;
using Snn.Tests.Shared.Conformance;

namespace Snn.Backends.Tests.Mpi;

/// <summary>
/// The MPI engine as the conformance suite sees it: compiling a scenario network has the MPI driver's
/// job on <paramref name="ranks"/> ranks (<see cref="MpirunScenarioJob"/>, one per rank count and test
/// run) build the same network from its recipe and compile it (<see cref="MpirunSimulation"/>). It
/// compiles only networks built by <see cref="ConformanceNetworks"/>, since the ranks need the recipe,
/// not the object.
/// </summary>
/// <param name="ranks">MPI ranks of each job.</param>
internal sealed class MpirunBackend(int ranks) : IBackend
{
    /// <inheritdoc />
    public string Name => $"mpi ({ranks} ranks under mpirun)";

    /// <summary>What <c>MpiBackend</c> claims; each job checks it against the served backend when it starts.</summary>
    public SimulationCapabilities Capabilities => SimulationCapabilities.Checkpoints | SimulationCapabilities.Modulators | SimulationCapabilities.WeightReading
        | SimulationCapabilities.WeightWriting | SimulationCapabilities.WeightMonitors | SimulationCapabilities.SpikeDiscarding;

    /// <inheritdoc />
    public ISimulation Compile(Network network)
    {
        var recipe = ConformanceNetworks.RecipeOf(network)
            ?? throw new NotSupportedException("The MPI engine under mpirun compiles only networks built by ConformanceNetworks.");
        return new MpirunSimulation(ranks, network, recipe, Capabilities);
    }
}
