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
        Assert.Equal(200, model.IE); // 20 mV · gL
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
    public void InitialPotentialsAreNormalAroundMinus55()
    {
        var states = CobaNetwork.Build(4000, 42).Network.Populations[0].InitialStates();
        double mean = states.Average(s => s.V);
        double sd = Math.Sqrt(states.Average(s => (s.V - mean) * (s.V - mean)));

        Assert.InRange(mean, -55.3, -54.7);
        Assert.InRange(sd, 4.7, 5.3);
        Assert.All(states, s => Assert.Equal(0f, s.SynE));
    }

    [Fact]
    public void DrivenNetworkKeepsFiring()
    {
        var run = SuiteRunner.Run(SuiteCatalog.Coba, new SuiteRunOptions(1000, 200, 42, WarmUp: false));

        Assert.InRange(run.Result.MeanRateHz, 5, 60);
        var late = run.Spikes.Sum(p => p.Record.Steps.Count(s => s * 0.1 > 150));
        Assert.True(late > 0, "the network should still fire after 150 ms");
    }
}
