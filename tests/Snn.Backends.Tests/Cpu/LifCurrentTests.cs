using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// <see cref="LifCurrent"/> (NEST's iaf_psc_exp) against closed-form solutions. Its propagators are
/// exact (Rotter &amp; Diesmann 1999), so sampled trajectories must equal the analytic solution at
/// the sample times up to single-precision rounding. Tolerance: each step rounds V to a float
/// (ulp ≈ 8e-6 mV near −60 mV) and the error decays by P22 = e^(−dt/τm) per step, so the
/// accumulated error stays below ulp / (1 − P22) ≈ 8e-4 mV for τm = 10 ms, dt = 0.1 ms (typically
/// it is ~2e-5 mV). Forward Euler at the same dt is off by up to ≈ 2e-2 mV for RI = 10 mV, so the
/// 1e-3 mV tolerance does separate exact integration from a first-order method.
/// </summary>
public class LifCurrentTests
{
    private const double Dt = 0.1;
    private const double Tolerance = 1e-3;

    private static LifCurrent Neuron(double ie = 0, double vReset = -70, double tauSyn = 2) => new()
    {
        CM = 250,
        TauM = 10,
        EL = -70,
        VThreshold = -55,
        VReset = vReset,
        RefractoryPeriod = 2,
        IE = ie,
        TauSynE = tauSyn,
        TauSynI = tauSyn,
    };

    [Fact]
    public void MembraneUnderConstantInjectedCurrentFollowsClosedForm()
    {
        var network = new Network(1, Dt);
        var model = Neuron() with { VThreshold = 100 };
        var population = network.AddPopulation("lif", 1, model);
        const double current = 250;
        network.Inject(population, new DcCurrent(current));
        var monitor = network.RecordState(population, StateVariable.V);
        using var simulation = SimulationHelpers.Run(network, 100);

        var record = simulation.GetState(monitor);
        double r = model.TauM / model.CM;
        Assert.Equal(1000, record.Times.Length);
        for (int s = 0; s < record.Times.Length; s++)
        {
            double t = record.Times[s];
            double expected = model.EL + r * current * (1 - Math.Exp(-t / model.TauM));
            Assert.Equal(expected, record.Values[s][0], Tolerance);
        }
    }

    [Fact]
    public void MembraneUnderBiasCurrentFollowsClosedForm()
    {
        var network = new Network(1, Dt);
        var model = Neuron(ie: 300) with { VThreshold = 100 };
        var population = network.AddPopulation("lif", 1, model);
        var monitor = network.RecordState(population, StateVariable.V);
        using var simulation = SimulationHelpers.Run(network, 60);

        var record = simulation.GetState(monitor);
        double r = model.TauM / model.CM;
        for (int s = 0; s < record.Times.Length; s++)
        {
            double expected = model.EL + r * model.IE * (1 - Math.Exp(-record.Times[s] / model.TauM));
            Assert.Equal(expected, record.Values[s][0], Tolerance);
        }
    }

    [Fact]
    public void CurrentSwitchedOnAndOffChargesAndDischargesTheMembraneExactly()
    {
        var network = new Network(1, Dt);
        var model = Neuron() with { VThreshold = 100 };
        var population = network.AddPopulation("lif", 1, model);
        const double current = 200, on = 20, off = 45;
        network.Inject(population, new DcCurrent(current, on, off));
        var monitor = network.RecordState(population, StateVariable.V);
        using var simulation = SimulationHelpers.Run(network, 90);

        var record = simulation.GetState(monitor);
        double rI = model.TauM / model.CM * current;
        double atOff = rI * (1 - Math.Exp(-(off - on) / model.TauM));
        for (int s = 0; s < record.Times.Length; s++)
        {
            double t = record.Times[s];
            double expected = t <= on ? 0
                : t <= off ? rI * (1 - Math.Exp(-(t - on) / model.TauM))
                : atOff * Math.Exp(-(t - off) / model.TauM);
            Assert.Equal(model.EL + expected, record.Values[s][0], Tolerance);
        }
    }

