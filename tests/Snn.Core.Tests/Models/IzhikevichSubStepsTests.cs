using Snn.Core.Models;

namespace Snn.Core.Tests.Models;

/// <summary><see cref="IzhikevichSubSteps"/> splits a step into the fewest equal sub-steps of at most 0.5 ms.</summary>
public class IzhikevichSubStepsTests
{
    [Theory]
    [InlineData(1.0, 2, 0.5)]
    [InlineData(0.5, 1, 0.5)]
    [InlineData(0.1, 1, 0.1)]
    [InlineData(0.75, 2, 0.375)]
    [InlineData(0.6, 2, 0.3)]
    public void StepSplitsIntoTheFewestSubStepsOfAtMostHalfAMillisecond(double dt, int count, double subStep)
    {
        var schedule = IzhikevichSubSteps.For(dt);
        Assert.Equal(count, schedule.Count);
        Assert.Equal(subStep, schedule.SubStep, 1e-15);
        Assert.Equal(dt, schedule.Step);
    }

    [Fact]
    public void NonPositiveStepIsRejectedWithItsValue()
        => Assert.Equal("dt", Assert.Throws<ArgumentOutOfRangeException>(() => IzhikevichSubSteps.For(-1)).ParamName);
}
