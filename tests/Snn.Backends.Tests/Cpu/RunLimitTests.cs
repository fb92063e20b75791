using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Cpu;

/// <summary>A duration beyond the steps one call may run is refused before anything runs or is
/// allocated (a state monitor would otherwise reserve its rows for the whole run).</summary>
public class RunLimitTests
{
    [Theory]
    [InlineData(1e300)]
    [InlineData(1e12)]
    public void ARunTooLongForOneCallIsRefusedAndChangesNothing(double durationMs)
    {
        var network = new Network(1, 0.1);
        var a = network.AddPopulation("a", 10, new LifCurrent());
        network.RecordState(a, StateVariable.V);
        using var simulation = SimulationHelpers.Compile(network);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => simulation.Run(durationMs));
        Assert.Contains("several calls", error.Message);
        Assert.Equal(0, simulation.StepCount);
        simulation.Run(1);
        Assert.Equal(10, simulation.StepCount);
    }

    [Fact]
    public void AOneMillisecondRunAtTheFloorTimeStepIsRefused()
    {
        var network = new Network(1, SimulationLimits.MinDt);
        network.AddPopulation("a", 1, new LifCurrent());
        using var simulation = SimulationHelpers.Compile(network);
        Assert.Throws<ArgumentOutOfRangeException>(() => simulation.Run(1));
    }
}
