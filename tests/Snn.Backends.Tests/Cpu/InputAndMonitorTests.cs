using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Cpu;

/// <summary>Poisson and replayed inputs, and what the monitors record.</summary>
[Collection(MultithreadedCollection.Name)]
public class InputAndMonitorTests
{
    /// <summary>Each source fires in a step with probability p = rate·dt (Bernoulli per step, the
    /// discretised Poisson process of NEST's poisson_generator). Over N sources and S steps the count
    /// is Binomial(N S, p): mean N S p, sd √(N S p (1 − p)); per-source counts have Fano factor
    /// 1 − p ≈ 1; intervals are geometric, so a fraction (1 − p)^(1/p) ≈ e^(−1) exceed the mean.</summary>
    [Fact]
    public void PoissonSourcesFireAtTheirRateWithPoissonStatistics()
    {
        const int sources = 1000;
        const double rate = 20, duration = 1000, dt = 0.1;
        var network = new Network(11, dt);
        var poisson = network.AddPoissonInput("poisson", sources, rate);
        var spikes = network.RecordSpikes(poisson);
        using var simulation = SimulationHelpers.Run(network, duration);
        var record = simulation.GetSpikes(spikes);

        double p = rate * dt / 1000, trials = sources * duration / dt;
        double mean = trials * p, sd = Math.Sqrt(trials * p * (1 - p));
        Assert.InRange(record.Count, mean - 5 * sd, mean + 5 * sd);
        Assert.Equal(rate, record.MeanRate(), 5 * sd / trials * 1000 / dt);

        var counts = record.CountsPerNeuron().Select(c => (double)c).ToArray();
        double countMean = counts.Average();
        double fano = counts.Sum(c => (c - countMean) * (c - countMean)) / (counts.Length - 1) / countMean;
        Assert.InRange(fano, 0.8, 1.2);

        var intervals = Enumerable.Range(0, sources).SelectMany(n => SimulationHelpers.Intervals(record.TimesOf(n))).ToArray();
        double aboveMean = intervals.Count(isi => isi > 1000 / rate + dt / 2) / (double)intervals.Length;
        double expected = Math.Pow(1 - p, Math.Floor(1000 / rate / dt));
        Assert.Equal(expected, aboveMean, 5 * Math.Sqrt(expected * (1 - expected) / intervals.Length));
    }

    [Fact]
    public void PoissonSourcesWithPerNeuronRatesFireAtEachRate()
    {
        double[] rates = [0, 5, 50, 400];
        const int copies = 200;
        const double duration = 500, dt = 0.1;
        var network = new Network(12, dt);
        var poisson = network.AddPoissonInput("poisson", rates.SelectMany(r => Enumerable.Repeat(r, copies)).ToArray());
        var spikes = network.RecordSpikes(poisson);
        using var simulation = SimulationHelpers.Run(network, duration);
        var counts = simulation.GetSpikes(spikes).CountsPerNeuron();
        for (int r = 0; r < rates.Length; r++)
        {
            long total = counts.Skip(r * copies).Take(copies).Sum();
            double p = rates[r] * dt / 1000, trials = copies * duration / dt;
            double sd = Math.Sqrt(trials * p * (1 - p));
            Assert.InRange(total, trials * p - 5 * sd, trials * p + 5 * sd);
        }
    }

    [Fact]
    public void PoissonTrainsDependOnlyOnTheSeed()
    {
        SpikeRecordPair Run(ulong seed, int threads)
        {
            var network = new Network(seed, 0.1);
            var a = network.AddPoissonInput("a", 700, 30);
            var b = network.AddPoissonInput("b", 300, 80);
            var ma = network.RecordSpikes(a);
            var mb = network.RecordSpikes(b);
            using var simulation = SimulationHelpers.Run(network, 200, threads);
            return new SpikeRecordPair(simulation.GetSpikes(ma), simulation.GetSpikes(mb));
        }

        var one = Run(21, 1);
        var two = Run(21, 2);
        SimulationHelpers.AssertSameSpikes(one.A, two.A);
        SimulationHelpers.AssertSameSpikes(one.B, two.B);
        var other = Run(22, 1);
        Assert.False(one.A.Steps.SequenceEqual(other.A.Steps) && one.A.Neurons.SequenceEqual(other.A.Neurons));
    }

    private sealed record SpikeRecordPair(Snn.Core.Monitors.SpikeRecord A, Snn.Core.Monitors.SpikeRecord B);

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void SpikeSourceReplaysItsTimesExactly(double dt)
    {
        double[][] times = [[dt, 5 * dt, 23 * dt, 100 * dt], [], [77 * dt], [40 * dt, 3 * dt, 12 * dt]];
        var network = new Network(1, dt);
        var source = network.AddSpikeSource("replay", times);
        var spikes = network.RecordSpikes(source);
        using var simulation = SimulationHelpers.Run(network, 150 * dt);
        var record = simulation.GetSpikes(spikes);
        for (int n = 0; n < times.Length; n++)
        {
            var expected = times[n].Order().Select(t => SimulationHelpers.Steps(t, dt));
            Assert.Equal(expected, record.TimesOf(n).Select(t => SimulationHelpers.Steps(t, dt)));
        }
        Assert.Equal(record.Steps.Order(), record.Steps);
    }

