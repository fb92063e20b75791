using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// Bad input that can only be seen when a network is compiled or run (DESIGN.md, "Bad input"):
/// an <see cref="ArgumentException"/> naming the parameter; changes after compiling are an
/// <see cref="InvalidOperationException"/>.
/// </summary>
public class BadInputTests
{
    private static ArgumentException CompileFails(Network network)
        => Assert.ThrowsAny<ArgumentException>(() => SimulationHelpers.Compile(network).Dispose());

    private static Network TwoPopulations(out Population<LifCurrent> source, out Population<LifCurrent> target, double dt = 0.1)
    {
        var network = new Network(1, dt);
        source = network.AddPopulation("source", 5, new LifCurrent());
        target = network.AddPopulation("target", 5, new LifCurrent());
        return network;
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidDelayIsRejected(double delay)
    {
        var network = TwoPopulations(out var source, out var target);
        network.Connect(source, target, Connectivity.AllToAll(), Synapse.Excitatory(1, double.IsFinite(delay) ? Dist.Constant(delay) : new NonFiniteDist(delay)));
        Assert.Contains("delay", CompileFails(network).Message);
    }

    [Fact]
    public void NegativeDelayFromADistributionIsRejected()
    {
        var network = TwoPopulations(out var source, out var target);
        network.Connect(source, target, Connectivity.AllToAll(), Synapse.Excitatory(1, Dist.Uniform(-2, 1)));
        Assert.Contains("delay", CompileFails(network).Message);
    }

    [Theory]
    [InlineData(0.1, 65536)]
    [InlineData(1.0, 70000)]
    public void DelayBeyondTheRingBufferIsRejected(double dt, int steps)
    {
        var network = TwoPopulations(out var source, out var target, dt);
        network.Connect(source, target, Connectivity.OneToOne(), Synapse.Excitatory(1, steps * dt));
        var error = CompileFails(network);
        Assert.Contains("delay", error.Message);
        Assert.Contains("65535", error.Message);
    }

    /// <summary>NEST refuses a delay below the resolution (BadDelay) before rounding; so must Snn:
    /// 0.5·dt and 0.7·dt are not one step.</summary>
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.07)]
    [InlineData(0.099)]
    public void DelayBelowTheTimeStepIsRejected(double delay)
    {
        var network = TwoPopulations(out var source, out var target);
        network.Connect(source, target, Connectivity.OneToOne(), Synapse.Excitatory(1, delay));
        Assert.Contains("delay", CompileFails(network).Message);
    }

    [Fact]
    public void DelayOfExactlyOneStepIsAccepted()
    {
        var network = TwoPopulations(out var source, out var target);
        network.Connect(source, target, Connectivity.OneToOne(), Synapse.Excitatory(1, 0.1));
        SimulationHelpers.Compile(network).Dispose();
    }

    [Fact]
    public void NegativeConductanceWeightIsRejected()
    {
        var network = new Network(1, 0.1);
        var source = network.AddPoissonInput("input", 5, 10);
        var target = network.AddPopulation("cond", 5, new LifConductance());
        network.Connect(source, target, Connectivity.AllToAll(), Synapse.Inhibitory(Dist.Uniform(-1, 1)));
        Assert.Contains("weight", CompileFails(network).Message);
    }

    [Fact]
    public void ExplicitWeightsOfTheWrongCountAreRejected()
    {
        var network = TwoPopulations(out var source, out var target);
        network.Connect(source, target, Connectivity.OneToOne(), Synapse.Excitatory(Dist.Explicit([1, 2, 3])));
        Assert.Contains("weight", CompileFails(network).Message);
    }

    [Theory]
    [InlineData("TauM")]
    [InlineData("CM")]
    [InlineData("TauSynE")]
    [InlineData("VThreshold")]
    [InlineData("IE")]
    [InlineData("RefractoryPeriod")]
    public void NonFiniteLifParameterIsRejectedAtCompile(string parameter)
    {
        var model = parameter switch
        {
            "TauM" => new LifCurrent { TauM = double.NaN },
            "CM" => new LifCurrent { CM = double.PositiveInfinity },
            "TauSynE" => new LifCurrent { TauSynE = double.NaN },
            "VThreshold" => new LifCurrent { VThreshold = double.NaN },
            "IE" => new LifCurrent { IE = double.NegativeInfinity },
            _ => new LifCurrent { RefractoryPeriod = double.NaN },
        };
        var network = new Network(1, 0.1);
        network.AddPopulation("lif", 3, model);
        var error = CompileFails(network);
        Assert.Contains(parameter, error.Message);
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void PoissonRateAboveOnePerStepIsRejected()
    {
        var network = new Network(1, 0.1);
        network.AddPoissonInput("poisson", 3, 20000);
        Assert.Contains("RateHz", CompileFails(network).Message);
    }

    [Fact]
    public void FixedInDegreeLargerThanTheSourceIsRejected()
    {
        var network = TwoPopulations(out var source, out var target);
        network.Connect(source, target, Connectivity.FixedInDegree(6), Synapse.Excitatory(1));
        Assert.Contains("k", CompileFails(network).ParamName);
    }

    [Fact]
    public void OneToOneBetweenDifferentSizesIsRejected()
    {
        var network = new Network(1, 0.1);
        var a = network.AddPopulation("a", 5, new LifCurrent());
        var b = network.AddPopulation("b", 6, new LifCurrent());
        network.Connect(a, b, Connectivity.OneToOne(), Synapse.Excitatory(1));
        Assert.Contains("connectivity", CompileFails(network).ParamName);
    }

    [Fact]
    public void PairsWithIndicesOutsideThePopulationsAreRejected()
    {
        var network = TwoPopulations(out var source, out var target);
        network.Connect(source, target, Connectivity.Pairs([0, 5], [1, 1]), Synapse.Excitatory(1));
        Assert.Contains("sources", CompileFails(network).Message);
    }

    [Fact]
    public void ZeroThreadsIsRejected()
    {
        var network = TwoPopulations(out _, out _);
        var error = Assert.ThrowsAny<ArgumentException>(() => new Snn.Backends.Cpu.CpuBackend(new Snn.Backends.Cpu.CpuBackendOptions { Threads = 0 }).Compile(network));
        Assert.Contains("Threads", error.Message);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidRunDurationIsRejected(double duration)
    {
        using var simulation = SimulationHelpers.Compile(TwoPopulations(out _, out _));
        Assert.Contains("durationMs", Assert.ThrowsAny<ArgumentException>(() => simulation.Run(duration)).Message);
    }

    [Fact]
    public void InvalidWeightsAreRejectedBySetWeights()
    {
        var network = TwoPopulations(out var source, out var target);
        var projection = network.Connect(source, target, Connectivity.OneToOne(), Synapse.Excitatory(1));
        var condNetwork = new Network(1, 0.1);
        var input = condNetwork.AddPoissonInput("in", 2, 1);
        var cond = condNetwork.AddPopulation("cond", 2, new LifConductance());
        var condProjection = condNetwork.Connect(input, cond, Connectivity.OneToOne(), Synapse.Excitatory(1));
        using var simulation = SimulationHelpers.Compile(network);
        using var condSimulation = SimulationHelpers.Compile(condNetwork);

        Assert.Contains("weights", Assert.ThrowsAny<ArgumentException>(() => simulation.SetWeights(projection, new float[4])).Message);
        Assert.Contains("weights", Assert.ThrowsAny<ArgumentException>(() => simulation.SetWeights(projection, [1, 1, float.NaN, 1, 1])).Message);
        Assert.Contains("weights", Assert.ThrowsAny<ArgumentException>(() => condSimulation.SetWeights(condProjection, [1, -1])).Message);
        Assert.ThrowsAny<ArgumentException>(() => simulation.SetWeights(condProjection, [1, 1]));
    }

    [Fact]
    public void MonitorOfAnotherNetworkIsRejected()
    {
        var network = TwoPopulations(out _, out _);
        var other = TwoPopulations(out var otherSource, out _);
        var spikes = other.RecordSpikes(otherSource);
        using var simulation = SimulationHelpers.Compile(network);
        Assert.Contains("monitor", Assert.ThrowsAny<ArgumentException>(() => simulation.GetSpikes(spikes)).ParamName);
    }

    [Fact]
    public void NetworkCannotChangeAfterCompile()
    {
        var network = TwoPopulations(out var source, out var target);
        using var simulation = SimulationHelpers.Compile(network);
        Assert.True(network.IsSealed);
        Assert.Throws<InvalidOperationException>(() => network.AddPopulation("more", 3, new LifCurrent()));
        Assert.Throws<InvalidOperationException>(() => network.AddPopulation("more", [new LifCurrent()]));
        Assert.Throws<InvalidOperationException>(() => network.AddPoissonInput("poisson", 3, 5));
        Assert.Throws<InvalidOperationException>(() => network.AddPoissonInput("poisson", [5.0]));
        Assert.Throws<InvalidOperationException>(() => network.AddSpikeSource("replay", [[1.0]]));
        Assert.Throws<InvalidOperationException>(() => network.Connect(source, target, Connectivity.AllToAll(), Synapse.Excitatory(1)));
        Assert.Throws<InvalidOperationException>(() => network.Inject(target, new DcCurrent(10)));
        Assert.Throws<InvalidOperationException>(() => network.RecordSpikes(target));
        Assert.Throws<InvalidOperationException>(() => network.RecordState(target, StateVariable.V));
        Assert.Throws<InvalidOperationException>(() => network.RecordRate(target));
        Assert.Throws<InvalidOperationException>(() => target.WithInitial(StateVariable.V, Dist.Constant(-60)));
        Assert.Throws<InvalidOperationException>(() => target.OnGrid(5, 1, 1));
        Assert.Throws<InvalidOperationException>(() => target.WithPositions(new float[15]));
    }

    /// <summary>A distribution that returns a non-finite value, as a faulty user distribution might
    /// (Dist.Constant itself refuses NaN and ∞, naming "value").</summary>
    private sealed class NonFiniteDist(double value) : Dist
    {
        public override double Sample(ref Snn.Core.Randomness.CounterRng rng) => value;

        public override double Minimum => value;

        public override double Maximum => value;
    }
}
