using Snn.Bench.Suites;
using Snn.Core;
using Snn.Core.Models;
using Snn.Learning.Plasticity;

namespace Snn.Bench.Tests.Suites;

public class PolychronizationSuiteTests
{
    [Fact]
    public void NetworkIsSpnetsRsAndFsNeuronsWithOneHundredSynapsesEach()
    {
        var model = PolychronizationNetwork.Build(1000, 1);
        var network = model.Built.Network;
        Assert.Equal([800, 200], network.Populations.Select(p => p.Size));
        Assert.Equal(1.0, network.Dt);
        var exc = ((Population<Izhikevich>)network.Populations[0]).Model;
        var inh = ((Population<Izhikevich>)network.Populations[1]).Model;
        Assert.Equal((0.02, 0.2, -65.0, 8.0), (exc.A, exc.B, exc.C, exc.D));
        Assert.Equal((0.1, 0.2, -65.0, 2.0), (inh.A, inh.B, inh.C, inh.D));

        var outgoing = new int[1000];
        foreach (var projection in network.Projections)
        {
            foreach (int source in projection.Instantiate().Sources)
            {
                outgoing[projection.Source.Offset + source]++;
            }
        }
        Assert.All(outgoing, n => Assert.Equal(100, n));
    }

    [Fact]
    public void ExcitatorySynapsesHaveFiveSynapsesPerDelayAndTheStdpOfThePaper()
    {
        var model = PolychronizationNetwork.Build(1000, 1);
        var network = model.Built.Network;
        var excitatory = network.Projections.Where(p => p.Source.Name == "exc").Select(p => p.Instantiate()).ToArray();
        var delays = excitatory.SelectMany(t => t.DelaySteps).GroupBy(d => d).ToDictionary(g => (int)g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(1, 20), delays.Keys.Order());
        Assert.All(delays.Values, count => Assert.Equal(800 * 5, count));
        Assert.All(excitatory.SelectMany(t => t.Weights), w => Assert.Equal(6f, w));

        var rule = Assert.IsType<PairStdp>(model.Plastic.Plasticity!.Rule);
        Assert.Equal((0.1, 0.12, 20.0, 10.0), (rule.APlus, rule.AMinus, rule.TauPlus, rule.WMax));
        var inhibitory = network.Projections.Single(p => p.Source.Name == "inh").Instantiate();
        Assert.All(inhibitory.Weights, w => Assert.Equal(-5f, w));
        Assert.All(inhibitory.DelaySteps, d => Assert.Equal(1, d));
        Assert.Equal("exc", network.Projections.Single(p => p.Source.Name == "inh").Target.Name);
    }

    [Fact]
    public void ThalamicInputGivesEachNeuronOneInputPerThousandMilliseconds()
    {
        var network = PolychronizationNetwork.Build(1000, 1).Built.Network;
        Assert.All(network.PoissonDrives, d => Assert.Equal(1.0, d.RateHz, 1e-12));
        Assert.All(network.PoissonDrives, d => Assert.Equal(20, d.Weight));
    }

    [Fact]
    public void WelchSpectrumFindsAGammaRhythmInASyntheticRate()
    {
        var random = new Random(3);
        var counts = Enumerable.Range(0, 20_000).Select(k => 10 + 5 * Math.Sin(2 * Math.PI * 40 * k / 1000.0) + random.NextDouble()).ToArray();
        var spectrum = PolychronizationAnalysis.WelchSpectrum(counts, 1000);
        Assert.Equal(40, Snn.Core.Analysis.SpikeTrainStatistics.PeakFrequency(spectrum, 5, 200));
    }
}