    /// <summary>One spike at t0 through a synapse of delay d enters I_syn at ta = t0 + d; then
    /// I_syn(ta + s) = w e^(−s/τs) and V(ta + s) − EL = w τm τs / (C (τs − τm)) (e^(−s/τs) − e^(−s/τm)),
    /// the two-exponential PSP, with its limit (w/C) s e^(−s/τ) when τs = τm.</summary>
    [Theory]
    [InlineData(2.0, 500.0, false)]
    [InlineData(5.0, -800.0, true)]
    [InlineData(10.0, 300.0, false)]
    public void SingleInputSpikeGivesTheAnalyticPostsynapticPotential(double tauSyn, double weight, bool inhibitory)
    {
        const double spikeTime = 5, delay = 1.5, arrival = spikeTime + delay;
        var network = new Network(1, Dt);
        var model = Neuron(tauSyn: tauSyn) with { VThreshold = 100 };
        var source = network.AddSpikeSource("input", [[spikeTime]]);
        var target = network.AddPopulation("lif", 1, model);
        network.Connect(source, target, Connectivity.OneToOne(),
            inhibitory ? Synapse.Inhibitory(weight, delay) : Synapse.Excitatory(weight, delay));
        var voltage = network.RecordState(target, StateVariable.V);
        var current = network.RecordState(target, inhibitory ? StateVariable.SynI : StateVariable.SynE);
        using var simulation = SimulationHelpers.Run(network, 60);

        var v = simulation.GetState(voltage);
        var i = simulation.GetState(current);
        double peakTime = 0, peak = 0;
        for (int k = 0; k < v.Times.Length; k++)
        {
            double s = v.Times[k] - arrival;
            double expectedCurrent = s < -1e-9 ? 0 : weight * Math.Exp(-s / tauSyn);
            double expectedVoltage = s < -1e-9 ? 0 : Psp(weight, tauSyn, model.TauM, model.CM, s);
            Assert.Equal(expectedCurrent, i.Values[k][0], Math.Abs(weight) * 1e-5);
            Assert.Equal(model.EL + expectedVoltage, v.Values[k][0], Tolerance);
            if (Math.Abs(v.Values[k][0] - model.EL) > Math.Abs(peak))
            {
                peak = v.Values[k][0] - model.EL;
                peakTime = s;
            }
        }
        double analyticPeakTime = Math.Abs(tauSyn - model.TauM) < 1e-12
            ? model.TauM
            : model.TauM * tauSyn / (model.TauM - tauSyn) * Math.Log(model.TauM / tauSyn);
        Assert.InRange(peakTime, analyticPeakTime - Dt, analyticPeakTime + Dt);
        Assert.Equal(Math.Sign(weight), Math.Sign(peak));
    }

    private static double Psp(double w, double tauSyn, double tauM, double c, double s)
    {
        if (Math.Abs(tauSyn - tauM) < 1e-12)
        {
            return w / c * s * Math.Exp(-s / tauM);
        }
        return w * tauM * tauSyn / (c * (tauSyn - tauM)) * (Math.Exp(-s / tauSyn) - Math.Exp(-s / tauM));
    }

