using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;

namespace Snn.Core.Tests.Validation;

/// <summary>
/// DESIGN.md, "Bad input": every public entry point throws an <see cref="ArgumentException"/> (or
/// a subclass) whose message names the parameter (and whose ParamName is it); nothing is clamped.
/// </summary>
public class BadInputTests
{
    private static void AssertNames(string parameter, Action action)
    {
        var error = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Contains(parameter, error.Message);
        Assert.Equal(parameter, error.ParamName);
    }

    private static void SealFails(string parameter, Network network) => AssertNames(parameter, network.Seal);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidTimeStepIsRejected(double dt) => AssertNames("dt", () => _ = new Network(1, dt));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void EmptyOrNegativePopulationIsRejected(int size)
    {
        var network = new Network();
        AssertNames("size", () => network.AddPopulation("empty", size, new LifCurrent()));
        AssertNames("size", () => network.AddPoissonInput("poisson", size, 10));
    }

    [Fact]
    public void EmptyParameterListsAndSpikeSourcesAreRejected()
    {
        var network = new Network();
        Assert.ThrowsAny<ArgumentException>(() => network.AddPopulation("empty", Array.Empty<LifCurrent>()));
        Assert.ThrowsAny<ArgumentException>(() => network.AddPoissonInput("empty", Array.Empty<double>()));
        AssertNames("size", () => network.AddSpikeSource("empty", []));
        Assert.Empty(network.Populations);
    }

