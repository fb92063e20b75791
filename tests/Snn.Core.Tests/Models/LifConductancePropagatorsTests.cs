using Snn.Core.Models;

namespace Snn.Core.Tests.Models;

/// <summary>
/// <see cref="LifConductancePropagators"/> against a numerical integration of the
/// <c>iaf_cond_exp</c> equations: the conductance decays are exact, and with the conductances held
/// at their start values (the model's exponential-Euler step) e^(−StepOverCapacitance·g_tot) relaxes
/// V to V∞ as C dV/dt = g_L (E_L − V) + g_e (E_e − V) + g_i (E_i − V) + I does.
/// </summary>
public class LifConductancePropagatorsTests
{
    [Theory]
    [InlineData(0.2, 2.0, 250, 0.1)]
    [InlineData(5.0, 10.0, 200, 1.0)]
    public void ConductancesDecayAsTheExactSolution(double tauSynE, double tauSynI, double cm, double h)
    {
        var p = LifConductancePropagators.Over(new LifConductance { TauSynE = tauSynE, TauSynI = tauSynI, CM = cm }, h);
        var exact = Rk4.Integrate(x => [-x[0] / tauSynE, -x[1] / tauSynI], [12.0, 30.0], h);
        Assert.Equal(exact[0], 12.0 * p.ExcitatoryDecay, 1e-11);
        Assert.Equal(exact[1], 30.0 * p.InhibitoryDecay, 1e-11);
    }

    [Theory]
    [InlineData(250, 0.1)]
    [InlineData(100, 0.5)]
    public void MembraneWithHeldConductancesRelaxesAsTheExactSolution(double cm, double h)
    {
        var model = new LifConductance { CM = cm, GL = 16.7, EL = -70, EExcitatory = 0, EInhibitory = -80 };
        var p = LifConductancePropagators.Over(model, h);
        const double ge = 8, gi = 25, current = 150, v0 = -58;
        double total = model.GL + ge + gi;
        double equilibrium = (model.GL * model.EL + ge * model.EExcitatory + gi * model.EInhibitory + current) / total;
        var exact = Rk4.Integrate(x => [(model.GL * (model.EL - x[0]) + ge * (model.EExcitatory - x[0]) + gi * (model.EInhibitory - x[0]) + current) / cm],
            [v0], h);
        Assert.Equal(exact[0], equilibrium + (v0 - equilibrium) * Math.Exp(-p.StepOverCapacitance * total), 1e-10);
    }

    [Theory]
    [InlineData(2.0, 0.1, 20)]
    [InlineData(5.0, 1.0, 5)]
    public void RefractoryPeriodIsTheNearestWholeNumberOfSteps(double refractoryMs, double h, int steps)
        => Assert.Equal(steps, LifConductancePropagators.Over(new LifConductance { RefractoryPeriod = refractoryMs }, h).RefractorySteps);

    [Fact]
    public void NonPositiveStepIsRejectedWithItsValue()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LifConductancePropagators.Over(new LifConductance(), 0));
        Assert.Equal("dt", error.ParamName);
    }

    [Theory]
    [InlineData(5.0, 10.0, 0.1)]
    [InlineData(0.5, 2.0, 0.25)]
    public void ForwardEulerDecaysAreOneMinusTheStepOverTheTimeConstant(double tauSynE, double tauSynI, double h)
    {
        var p = LifConductancePropagators.Over(new LifConductance { TauSynE = tauSynE, TauSynI = tauSynI, Integration = ConductanceIntegration.ForwardEuler }, h);
        Assert.Equal(1 - h / tauSynE, p.ExcitatoryDecay, 15);
        Assert.Equal(1 - h / tauSynI, p.InhibitoryDecay, 15);
        Assert.Equal(h / 250, p.StepOverCapacitance, 15);
    }

    [Theory]
    [InlineData(0.2, 2.0, 250, 16.6667, 0.2)]
    [InlineData(5.0, 1.0, 250, 16.6667, 1.5)]
    [InlineData(5.0, 10.0, 20, 10, 2.0)]
    public void ForwardEulerRejectsAStepAtOrAboveTheSmallestTimeConstant(double tauSynE, double tauSynI, double cm, double gl, double h)
    {
        var model = new LifConductance { TauSynE = tauSynE, TauSynI = tauSynI, CM = cm, GL = gl, Integration = ConductanceIntegration.ForwardEuler };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LifConductancePropagators.Over(model, h));
        Assert.Equal("dt", error.ParamName);
        Assert.Contains($"{Math.Min(Math.Min(tauSynE, tauSynI), cm / gl)} ms", error.Message);
        Assert.Equal(1 - 0.1 / tauSynE, LifConductancePropagators.Over(model, 0.1).ExcitatoryDecay, 15);
    }

    [Fact]
    public void UnknownIntegrationIsRejectedWithItsValue()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LifConductance { Integration = (ConductanceIntegration)7 }.Validate());
        Assert.Equal("Integration", error.ParamName);
        Assert.Contains("7", error.Message);
    }
}
