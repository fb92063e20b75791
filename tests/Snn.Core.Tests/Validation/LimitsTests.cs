using Snn.Core.Connections;
using Snn.Core.Models;
using Snn.Core.Simulation;
using Snn.Core.Validation;

namespace Snn.Core.Tests.Validation;

/// <summary>
/// The explicit limits: a duration too long for one call, a time step below the floor, a value that
/// overflows the float the engine stores, Izhikevich at a step too coarse for its integration, and a
/// projection beyond the largest array are refused up front with the limit and the way around it.
/// </summary>
public class LimitsTests
{
    [Theory]
    [InlineData(1e300)]
    [InlineData(3e8)]
    public void ARunTooLongForOneCallNamesTheLimitAndSuggestsSeveralCalls(double durationMs)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SimulationLimits.StepsOf(durationMs, 0.1));
        Assert.Equal("durationMs", error.ParamName);
        Assert.Contains(SimulationLimits.MaxStepsPerRun.ToString(), error.Message);
        Assert.Contains("several calls", error.Message);
        Assert.Equal(SimulationLimits.MaxStepsPerRun, SimulationLimits.StepsOf(SimulationLimits.MaxStepsPerRun * 0.1, 0.1));
    }

    [Theory]
    [InlineData(5e-324)]
    [InlineData(1e-13)]
    public void ATimeStepBelowTheFloorIsRejected(double dt)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Network(1, dt));
        Assert.Equal("dt", error.ParamName);
        Assert.Equal(1e-9, new Network(1, 1e-9).Dt);
    }

    [Theory]
    [InlineData(1e39)]
    [InlineData(-1e39)]
    public void AParameterThatOverflowsAFloatIsRejected(double value)
    {
        Assert.Equal((double)float.MaxValue, Guard.Finite(float.MaxValue, "x"));
        Assert.True(float.IsInfinity((float)value), "the test value must overflow a float");
        var network = new Network();
        network.AddPopulation("a", 3, new LifCurrent { EL = value });
        var error = Assert.ThrowsAny<ArgumentException>(network.Seal);
        Assert.Equal("EL", error.ParamName);
        Assert.Contains("float", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.NonNegative(Math.Abs(value), "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRange(value, double.MinValue, double.MaxValue, "x"));
    }

    [Fact]
    public void AWeightThatOverflowsAFloatIsRejectedNamingTheSynapse()
    {
        var network = new Network();
        var a = network.AddPopulation("a", 10, new LifCurrent());
        Assert.ThrowsAny<ArgumentException>(() => network.Connect(a, a, Connectivity.AllToAll(), Synapse.Excitatory(1e39, 1)));
        var projection = network.Connect(a, a, Connectivity.AllToAll(), Synapse.Excitatory(Snn.Core.Distributions.Dist.Normal(3e38, 1e38), 1));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => projection.Instantiate());
        Assert.Equal("weight", error.ParamName);
        Assert.Contains("weight of synapse", error.Message);
        Assert.Contains("finite as a float", error.Message);
    }

    [Fact]
    public void APositiveValueThatRoundsToAFloatZeroIsRejected()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(1e-50, "TauM"));

    [Fact]
    public void IzhikevichRefusesAStepAboveOneMillisecondNamingWhy()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Izhikevich.Chattering.Prepare(2));
        Assert.Equal("dt", error.ParamName);
        Assert.Contains("dt <= 1 ms", error.Message);
        var state = new NeuronState { V = -65, U = -13 };
        var model = Izhikevich.Chattering.Prepare(1);
        for (int k = 0; k < 1000; k++)
        {
            model.Step(ref state, 0, 0, 200, default);
            Assert.True(float.IsFinite(state.V) && float.IsFinite(state.U), $"state not finite after {k + 1} steps at dt = 1 ms");
        }
    }

    [Fact]
    public void AProjectionBeyondTheLargestArrayIsRefusedBeforeAllocating()
    {
        var buffer = new ConnectionBuffer();
        var error = Assert.Throws<ArgumentException>(() => buffer.EnsureCapacity(3_000_000_000));
        Assert.Equal("connectivity", error.ParamName);
        Assert.Contains(SimulationLimits.MaxSynapsesPerProjection.ToString(), error.Message);
        Assert.Contains("Split it into several projections", error.Message);
    }
}
