using Snn.Backends.Cpu;
using Snn.Bench.Suites;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Bench.Tests.Suites;

public class CubaSuiteTests
{
    [Fact]
    public void StandardNetworkHas3200ExcitatoryAnd800InhibitoryNeurons()
    {
        var network = CubaNetwork.Build(4000, 42).Network;

        Assert.Equal(4000, network.NeuronCount);
        Assert.Equal(["exc", "inh"], network.Populations.Select(p => p.Name));
        Assert.Equal([3200, 800], network.Populations.Select(p => p.Size));
        Assert.Equal(0.1, network.Dt);
        Assert.Equal(4, network.Projections.Count);
    }

    [Fact]
    public void NeuronHasBrian2CubaParameters()
    {
        var population = (Population<LifCurrent>)CubaNetwork.Build(4000, 42).Network.Populations[0];
        var model = population.Model;

        Assert.False(population.IsHeterogeneous);
        Assert.Equal(20, model.TauM);
        Assert.Equal(5, model.TauSynE);
        Assert.Equal(10, model.TauSynI);
        Assert.Equal(-49, model.EL);
        Assert.Equal(-50, model.VThreshold);
        Assert.Equal(-60, model.VReset);
        Assert.Equal(5, model.RefractoryPeriod);
    }

    [Fact]
    public void InitialPotentialsAreUniformBetweenResetAndThreshold()
    {
        var states = CubaNetwork.Build(4000, 42).Network.Populations[0].InitialStates();

        Assert.All(states, s => Assert.InRange(s.V, -60f, -50f));
        Assert.InRange(states.Average(s => s.V), -55.3, -54.7);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(1000)]
    public void SynapseCountMatchesConnectionProbabilityWithinSamplingError(int size)
    {
        var network = CubaNetwork.Build(size, 7).Network;
        double p = CubaNetwork.ConnectionProbability(size);

        foreach (var projection in network.Projections)
        {
            double pairs = (double)projection.Source.Size * projection.Target.Size;
            double expected = p * pairs;
            double sd = Math.Sqrt(pairs * p * (1 - p));
            Assert.InRange(projection.Instantiate().Count, expected - 5 * sd, expected + 5 * sd);
        }
    }

    [Fact]
    public void WeightsAreBrian2VoltageJumpsConvertedToCurrents()
    {
        var network = CubaNetwork.Build(1000, 42).Network;

        Assert.Equal(20.25, CubaNetwork.ExcitatoryWeightPa, 12);
        Assert.Equal(-112.5, CubaNetwork.InhibitoryWeightPa, 12);
        foreach (var projection in network.Projections)
        {
            float expected = projection.Source.Name == "exc" ? 20.25f : -112.5f;
            Assert.All(projection.Instantiate().Weights, w => Assert.Equal(expected, w));
            Assert.Equal(projection.Source.Name == "exc" ? Receptor.Excitatory : Receptor.Inhibitory, projection.Receptor);
        }
    }

    [Fact]
    public void ExcitatoryWeightGivesTheBrian2PostsynapticPotential()
    {
        // Brian2: dv/dt = (ge - (v - El))/τm, dge/dt = -ge/τe, ge += 1.62 mV. The potential's peak is
        // we·τe/(τm − τe)·(e^(−t*/τm) − e^(−t*/τe)) at t* = ln(τm/τe)·τm·τe/(τm − τe).
        var network = new Network(1, dt: 0.1);
        var source = network.AddSpikeSource("pre", [[1.0]]);
        var quiet = CubaNetwork.Neuron with { EL = -70, VReset = -80, VThreshold = 0 };
        var target = network.AddPopulation("post", 1, quiet);
        network.Connect(source, target, Snn.Core.Connections.Connectivity.AllToAll(), Synapse.Excitatory(CubaNetwork.ExcitatoryWeightPa));
        var trace = network.RecordState(target, StateVariable.V);
        using var simulation = new CpuBackend().Compile(network);
        simulation.Run(40);

        double peak = simulation.GetState(trace).Trace(0).Max() - quiet.EL;
        double tauM = 20, tauE = 5;
        double tPeak = Math.Log(tauM / tauE) * tauM * tauE / (tauM - tauE);
        double expected = CubaNetwork.ExcitatoryJumpMv * tauE / (tauM - tauE) * (Math.Exp(-tPeak / tauM) - Math.Exp(-tPeak / tauE));
        Assert.Equal(expected, peak, 3);
    }
}