    [Fact]
    public void DuplicatePopulationNameIsRejected()
    {
        var network = new Network();
        network.AddPopulation("exc", 3, new LifCurrent());
        AssertNames("name", () => network.AddPopulation("exc", 3, new LifCurrent()));
        AssertNames("name", () => network.AddPoissonInput("exc", 3, 5));
        AssertNames("name", () => network.AddSpikeSource("exc", [[1.0]]));
        Assert.Single(network.Populations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void BlankPopulationNameIsRejected(string name)
        => AssertNames("name", () => new Network().AddPopulation(name, 3, new LifCurrent()));

    [Fact]
    public void NetworkWithoutPopulationsCannotBeCompiled()
        => Assert.ThrowsAny<ArgumentException>(() => new Network().Seal());

    public static TheoryData<string, LifCurrent> BadLifCurrents => new()
    {
        { "TauM", new LifCurrent { TauM = double.NaN } },
        { "TauM", new LifCurrent { TauM = 0 } },
        { "TauM", new LifCurrent { TauM = -10 } },
        { "CM", new LifCurrent { CM = double.PositiveInfinity } },
        { "CM", new LifCurrent { CM = 0 } },
        { "TauSynE", new LifCurrent { TauSynE = double.NaN } },
        { "TauSynI", new LifCurrent { TauSynI = -1 } },
        { "RefractoryPeriod", new LifCurrent { RefractoryPeriod = -1 } },
        { "RefractoryPeriod", new LifCurrent { RefractoryPeriod = double.NaN } },
        { "EL", new LifCurrent { EL = double.NaN } },
        { "VThreshold", new LifCurrent { VThreshold = double.NegativeInfinity } },
        { "VReset", new LifCurrent { VReset = double.NaN } },
        { "VReset", new LifCurrent { VReset = -50, VThreshold = -55 } },
        { "IE", new LifCurrent { IE = double.NaN } },
    };

    [Theory]
    [MemberData(nameof(BadLifCurrents))]
    public void InvalidLifCurrentParameterIsRejected(string parameter, LifCurrent model)
    {
        var network = new Network();
        network.AddPopulation("lif", 4, model);
        SealFails(parameter, network);
        Assert.False(network.IsSealed);
    }

    [Fact]
    public void InvalidParameterOfOneNeuronOfAHeterogeneousPopulationIsRejected()
    {
        var network = new Network();
        var models = Enumerable.Repeat(new LifCurrent(), 5).ToArray();
        models[3] = new LifCurrent { TauM = double.NaN };
        network.AddPopulation("lif", models);
        var error = Assert.ThrowsAny<ArgumentException>(network.Seal);
        Assert.Contains("TauM", error.Message);
        Assert.Contains("neuron 3", error.Message);
    }

    public static TheoryData<string, LifConductance> BadLifConductances => new()
    {
        { "GL", new LifConductance { GL = 0 } },
        { "GL", new LifConductance { GL = double.NaN } },
        { "CM", new LifConductance { CM = -250 } },
        { "EExcitatory", new LifConductance { EExcitatory = double.NaN } },
        { "EInhibitory", new LifConductance { EInhibitory = double.PositiveInfinity } },
        { "TauSynE", new LifConductance { TauSynE = 0 } },
        { "VReset", new LifConductance { VReset = -40 } },
    };

    [Theory]
    [MemberData(nameof(BadLifConductances))]
    public void InvalidLifConductanceParameterIsRejected(string parameter, LifConductance model)
    {
        var network = new Network();
        network.AddPopulation("cond", 4, model);
        SealFails(parameter, network);
    }

    public static TheoryData<string, Izhikevich> BadIzhikevichs => new()
    {
        { "A", Izhikevich.RegularSpiking with { A = double.NaN } },
        { "B", Izhikevich.RegularSpiking with { B = double.PositiveInfinity } },
        { "C", Izhikevich.RegularSpiking with { C = double.NaN } },
        { "D", Izhikevich.RegularSpiking with { D = double.NegativeInfinity } },
        { "Bias", Izhikevich.RegularSpiking with { Bias = double.NaN } },
        { "VPeak", Izhikevich.RegularSpiking with { VPeak = double.NaN } },
        { "C", Izhikevich.RegularSpiking with { C = 40 } },
    };

    [Theory]
    [MemberData(nameof(BadIzhikevichs))]
    public void InvalidIzhikevichParameterIsRejected(string parameter, Izhikevich model)
    {
        var network = new Network();
        network.AddPopulation("izh", 4, model);
        SealFails(parameter, network);
    }

    [Fact]
    public void UnknownIzhikevichPresetIsRejected() => AssertNames("name", () => Izhikevich.Preset("XX"));

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidPoissonRateIsRejected(double rate)
    {
        var network = new Network();
        network.AddPoissonInput("poisson", 3, rate);
        SealFails("RateHz", network);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void ProbabilityOutsideTheUnitIntervalIsRejected(double p)
    {
        AssertNames("p", () => Connectivity.Probability(p));
        AssertNames("c", () => Connectivity.DistanceDependent(p, 1));
    }

    [Fact]
    public void InvalidConnectivityParametersAreRejected()
    {
        AssertNames("k", () => Connectivity.FixedInDegree(-1));
        AssertNames("k", () => Connectivity.FixedOutDegree(-1));
        AssertNames("n", () => Connectivity.FixedTotalNumber(-1));
        AssertNames("lambda", () => Connectivity.DistanceDependent(0.5, 0));
        AssertNames("lambda", () => Connectivity.DistanceDependent(0.5, double.NaN));
        AssertNames("targets", () => Connectivity.Pairs([0, 1], [0]));
    }

    [Fact]
    public void NonFiniteOrInconsistentDistributionParametersAreRejected()
    {
        AssertNames("value", () => Dist.Constant(double.NaN));
        AssertNames("low", () => Dist.Uniform(double.NaN, 1));
        AssertNames("high", () => Dist.Uniform(0, double.PositiveInfinity));
        AssertNames("high", () => Dist.Uniform(2, 1));
        AssertNames("mean", () => Dist.Normal(double.NaN, 1));
        AssertNames("sd", () => Dist.Normal(0, -1));
        AssertNames("sd", () => Dist.Normal(0, double.NaN));
        AssertNames("max", () => Dist.Normal(0, 1, 2, 1));
        AssertNames("mu", () => Dist.LogNormal(double.PositiveInfinity, 1));
        AssertNames("sigma", () => Dist.LogNormal(0, -0.5));
        AssertNames("values", () => Dist.Explicit([1, double.NaN]));
    }

    [Fact]
    public void InvalidDelaysAreRejectedWhenSynapsesAreRealised()
    {
        foreach (double delay in new[] { -1.0, 0.0, 0.04, 65536 * 0.1, 1e9 })
        {
            var network = Statistics.TwoPopulations(3, 3, out var source, out var target);
            var projection = network.Connect(source, target, Connectivity.AllToAll(), Synapse.Excitatory(1, delay));
            var error = Assert.ThrowsAny<ArgumentException>(projection.Instantiate);
            Assert.Contains("delay", error.Message);
        }
    }

    /// <summary>NEST refuses delays below the resolution before rounding them (BadDelay); a delay
    /// of 0.07 ms at dt = 0.1 ms is not one step, and rounding it up would be silent clamping.</summary>
    [Theory]
    [InlineData(0.06)]
    [InlineData(0.09)]
    public void DelayBelowTheTimeStepIsRejected(double delay)
    {
        var network = Statistics.TwoPopulations(3, 3, out var source, out var target);
        var projection = network.Connect(source, target, Connectivity.AllToAll(), Synapse.Excitatory(1, delay));
        Assert.Contains("delay", Assert.ThrowsAny<ArgumentException>(projection.Instantiate).Message);
    }

    [Fact]
    public void NegativeConductanceWeightIsRejected()
    {
        var network = new Network();
        var source = network.AddPopulation("source", 3, new LifCurrent());
        var target = network.AddPopulation("cond", 3, new LifConductance());
        var projection = network.Connect(source, target, Connectivity.AllToAll(), Synapse.Inhibitory(-2));
        Assert.Contains("weight", Assert.ThrowsAny<ArgumentException>(projection.Instantiate).Message);
    }

    [Fact]
    public void ConnectingIntoAnInputSourceIsRejected()
    {
        var network = new Network();
        var lif = network.AddPopulation("lif", 3, new LifCurrent());
        var poisson = network.AddPoissonInput("poisson", 3, 10);
        var replay = network.AddSpikeSource("replay", [[1.0], [2.0], [3.0]]);
        AssertNames("target", () => network.Connect(lif, poisson, Connectivity.OneToOne(), Synapse.Excitatory(1)));
        AssertNames("target", () => network.Connect(lif, replay, Connectivity.OneToOne(), Synapse.Excitatory(1)));
        Assert.Empty(network.Projections);
    }

    [Fact]
    public void PopulationOfAnotherNetworkIsRejected()
    {
        var network = new Network();
        var mine = network.AddPopulation("lif", 3, new LifCurrent());
        var other = new Network().AddPopulation("lif", 3, new LifCurrent());
        AssertNames("source", () => network.Connect(other, mine, Connectivity.OneToOne(), Synapse.Excitatory(1)));
        AssertNames("target", () => network.Connect(mine, other, Connectivity.OneToOne(), Synapse.Excitatory(1)));
        AssertNames("population", () => network.RecordSpikes(other));
        AssertNames("target", () => network.Inject(other, new DcCurrent(1)));
    }

    [Theory]
    [InlineData(new[] { 3 })]
    [InlineData(new[] { -1 })]
    [InlineData(new[] { 0, 0 })]
    public void BadNeuronIndicesForMonitorsAndInjectionsAreRejected(int[] neurons)
    {
        var network = new Network();
        var population = network.AddPopulation("lif", 3, new LifCurrent());
        AssertNames("neurons", () => network.RecordSpikes(population, neurons));
        AssertNames("neurons", () => network.RecordState(population, StateVariable.V, neurons));
        AssertNames("neurons", () => network.Inject(population, new DcCurrent(10), neurons));
        Assert.Empty(network.Monitors);
        Assert.Empty(network.Injections);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(0.15)]
    [InlineData(double.NaN)]
    public void StateSamplingIntervalMustBeAWholeNumberOfSteps(double interval)
    {
        var network = new Network(1, 0.1);
        var population = network.AddPopulation("lif", 3, new LifCurrent());
        AssertNames("intervalMs", () => network.RecordState(population, StateVariable.V, intervalMs: interval));
    }

    [Fact]
    public void InvalidSpikeTimesAreRejected()
    {
        var network = new Network(1, 0.1);
        AssertNames("timesMs", () => network.AddSpikeSource("early", [[0.0]]));
        AssertNames("timesMs", () => network.AddSpikeSource("negative", [[-1.0]]));
        AssertNames("timesMs", () => network.AddSpikeSource("nan", [[1.0, double.NaN]]));
        Assert.ThrowsAny<ArgumentException>(() => network.AddSpikeSource("null", [null!]));
    }

    [Fact]
    public void InvalidCurrentSourcesAreRejected()
    {
        AssertNames("amplitudePa", () => new DcCurrent(double.NaN));
        AssertNames("startMs", () => new DcCurrent(1, -1));
        AssertNames("stopMs", () => new DcCurrent(1, 10, 5));
        AssertNames("amplitudesPa", () => new StepCurrent([0.0, 1.0], [1.0]));
        AssertNames("amplitudesPa", () => new StepCurrent([0.0], [double.PositiveInfinity]));
        AssertNames("timesMs", () => new StepCurrent([1.0, 1.0], [1.0, 2.0]));
        AssertNames("timesMs", () => new StepCurrent([-1.0], [1.0]));
        AssertNames("sdPa", () => new NoiseCurrent(0, -1));
        AssertNames("meanPa", () => new NoiseCurrent(double.NaN, 1));
    }

    [Fact]
    public void InvalidPositionsAndInitialValuesAreRejected()
    {
        var network = new Network();
        var population = network.AddPopulation("lif", 8, new LifCurrent());
        AssertNames("nx", () => population.OnGrid(3, 3, 1));
        AssertNames("nx", () => population.OnGrid(0, 1, 8));
        AssertNames("spacing", () => population.OnGrid(2, 2, 2, double.NaN));
        AssertNames("xyz", () => population.WithPositions(new float[23]));
        AssertNames("xyz", () => population.WithPositions(Enumerable.Repeat(float.NaN, 24).ToArray()));
        AssertNames("distribution", () => population.WithInitial(StateVariable.V, Dist.Explicit([1, 2, 3])));
    }

    [Fact]
    public void NetworkCannotChangeAfterItIsSealed()
    {
        var network = new Network();
        var population = network.AddPopulation("lif", 3, new LifCurrent());
        network.Seal();
        Assert.Throws<InvalidOperationException>(() => network.AddPopulation("more", 3, new LifCurrent()));
        Assert.Throws<InvalidOperationException>(() => network.Connect(population, population, Connectivity.AllToAll(), Synapse.Excitatory(1)));
        Assert.Throws<InvalidOperationException>(() => network.Inject(population, new DcCurrent(1)));
        Assert.Throws<InvalidOperationException>(() => network.RecordSpikes(population));
        Assert.Throws<InvalidOperationException>(() => population.WithInitial(StateVariable.V, Dist.Constant(-65)));
        Assert.Throws<InvalidOperationException>(() => population.OnGrid(3, 1, 1));
    }
}