    [Fact]
    public void SpikeSourceRoundsTimesToTheGridAndFiresOncePerGridPoint()
    {
        var network = new Network(1, 0.1);
        var source = network.AddSpikeSource("replay", [[0.33, 1.0, 1.0, 1.04, 2.26]]);
        var spikes = network.RecordSpikes(source);
        using var simulation = SimulationHelpers.Run(network, 5);
        Assert.Equal([3L, 10L, 23L], simulation.GetSpikes(spikes).Steps);
    }

    [Fact]
    public void SpikeMonitorRecordsOnlyTheChosenNeurons()
    {
        const double duration = 100;
        var network = new Network(1, 0.1);
        var population = network.AddPopulation("lif", 6, new LifCurrent { IE = 1000 });
        var subset = network.RecordSpikes(population, [4, 1]);
        var all = network.RecordSpikes(population);
        using var simulation = SimulationHelpers.Run(network, duration);
        var record = simulation.GetSpikes(subset);
        var full = simulation.GetSpikes(all);

        Assert.Equal(2, record.RecordedNeurons);
        Assert.Equal(6, record.PopulationSize);
        Assert.All(record.Neurons, n => Assert.Contains(n, new[] { 1, 4 }));
        Assert.Equal(full.TimesOf(1), record.TimesOf(1));
        Assert.Equal(full.TimesOf(4), record.TimesOf(4));
        Assert.Equal(record.Count / (2 * duration / 1000), record.MeanRate(), 1e-9);
        var counts = record.CountsPerNeuron();
        Assert.Equal(6, counts.Length);
        Assert.Equal(0, counts[0] + counts[2] + counts[3] + counts[5]);
        Assert.True(counts[1] > 0 && counts[4] > 0);
    }

    /// <summary>Sampling every 1 ms (10 steps) records V at t = 1, 2, … ms, the ends of the sampled
    /// steps, which for a subthreshold LIF under a bias current are the closed form
    /// EL + R IE (1 − e^(−t/τm)).</summary>
    [Fact]
    public void StateMonitorSamplesChosenNeuronsAtItsInterval()
    {
        const double dt = 0.1, interval = 1;
        double[] bias = [100, 200, 300];
        var network = new Network(1, dt);
        var population = network.AddPopulation("lif", bias.Select(ie => new LifCurrent { IE = ie, VThreshold = 100 }).ToArray());
        var monitor = network.RecordState(population, StateVariable.V, [2, 0], interval);
        using var simulation = SimulationHelpers.Compile(network);
        simulation.Run(25.3);
        simulation.Run(24.7);
        var record = simulation.GetState(monitor);

        Assert.Equal([0, 2], record.Neurons);
        Assert.Equal(Enumerable.Range(1, 50).Select(t => (double)t), record.Times.Select(t => Math.Round(t, 9)));
        var model = population.Model;
        for (int s = 0; s < record.Times.Length; s++)
        {
            for (int k = 0; k < 2; k++)
            {
                double rI = model.TauM / model.CM * bias[record.Neurons[k]];
                Assert.Equal(model.EL + rI * (1 - Math.Exp(-record.Times[s] / model.TauM)), record.Values[s][k], 1e-3);
            }
        }
    }

    [Fact]
    public void RateMonitorCountsSpikesPerStepAndGivesThePopulationRate()
    {
        const double dt = 0.1;
        double[][] times = [[0.1, 0.5, 1.0], [0.5, 1.5], [], [1.9, 2.0]];
        var network = new Network(1, dt);
        var source = network.AddSpikeSource("replay", times);
        var rate = network.RecordRate(source);
        using var simulation = SimulationHelpers.Run(network, 3);
        var record = simulation.GetRate(rate);

        var expected = new int[30];
        foreach (double t in times.SelectMany(x => x))
        {
            expected[SimulationHelpers.Steps(t, dt) - 1]++;
        }
        Assert.Equal(expected, record.Counts);
        // 1 ms bins of 4 neurons: spikes at (0,1] ms: 0.1, 0.5, 0.5, 1.0 -> 4; (1,2]: 1.5, 1.9, 2.0 -> 3; (2,3]: 0.
        var rates = record.Rates(1.0);
        Assert.Equal(3, rates.Length);
        Assert.Equal(1000.0, rates[0], 1e-9);
        Assert.Equal(750.0, rates[1], 1e-9);
        Assert.Equal(0.0, rates[2], 1e-9);
    }
}
