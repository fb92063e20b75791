using Snn.Bench.Running;
using Snn.Bench.Suites;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Bench.Tests.Suites;

public class CobaSuiteTests
{
    [Fact]
    public void StandardNetworkHas3200ExcitatoryAnd800InhibitoryNeurons()
    {
        var network = CobaNetwork.Build(4000, 42).Network;

        Assert.Equal([3200, 800], network.Populations.Select(p => p.Size));
        Assert.Equal(0.1, network.Dt);
        Assert.Equal(4, network.Projections.Count);
    }

    [Fact]
    public void NeuronHasTheBenchmarkParameters()
    {
        var model = ((Population<LifConductance>)CobaNetwork.Build(4000, 42).Network.Populations[1]).Model;

        Assert.Equal(200, model.CM);
        Assert.Equal(10, model.GL);
        Assert.Equal(20, model.CM / model.GL, 12); // τm (ms)
        Assert.Equal(-60, model.EL);
        Assert.Equal(0, model.EExcitatory);
        Assert.Equal(-80, model.EInhibitory);
        Assert.Equal(5, model.TauSynE);
        Assert.Equal(10, model.TauSynI);
        Assert.Equal(5, model.RefractoryPeriod);
        Assert.Equal(-50, model.VThreshold);
        Assert.Equal(-60, model.VReset);
        Assert.Equal(0, model.IE); // no drive
        Assert.Equal(ConductanceIntegration.ForwardEuler, model.Integration); // Brian2's method='euler', as in the review
    }

    [Fact]
    public void DrivenVariantDiffersOnlyByItsDriveAndInitialState()
    {
        var driven = CobaNetwork.BuildDriven(1000, 42).Network;
        var model = ((Population<LifConductance>)driven.Populations[0]).Model;

        Assert.Equal(CobaNetwork.Neuron with { IE = 200 }, model); // 20 mV · gL
        var states = driven.Populations[0].InitialStates();
        Assert.All(states, s => Assert.Equal(0f, s.SynE));
        Assert.All(states, s => Assert.Equal(0f, s.SynI));
    }

    [Fact]
    public void WeightsAreTheBrianConductancesInNanosiemens()
    {
        var network = CobaNetwork.Build(1000, 42).Network;

        foreach (var projection in network.Projections)
        {
            bool excitatory = projection.Source.Name == "exc";
            Assert.Equal(excitatory ? Receptor.Excitatory : Receptor.Inhibitory, projection.Receptor);
            Assert.All(projection.Instantiate().Weights, w => Assert.Equal(excitatory ? 6f : 67f, w));
        }
    }

    [Fact]
    public void SynapseCountMatchesConnectionProbabilityWithinSamplingError()
    {
        var network = CobaNetwork.Build(4000, 11).Network;
        var (synapses, _) = SuiteRunner.CountSynapses(network);
        double pairs = 4000.0 * 4000.0;
        double p = 0.02;

        Assert.InRange(synapses, p * pairs - 5 * Math.Sqrt(pairs * p * (1 - p)), p * pairs + 5 * Math.Sqrt(pairs * p * (1 - p)));
    }

    [Fact]
    public void InitialStateIsBrian2sRandomPotentialsAndConductances()
    {
        var states = CobaNetwork.Build(4000, 42).Network.Populations[0].InitialStates();
        Assert.All(states, s => Assert.InRange(s.V, -60f, -50f));
        AssertMeanAndSd(states.Select(s => (double)s.V).ToArray(), -55, 10 / Math.Sqrt(12));
        AssertMeanAndSd(states.Select(s => (double)s.SynE).ToArray(), 40, 15);
        AssertMeanAndSd(states.Select(s => (double)s.SynI).ToArray(), 200, 120);
    }

    [Fact]
    public void DrivenInitialPotentialsAreNormalAroundMinus55()
    {
        var states = CobaNetwork.BuildDriven(4000, 42).Network.Populations[0].InitialStates();
        AssertMeanAndSd(states.Select(s => (double)s.V).ToArray(), -55, 5);
    }

    /// <summary>
    /// Brette's benchmark as Brian2 runs it sustains its activity: Brian2 2.5.1 (cpp_standalone,
    /// <c>bench/peers/brian2_coba.py</c>, N = 4000, 1 s) fires at 19.4-19.8 Hz over its seeds, 19.6 Hz
    /// on average. The engine must land within 5 % of that (18.6-20.6 Hz), and still fire at that
    /// rate in the second half of the second (a network that dies out would not).
    /// </summary>
    [Fact]
    public void BrettesNetworkSustainsBrian2sRate()
    {
        var run = SuiteRunner.Run(SuiteCatalog.Coba, new SuiteRunOptions(4000, 1000, 42, WarmUp: false));

        const double brian2RateHz = 19.6;
        Assert.InRange(run.Result.MeanRateHz, 0.95 * brian2RateHz, 1.05 * brian2RateHz);
        long late = run.Spikes.Sum(p => p.Record.Steps.LongCount(s => s * 0.1 >= 500));
        double lateRate = late / (4000 * 0.5);
        Assert.InRange(lateRate, 0.9 * brian2RateHz, 1.1 * brian2RateHz);
    }

    [Fact]
    public void DrivenNetworkKeepsFiring()
    {
        var run = SuiteRunner.Run(SuiteCatalog.CobaDriven, new SuiteRunOptions(1000, 200, 42, WarmUp: false));

        Assert.InRange(run.Result.MeanRateHz, 5, 60);
        var late = run.Spikes.Sum(p => p.Record.Steps.Count(s => s * 0.1 > 150));
        Assert.True(late > 0, "the network should still fire after 150 ms");
    }

    private static void AssertMeanAndSd(double[] values, double mean, double sd)
    {
        double actualMean = values.Average();
        double actualSd = Math.Sqrt(values.Average(v => (v - actualMean) * (v - actualMean)));
        double standardError = sd / Math.Sqrt(values.Length);
        Assert.InRange(actualMean, mean - 5 * standardError, mean + 5 * standardError);
        Assert.InRange(actualSd, 0.94 * sd, 1.06 * sd);
    }
}
