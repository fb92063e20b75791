namespace Snn.Core.Simulation;

/// <summary>An engine that turns a network description into a running simulation.</summary>
public interface IBackend
{
    /// <summary>The backend's name ("cpu", "gpu", ...).</summary>
    string Name { get; }

    /// <summary>What this backend's simulations can do beyond <see cref="ISimulation"/> (the capability
    /// interfaces they implement), known before compiling.</summary>
    SimulationCapabilities Capabilities { get; }

    /// <summary>Validates and seals <paramref name="network"/> and builds its simulation. Throws
    /// <see cref="NotSupportedException"/> naming what this backend cannot run.</summary>
    ISimulation Compile(Network network);
}
