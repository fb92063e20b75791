using Snn.Backends.Sfq;
using Snn.Backends.Tests.Mpi;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Conformance;

/// <summary>
/// What every engine claims before compiling (<see cref="IBackend.Capabilities"/>) is what its
/// simulations implement, and each capability it does not claim is refused with
/// <see cref="NotSupportedException"/> naming the missing interface; inputs and features an engine
/// cannot run are refused when compiling, never dropped.
/// </summary>
public class CapabilityConformanceTests
{
    private static readonly SimulationCapabilities[] Each = Enum.GetValues<SimulationCapabilities>().Where(c => c != SimulationCapabilities.None).ToArray();

    public static TheoryData<string> Engines => new([.. ConformanceEngines.All.Select(e => e.Name).Append("sfq")]);

    public static TheoryData<string> EnginesUnderMpirun => ConformanceEngines.Names(underMpirun: true);

    /// <summary>The backend and a small network it runs.</summary>
    private static (IBackend Backend, Network Network) Compilable(string name)
    {
        if (name == "sfq")
        {
            var network = new Network(5, dt: SfqConstants.Ps(1));
            var input = network.AddSpikeSource("in", [[SfqConstants.Ps(10)]]);
            var loop = network.AddPopulation("loop", 2, new SfqNeuron());
            network.Connect(input, loop, Connectivity.AllToAll(), Synapse.Excitatory(1.0, SfqConstants.Ps(5)));
            network.RecordSpikes(loop);
            return (new SfqBackend(), network);
        }
        var engine = ConformanceEngines.Named(name);
        var built = ConformanceNetworks.Static((engine with { Size = 40, DurationMs = 5 }).Settings, seed: 1);
        return (engine.Backend(built.Network), built.Network);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    [MpiMemberData(nameof(EnginesUnderMpirun))]
    public void SimulationsImplementExactlyTheClaimedCapabilitiesAndRefuseTheOthers(string name)
    {
        var (backend, network) = Compilable(name);
        using var simulation = backend.Compile(network);
        Assert.Equal(backend.Capabilities, simulation.Capabilities());
        var other = new Network();
        var otherPopulation = other.AddPopulation("p", 1, new LifCurrent());
        var otherProjection = other.Connect(otherPopulation, otherPopulation, Connectivity.OneToOne(), Synapse.Excitatory(1.0));
        var otherModulator = other.AddModulator("m", tauMs: 10, baseline: 0);
        var otherWeights = other.RecordWeights(otherProjection, intervalMs: 1);
        foreach (var capability in Each.Where(c => !backend.Supports(c)))
        {
            Action call = capability switch
            {
                SimulationCapabilities.Checkpoints => () => simulation.SaveCheckpoint(new MemoryStream()),
                SimulationCapabilities.Modulators => () => simulation.SetModulator(otherModulator, 1),
                SimulationCapabilities.WeightReading => () => simulation.GetWeights(otherProjection),
                SimulationCapabilities.WeightWriting => () => simulation.SetWeights(otherProjection, [1f]),
                SimulationCapabilities.WeightMonitors => () => simulation.GetWeights(otherWeights),
                _ => () => simulation.DiscardSpikes(0),
            };
            var error = Assert.Throws<NotSupportedException>(call);
            Assert.Contains(simulation.GetType().Name, error.Message);
        }
        if (!backend.Supports(SimulationCapabilities.Checkpoints))
        {
            Assert.Throws<NotSupportedException>(() => simulation.RestoreCheckpoint(new MemoryStream()));
        }
    }

    [Theory]
    [InlineData("onnx-exact", EngineInputs.PoissonSources)]
    [InlineData("onnx-exact", EngineInputs.Drives)]
    [InlineData("onnx-exact", EngineInputs.DcCurrents)]
    [InlineData("event-driven", EngineInputs.Drives)]
    [InlineData("event-driven", EngineInputs.TimeVaryingCurrents)]
    public void AnInputTheEngineCannotRunIsRefusedAtCompileTime(string name, EngineInputs input)
    {
        var engine = ConformanceEngines.Named(name);
        var built = ConformanceNetworks.Static((engine with { Inputs = engine.Inputs | input, Size = 40, DurationMs = 5 }).Settings, seed: 1);
        Assert.Throws<NotSupportedException>(() => engine.Compile(built.Network));
    }

    [Theory]
    [InlineData("onnx-exact")]
    [InlineData("event-driven")]
    public void PlasticityAndModulatorsAreRefusedAtCompileTimeWhereTheEngineHasNone(string name)
    {
        var engine = ConformanceEngines.Named(name) with { Size = 40, DurationMs = 5 };
        Assert.Throws<NotSupportedException>(() => engine.Compile(ConformanceNetworks.Plastic(engine.Settings, seed: 1).Network));
        Assert.Throws<NotSupportedException>(() => engine.Compile(ConformanceNetworks.Modulated(engine.Settings, seed: 1).Network));
        var network = ConformanceNetworks.Static(engine.Settings, seed: 1).Network;
        network.AddModulator("free", tauMs: 10, baseline: 0);
        Assert.Throws<NotSupportedException>(() => engine.Compile(network));
    }
}