    /// <summary>
    /// The f-I curve. Between spikes V relaxes from VReset toward EL + RI, so the continuous ISI is
    /// t_ref + τm ln((RI − (VReset − EL)) / (RI − (Vth − EL))) (first spike: from EL, no t_ref).
    /// On the grid a threshold crossing is found at the end of the step in which it happens, so every
    /// interval is the continuous one rounded up to whole steps: the discrete ISI is
    /// t_ref + ⌈τm/dt · ln(...)⌉·dt, which lies in [analytic, analytic + dt). The currents are chosen
    /// so that τm/dt · ln(...) is not within 0.02 of an integer (float rounding cannot flip the step).
    /// </summary>
    [Theory]
    [InlineData(-70.0)]
    [InlineData(-65.0)]
    public void FiringRateMatchesTheAnalyticFICurve(double vReset)
    {
        double[] currents = [350, 400, 500, 700, 800, 1200, 1500, 2000, 3000];
        const double duration = 500;
        var network = new Network(1, Dt);
        var models = currents.Select(i => Neuron(ie: i, vReset: vReset)).ToArray();
        var population = network.AddPopulation("lif", models);
        var spikes = network.RecordSpikes(population);
        using var simulation = SimulationHelpers.Run(network, duration);
        var record = simulation.GetSpikes(spikes);

        var model = models[0];
        double r = model.TauM / model.CM, theta = model.VThreshold - model.EL, reset = vReset - model.EL;
        long refractorySteps = SimulationHelpers.Steps(model.RefractoryPeriod, Dt);
        for (int n = 0; n < currents.Length; n++)
        {
            double rI = r * currents[n];
            var times = record.TimesOf(n);
            if (rI <= theta)
            {
                Assert.Empty(times);
                continue;
            }
            double firstSteps = model.TauM / Dt * Math.Log(rI / (rI - theta));
            double intervalSteps = model.TauM / Dt * Math.Log((rI - reset) / (rI - theta));
            AssertAwayFromInteger(firstSteps);
            AssertAwayFromInteger(intervalSteps);

            double analyticInterval = model.RefractoryPeriod + model.TauM * Math.Log((rI - reset) / (rI - theta));
            long expectedFirst = (long)Math.Ceiling(firstSteps);
            long expectedInterval = refractorySteps + (long)Math.Ceiling(intervalSteps);
            long expectedCount = 1 + (SimulationHelpers.Steps(duration, Dt) - expectedFirst) / expectedInterval;

            Assert.Equal(expectedFirst, SimulationHelpers.Steps(times[0], Dt));
            Assert.Equal(expectedCount, times.Length);
            foreach (double interval in SimulationHelpers.Intervals(times))
            {
                Assert.Equal(expectedInterval, SimulationHelpers.Steps(interval, Dt));
                Assert.InRange(interval, analyticInterval - 1e-9, analyticInterval + Dt);
            }
            double analyticRate = 1000 / analyticInterval;
            double measuredRate = 1000 * (times.Length - 1) / (times[^1] - times[0]);
            Assert.InRange(measuredRate, 1000 / (analyticInterval + Dt), analyticRate + 1e-9);
        }
    }

    [Fact]
    public void NeuronStaysAtResetForTheRefractoryPeriod()
    {
        var network = new Network(1, Dt);
        var model = Neuron(ie: 2000) with { VReset = -75, RefractoryPeriod = 3 };
        var population = network.AddPopulation("lif", 1, model);
        var spikes = network.RecordSpikes(population);
        var voltage = network.RecordState(population, StateVariable.V);
        using var simulation = SimulationHelpers.Run(network, 50);

        var times = simulation.GetSpikes(spikes).TimesOf(0);
        var trace = simulation.GetState(voltage);
        Assert.NotEmpty(times);
        long spikeStep = SimulationHelpers.Steps(times[0], Dt);
        int refractorySteps = (int)SimulationHelpers.Steps(model.RefractoryPeriod, Dt);
        // Samples at the spike time and the t_ref that follow hold V_reset; the next one has integrated.
        for (int k = 0; k <= refractorySteps; k++)
        {
            Assert.Equal((float)model.VReset, trace.Values[spikeStep - 1 + k][0]);
        }
        Assert.True(trace.Values[spikeStep + refractorySteps][0] > model.VReset);
    }

    private static void AssertAwayFromInteger(double x)
    {
        double distance = Math.Abs(x - Math.Round(x));
        Assert.True(distance > 0.02, $"test precondition: {x} steps is too close to an integer for float rounding");
    }
}
