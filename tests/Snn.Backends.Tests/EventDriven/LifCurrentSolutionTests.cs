using Snn.Backends.EventDriven;
using Snn.Core.Models;

namespace Snn.Backends.Tests.EventDriven;

/// <summary>
/// The event-driven engine's closed form and the clock-driven step of <see cref="LifCurrent"/> read
/// the same <see cref="LifCurrentPropagators"/>: evaluated at k whole steps, the closed form must
/// give the state of k clock-driven steps, up to the float rounding of the step.
/// </summary>
public class LifCurrentSolutionTests
{
    [Theory]
    [InlineData(2.0, 5.0)]
    [InlineData(10.0, 3.0)]
    public void ClosedFormAtWholeStepsIsTheClockDrivenTrajectory(double tauSynE, double tauSynI)
    {
        const double dt = 0.1, v0 = -62, e0 = 350, i0 = -120;
        var model = new LifCurrent { TauM = 10, TauSynE = tauSynE, TauSynI = tauSynI, CM = 250, EL = -70, IE = 180, VThreshold = 100 };
        var prepared = model.Prepare(dt);
        var state = new NeuronState { V = (float)v0, SynE = (float)e0, SynI = (float)i0 };
        double largestGap = 0;
        for (int k = 1; k <= 300; k++)
        {
            Assert.False(prepared.Step(ref state, 0f, 0f, 0f, default));
            double h = k * dt;
            double v = LifCurrentSolution.Voltage(model, v0, e0, i0, model.IE, h);
            var propagators = LifCurrentPropagators.Over(model, h);
            largestGap = Math.Max(largestGap, Math.Abs(v - state.V));
            Assert.Equal(e0 * propagators.ExcitatoryDecay, state.SynE, 1e-3);
            Assert.Equal(i0 * propagators.InhibitoryDecay, state.SynI, 1e-3);
        }
        Assert.True(largestGap < 1e-4, $"closed form and clock-driven step differ by {largestGap} mV");
    }

    [Fact]
    public void VoltageOverAnIntervalIsThePropagatorsOverIt()
    {
        var model = new LifCurrent { TauM = 20, TauSynE = 20, TauSynI = 4, EL = -65 };
        const double h = 1.37;
        var p = LifCurrentPropagators.Over(model, h);
        double viaInterval = LifCurrentSolution.Voltage(model, -60, 100, -50, 30, h);
        double viaPropagators = LifCurrentSolution.Voltage(model, p, -60, 100, -50, 30);
        Assert.Equal(viaInterval, viaPropagators);
        double byHand = model.EL + p.MembraneDecay * 5 + p.CurrentToVoltage * 30 + p.ExcitatoryToVoltage * 100 - p.InhibitoryToVoltage * 50;
        Assert.Equal(byHand, viaPropagators, 1e-12);
    }
}
