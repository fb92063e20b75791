using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// <see cref="LifConductance"/> (NEST's iaf_cond_exp). Under a constant conductance g the membrane
/// equation C dV/dt = gL (EL − V) + g (E − V) is linear with constant coefficients, so V relaxes
/// exactly exponentially to V∞ = (gL EL + g E) / (gL + g) with time constant C / (gL + g); the
/// model's exponential-Euler step is exact in that case, up to float rounding (tolerance as in
/// <see cref="LifCurrentTests"/>).
/// </summary>
public class LifConductanceTests
{
    private const double Dt = 0.1;

    private static LifConductance Neuron(double el = -70) => new()
    {
        CM = 250,
        GL = 25,
        EL = el,
        EExcitatory = 0,
        EInhibitory = -85,
        TauSynE = 1e9,
        TauSynI = 1e9,
        VThreshold = 100,
        VReset = -60,
        RefractoryPeriod = 2,
    };

    [Theory]
    [InlineData(StateVariable.SynE, 25.0)]
    [InlineData(StateVariable.SynE, 5.0)]
    [InlineData(StateVariable.SynI, 40.0)]
    public void MembraneRelaxesToTheAnalyticSteadyStateUnderConstantConductance(StateVariable channel, double conductance)
    {
        var network = new Network(1, Dt);
        var model = Neuron();
        var population = network.AddPopulation("cond", 1, model);
        population.WithInitial(channel, Dist.Constant(conductance));
        var voltage = network.RecordState(population, StateVariable.V);
        var synaptic = network.RecordState(population, channel);
        using var simulation = SimulationHelpers.Run(network, 80);

        double reversal = channel == StateVariable.SynE ? model.EExcitatory : model.EInhibitory;
        double total = model.GL + conductance;
        double steady = (model.GL * model.EL + conductance * reversal) / total;
        double tau = model.CM / total;
        var v = simulation.GetState(voltage);
        var g = simulation.GetState(synaptic);
        for (int s = 0; s < v.Times.Length; s++)
        {
            double expected = steady + (model.EL - steady) * Math.Exp(-v.Times[s] / tau);
            Assert.Equal(expected, v.Values[s][0], 1e-3);
            Assert.Equal(conductance, g.Values[s][0], 1e-4);
        }
        Assert.Equal(steady, v.Values[^1][0], 1e-3);
    }

    /// <summary>
    /// Forward Euler (Brian2's <c>method='euler'</c>) under a constant conductance g is the linear
    /// recurrence V ← V + (h/C)(g_tot (V∞ − V)), so V_n = V∞ + (V_0 − V∞)(1 − h g_tot / C)^n, and a
    /// decaying conductance is g_n = g_0 (1 − h/τ)^n. At these sizes (h g_tot / C = 0.02 and 0.036)
    /// the geometric solution differs from the exponential one by up to 0.1 mV after 10 ms, far
    /// above the float tolerance, so the test also tells the two schemes apart.
    /// </summary>
    [Theory]
    [InlineData(StateVariable.SynE, 25.0)]
    [InlineData(StateVariable.SynI, 65.0)]
    public void ForwardEulerFollowsItsGeometricSolution(StateVariable channel, double conductance)
    {
        var network = new Network(1, Dt);
        var model = Neuron() with { Integration = ConductanceIntegration.ForwardEuler };
        var held = network.AddPopulation("held", 1, model);
        var decaying = network.AddPopulation("decaying", 1, model with { TauSynE = 5, TauSynI = 5 });
        held.WithInitial(channel, Dist.Constant(conductance));
        decaying.WithInitial(channel, Dist.Constant(conductance));
        var voltage = network.RecordState(held, StateVariable.V);
        var synaptic = network.RecordState(decaying, channel);
        using var simulation = SimulationHelpers.Run(network, 40);

        double reversal = channel == StateVariable.SynE ? model.EExcitatory : model.EInhibitory;
        double total = model.GL + conductance;
        double steady = (model.GL * model.EL + conductance * reversal) / total;
        var v = simulation.GetState(voltage);
        var g = simulation.GetState(synaptic);
        double largestSchemeGap = 0;
        for (int s = 0; s < v.Times.Length; s++)
        {
            double steps = Math.Round(v.Times[s] / Dt);
            double expected = steady + (model.EL - steady) * Math.Pow(1 - Dt * total / model.CM, steps);
            Assert.Equal(expected, v.Values[s][0], 2e-3);
            Assert.Equal(conductance * Math.Pow(1 - Dt / 5, steps), g.Values[s][0], 2e-4 * conductance);
            largestSchemeGap = Math.Max(largestSchemeGap, Math.Abs(expected - (steady + (model.EL - steady) * Math.Exp(-v.Times[s] * total / model.CM))));
        }
        Assert.True(largestSchemeGap > 0.05, $"the schemes differ by only {largestSchemeGap} mV here");
    }

    /// <summary>
    /// A conductance input pulls V toward its reversal potential E: with x = V − EL,
    /// C dx/dt = −gL x + g(t) (E − EL − x), so x = (E − EL)·y(t) with y independent of EL: the
    /// response reverses sign at E, vanishes there, and is proportional to the driving force E − EL.
    /// </summary>
    [Theory]
    [InlineData(false, -60.0)]
    [InlineData(true, -70.0)]
    public void ConductanceSynapseEffectReversesSignAtItsReversalPotential(bool inhibitory, double reversal)
    {
        double[] restingPotentials = [reversal - 20, reversal - 10, reversal, reversal + 10, reversal + 20];
        var network = new Network(1, Dt);
        var models = restingPotentials.Select(el => Neuron(el) with
        {
            EExcitatory = reversal,
            EInhibitory = reversal,
            TauSynE = 3,
            TauSynI = 3,
        }).ToArray();
        var source = network.AddSpikeSource("input", [[2.0]]);
        var targets = network.AddPopulation("cond", models);
        network.Connect(source, targets, Connectivity.AllToAll(),
            inhibitory ? Synapse.Inhibitory(10.0, 1.0) : Synapse.Excitatory(10.0, 1.0));
        var voltage = network.RecordState(targets, StateVariable.V);
        using var simulation = SimulationHelpers.Run(network, 40);

        var v = simulation.GetState(voltage);
        var peaks = new double[restingPotentials.Length];
        for (int k = 0; k < restingPotentials.Length; k++)
        {
            foreach (float value in v.Trace(k))
            {
                double deviation = value - restingPotentials[k];
                if (Math.Abs(deviation) > Math.Abs(peaks[k]))
                {
                    peaks[k] = deviation;
                }
            }
        }
        for (int k = 0; k < restingPotentials.Length; k++)
        {
            double drivingForce = reversal - restingPotentials[k];
            if (drivingForce == 0)
            {
                Assert.True(Math.Abs(peaks[k]) < 1e-4, $"at the reversal potential V moved by {peaks[k]} mV");
                continue;
            }
            Assert.Equal(Math.Sign(drivingForce), Math.Sign(peaks[k]));
            Assert.True(Math.Abs(peaks[k]) > 0.1, $"response {peaks[k]} mV at EL = {restingPotentials[k]} is too small to test");
            Assert.Equal(peaks[0] / (reversal - restingPotentials[0]), peaks[k] / drivingForce, 1e-3 * Math.Abs(peaks[0] / 20));
        }
    }
}
