using Snn.Core.Models;

namespace Snn.Core.Tests.Models;

/// <summary>
/// <see cref="LifCurrentPropagators"/> against a numerical integration of the <c>iaf_psc_exp</c>
/// equations, C dV/dt = −C/τm (V − E_L) + I_e + I_i + I, dI_x/dt = −I_x/τx, from arbitrary states:
/// the propagators must reproduce the exact solution, the τsyn = τm limit included.
/// </summary>
public class LifCurrentPropagatorsTests
{
    public static TheoryData<double, double, double, double, double> Cases => new()
    {
        { 10, 2, 4, 250, 0.1 },
        { 20, 5, 20, 200, 1.0 },
        { 15, 0.5, 8, 100, 0.25 },
        { 8, 8, 3, 300, 2.0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PropagatorsAdvanceAnyStateAsTheExactSolutionDoes(double tauM, double tauSynE, double tauSynI, double cm, double h)
    {
        var model = new LifCurrent { TauM = tauM, TauSynE = tauSynE, TauSynI = tauSynI, CM = cm, EL = -65 };
        var p = LifCurrentPropagators.Over(model, h);
        var random = new Random(7);
        for (int trial = 0; trial < 5; trial++)
        {
            double v0 = -80 + 30 * random.NextDouble(), e0 = 500 * random.NextDouble(), i0 = -500 * random.NextDouble();
            double current = 400 * (random.NextDouble() - 0.5);
            var exact = Rk4.Integrate(x => [-(x[0] - model.EL) / tauM + (x[1] + x[2] + current) / cm, -x[1] / tauSynE, -x[2] / tauSynI],
                [v0, e0, i0], h);

            double v = model.EL + p.MembraneDecay * (v0 - model.EL) + p.CurrentToVoltage * current
                + p.ExcitatoryToVoltage * e0 + p.InhibitoryToVoltage * i0;
            Assert.Equal(exact[0], v, 1e-10);
            Assert.Equal(exact[1], p.ExcitatoryDecay * e0, 1e-10);
            Assert.Equal(exact[2], p.InhibitoryDecay * i0, 1e-10);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PropagatorsOverTwoIntervalsAreOneIntervalAppliedTwice(double tauM, double tauSynE, double tauSynI, double cm, double h)
    {
        var model = new LifCurrent { TauM = tauM, TauSynE = tauSynE, TauSynI = tauSynI, CM = cm };
        var one = LifCurrentPropagators.Over(model, h);
        var two = LifCurrentPropagators.Over(model, 2 * h);
        Assert.Equal(one.MembraneDecay * one.MembraneDecay, two.MembraneDecay, 1e-14);
        Assert.Equal(one.ExcitatoryDecay * one.ExcitatoryDecay, two.ExcitatoryDecay, 1e-14);
        Assert.Equal(one.CurrentToVoltage * (1 + one.MembraneDecay), two.CurrentToVoltage, 1e-14);
        Assert.Equal(one.MembraneDecay * one.ExcitatoryToVoltage + one.ExcitatoryToVoltage * one.ExcitatoryDecay, two.ExcitatoryToVoltage, 1e-14);
        Assert.Equal(one.MembraneDecay * one.InhibitoryToVoltage + one.InhibitoryToVoltage * one.InhibitoryDecay, two.InhibitoryToVoltage, 1e-14);
    }

    [Theory]
    [InlineData(2.0, 0.1, 20)]
    [InlineData(1.0, 0.3, 3)]
    [InlineData(0.0, 0.1, 0)]
    public void RefractoryPeriodIsTheNearestWholeNumberOfSteps(double refractoryMs, double h, int steps)
        => Assert.Equal(steps, LifCurrentPropagators.Over(new LifCurrent { RefractoryPeriod = refractoryMs }, h).RefractorySteps);

    [Fact]
    public void ZeroIntervalChangesNothing()
    {
        var p = LifCurrentPropagators.Over(new LifCurrent(), 0);
        Assert.Equal(1, p.MembraneDecay);
        Assert.Equal(1, p.ExcitatoryDecay);
        Assert.Equal(0, p.CurrentToVoltage);
        Assert.Equal(0, p.ExcitatoryToVoltage);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void BadIntervalIsRejectedWithItsValue(double interval)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LifCurrentPropagators.Over(new LifCurrent(), interval));
        Assert.Equal("interval", error.ParamName);
        Assert.Contains(interval.ToString(System.Globalization.CultureInfo.CurrentCulture), error.Message);
    }

    [Fact]
    public void PreparedStepUsesThePropagatorsRoundedToFloat()
    {
        var model = new LifCurrent { TauM = 12, TauSynE = 3, TauSynI = 6, CM = 180, EL = -62, IE = 90, VThreshold = 100 };
        var p = LifCurrentPropagators.Over(model, 0.1);
        var state = new NeuronState { V = -58f, SynE = 120f, SynI = -40f };
        model.Prepare(0.1).Step(ref state, 0f, 0f, 30f, default);

        double expected = model.EL + p.MembraneDecay * (-58 - model.EL) + p.CurrentToVoltage * (model.IE + 30)
            + p.ExcitatoryToVoltage * 120 + p.InhibitoryToVoltage * -40;
        Assert.Equal(expected, state.V, 1e-4);
        Assert.Equal((float)p.ExcitatoryDecay * 120f, state.SynE);
        Assert.Equal((float)p.InhibitoryDecay * -40f, state.SynI);
    }
}
