using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Conformance;

/// <summary>One scenario built twice from the same seed and compiled on the one-thread CPU engine (the
/// reference) and on the engine under test.</summary>
internal sealed class ScenarioPair : IDisposable
{
    public ScenarioPair(string engineName, Func<ScenarioSettings, ulong, ScenarioNetwork> build, ulong seed)
    {
        Engine = ConformanceEngines.Named(engineName);
        OnReference = build(Engine.Settings, seed);
        OnEngine = build(Engine.Settings, seed);
        Reference = ConformanceAssert.Reference(OnReference);
        Simulation = Engine.Compile(OnEngine.Network);
    }

    public ConformanceEngine Engine { get; }

    public ScenarioNetwork OnReference { get; }

    public ScenarioNetwork OnEngine { get; }

    public ISimulation Reference { get; }

    public ISimulation Simulation { get; }

    /// <summary>Runs both for <paramref name="durationMs"/>.</summary>
    public void Run(double durationMs)
    {
        Reference.Run(durationMs);
        Simulation.Run(durationMs);
    }

    /// <summary>Asserts that the reference fired at least <paramref name="atLeast"/> spikes per population.</summary>
    public void AssertBusy(int atLeast) => ConformanceAssert.Busy(Reference, OnReference, atLeast);

    /// <summary>Asserts that both recorded the same run, bit for bit.</summary>
    public void AssertSameRun() => ConformanceAssert.SameRun(Reference, OnReference, Simulation, OnEngine);

    public void Dispose()
    {
        Reference.Dispose();
        Simulation.Dispose();
    }
}
