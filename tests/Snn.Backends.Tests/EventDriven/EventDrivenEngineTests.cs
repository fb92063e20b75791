using Snn.Backends.EventDriven;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;

namespace Snn.Backends.Tests.EventDriven;

/// <summary>
/// The exact event-driven engine against closed-form LIF solutions and for determinism of
/// equal-time events (its convergence with the clock-driven CPU engine as dt → 0 is verify's
/// event-driven-convergence row, asserted in Snn.Bench.Tests).
/// </summary>
public class EventDrivenEngineTests
{
    private static LifCurrent Neuron(double ie = 0) => new()
    {
        CM = 250,
        TauM = 10,
        TauSynE = 2,
        TauSynI = 5,
        EL = -70,
        VReset = -70,
        VThreshold = -55,
        RefractoryPeriod = 2,
        IE = ie,
    };

    [Fact]
    public void FirstSpikeUnderConstantCurrentIsTheClosedFormTime()
    {
        var network = new Network(1, 0.1);
        var model = Neuron(ie: 500);
        var population = network.AddPopulation("lif", 1, model);
        var spikes = network.RecordSpikes(population);
        using var simulation = new EventDrivenBackend().CompileExact(network);
        simulation.Run(50);

        var times = simulation.GetExactSpikes(spikes).TimesMs;
        double ri = model.TauM / model.CM * model.IE;
        double first = model.TauM * Math.Log(ri / (ri - (model.VThreshold - model.EL)));
        Assert.Equal(first, times[0], 1e-9);
        for (int k = 1; k < times.Length; k++)
        {
            Assert.Equal(model.RefractoryPeriod + first, times[k] - times[k - 1], 1e-9);
        }
    }

    [Fact]
    public void DcInjectionSwitchedOnLaterShiftsTheFirstSpikeByItsStartTime()
    {
        var network = new Network(1, 0.1);
        var model = Neuron();
        var population = network.AddPopulation("lif", 1, model);
        network.Inject(population, new DcCurrent(500, startMs: 3.25));
        var spikes = network.RecordSpikes(population);
        using var simulation = new EventDrivenBackend().CompileExact(network);
        simulation.Run(20);

        double ri = model.TauM / model.CM * 500;
        double first = model.TauM * Math.Log(ri / (ri - (model.VThreshold - model.EL)));
        Assert.Equal(3.25 + first, simulation.GetExactSpikes(spikes).TimesMs[0], 1e-9);
    }

    [Fact]
    public void ThresholdCrossingUnderExponentialSynapticCurrentIsTheRootOfTheClosedForm()
    {
        var network = new Network(1, 0.1);
        var model = Neuron();
        var source = network.AddSpikeSource("in", [[1.0]]);
        var population = network.AddPopulation("lif", 1, model);
        const double weight = 4000;
        const double delay = 0.37;
        network.Connect(source, population, Connectivity.OneToOne(), Synapse.Excitatory(weight, delay));
        var spikes = network.RecordSpikes(population);
        using var simulation = new EventDrivenBackend().CompileExact(network);
        simulation.Run(20);

        double arrival = 1.0 + delay;
        double Distance(double t) => model.EL + weight * ExponentialCurrentPropagator.VoltageFromCurrent(model.TauSynE, model.TauM, model.CM, t - arrival) - model.VThreshold;
        double low = arrival, high = arrival;
        while (Distance(high) < 0)
        {
            low = high;
            high += 1e-3;
        }
        for (int i = 0; i < 100; i++)
        {
            double middle = (low + high) / 2;
            (low, high) = Distance(middle) >= 0 ? (low, middle) : (middle, high);
        }
        var times = simulation.GetExactSpikes(spikes).TimesMs;
        Assert.Single(times);
        Assert.Equal(high, times[0], 1e-9);
    }

