using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Conformance;

/// <summary>An engine under conformance test.</summary>
/// <param name="Name">Its name in the test cases.</param>
/// <param name="Backend">Builds the backend for a network (the crossbar engine needs the plastic projections' weight ranges).</param>
/// <param name="Agreement">How closely it is documented to agree with the CPU engine.</param>
/// <param name="Inputs">The input kinds it runs.</param>
/// <param name="Plasticity">Whether it runs plastic projections and modulators in the recurrent scenarios.</param>
/// <param name="Size">Neurons of the scenario networks (the emulated GPU is slow).</param>
/// <param name="DurationMs">Simulated time of a scenario (ms).</param>
public sealed record ConformanceEngine(string Name, Func<Network, IBackend> Backend, Agreement Agreement, EngineInputs Inputs, bool Plasticity,
    int Size, double DurationMs)
{
    /// <summary>Compiles <paramref name="network"/> on this engine.</summary>
    public ISimulation Compile(Network network) => Backend(network).Compile(network);

    /// <summary>Whether this engine claims <paramref name="capability"/> (asked before compiling).</summary>
    public bool Claims(SimulationCapabilities capability) => Backend(new Network()).Supports(capability);

    /// <summary>Whether the scenarios give this engine integer weights.</summary>
    public bool ExactSums => Agreement == Agreement.BitIdenticalOnExactSums;

    /// <summary>What this engine's scenario networks are built with.</summary>
    public ScenarioSettings Settings => new(Size, DurationMs, Inputs, ExactSums, Claims(SimulationCapabilities.WeightMonitors));

    /// <inheritdoc />
    public override string ToString() => Name;
}