    [Fact]
    public void MembraneSamplesFollowTheClosedFormTrajectory()
    {
        var network = new Network(1, 0.1);
        var model = Neuron(ie: 300) with { VThreshold = 100 };
        var population = network.AddPopulation("lif", 1, model);
        var monitor = network.RecordState(population, StateVariable.V, intervalMs: 0.5);
        using var simulation = new EventDrivenBackend().Compile(network);
        simulation.Run(30);

        var record = simulation.GetState(monitor);
        Assert.Equal(60, record.Times.Length);
        double r = model.TauM / model.CM;
        for (int s = 0; s < record.Times.Length; s++)
        {
            double expected = model.EL + r * model.IE * (1 - Math.Exp(-record.Times[s] / model.TauM));
            Assert.Equal(expected, record.Values[s][0], 1e-4);
        }
    }

    [Fact]
    public void ContinuousDelayShiftsTheResponseByExactlyTheDelayDifference()
    {
        double Response(double delay)
        {
            var network = new Network(1, 0.1);
            var source = network.AddSpikeSource("in", [[1.0]]);
            var population = network.AddPopulation("lif", 1, Neuron());
            network.Connect(source, population, Connectivity.OneToOne(), Synapse.Excitatory(4000, delay));
            var spikes = network.RecordSpikes(population);
            using var simulation = new EventDrivenBackend().CompileExact(network);
            simulation.Run(20);
            return simulation.GetExactSpikes(spikes).TimesMs[0];
        }

        Assert.Equal(0.123456 - 0.1, Response(0.123456) - Response(0.1), 1e-9);
    }

    [Fact]
    public void SameSeedGivesTheSameSpikesIncludingEqualTimeEvents()
    {
        ExactSpikeRecord RunOnce()
        {
            var network = new Network(11, 0.1);
            var poisson = network.AddPoissonInput("poisson", 20, 800);
            var clock = network.AddSpikeSource("clock", Enumerable.Range(0, 4).Select(_ => Enumerable.Range(1, 50).Select(k => k * 0.5).ToArray()).ToArray());
            var population = network.AddPopulation("lif", 30, Neuron(ie: 200));
            network.Connect(poisson, population, Connectivity.Probability(0.3), Synapse.Excitatory(Dist.Uniform(200, 600), Dist.Uniform(0.2, 2.0)));
            network.Connect(clock, population, Connectivity.AllToAll(), Synapse.Excitatory(150, 1.0));
            network.Connect(population, population, Connectivity.Probability(0.2), Synapse.Inhibitory(-300, 0.5));
            var spikes = network.RecordSpikes(population);
            using var simulation = new EventDrivenBackend().CompileExact(network);
            simulation.Run(25);
            return simulation.GetExactSpikes(spikes);
        }

        var first = RunOnce();
        var second = RunOnce();
        Assert.True(first.Count > 20, $"only {first.Count} spikes");
        Assert.Equal(first.TimesMs, second.TimesMs);
        Assert.Equal(first.Neurons, second.Neurons);
    }

    [Fact]
    public void UnsupportedModelIsNamedAtCompileTime()
    {
        var network = new Network(1, 0.1);
        network.AddPopulation("izh", 2, new Izhikevich());
        var error = Assert.Throws<NotSupportedException>(() => new EventDrivenBackend().Compile(network));
        Assert.Contains("izh", error.Message);
    }

    [Fact]
    public void ModulatorIsRejectedAtCompileTimeByName()
    {
        var network = new Network(1, 0.1);
        network.AddPopulation("a", 2, Neuron());
        network.AddModulator("dopamine", 100);
        var error = Assert.Throws<NotSupportedException>(() => new EventDrivenBackend().Compile(network));
        Assert.Contains("dopamine", error.Message);
    }

    [Fact]
    public void NonPositiveDelayIsRejectedWithItsValue()
    {
        var network = new Network(1, 0.1);
        var a = network.AddPopulation("a", 1, Neuron());
        network.Connect(a, a, Connectivity.OneToOne(), Synapse.Excitatory(10, -0.5));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EventDrivenBackend().Compile(network));
        Assert.Contains("-0.5", error.Message);
    }
}
