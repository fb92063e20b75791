using Snn.Backends.Onnx;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Inputs;
using Snn.Core.Models;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Onnx;

/// <summary>What the exporter and the ONNX backend refuse, and that they say what and where.</summary>
public class OnnxBadInputTests
{
    [Fact]
    public void PlasticProjectionIsRefusedByName()
    {
        var network = new Network(1);
        var input = network.AddSpikeSource("input", [[1.0]]);
        var target = network.AddPopulation("target", 3, new LifCurrent());
        var projection = network.Connect(input, target, Connectivity.AllToAll(), Synapse.Excitatory(10));
        projection.WithPlasticity(new FrozenRule());

        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Build(network));
        Assert.Contains(projection.Name, error.Message);
        Assert.Contains("frozen", error.Message);
    }

    [Fact]
    public void CurrentInjectionIsRefusedNamingThePopulation()
    {
        var network = new Network(1);
        var target = network.AddPopulation("driven", 3, new LifCurrent());
        network.Inject(target, new DcCurrent(100));

        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Build(network));
        Assert.Contains("'driven'", error.Message);
        Assert.Contains("DcCurrent", error.Message);
    }

    [Fact]
    public void ConductancePopulationMixingIntegrationSchemesIsRefusedNamingTheNeuron()
    {
        var network = new Network(1);
        var input = network.AddSpikeSource("input", [[1.0]]);
        var mixed = network.AddPopulation("mixed", [new LifConductance(), new LifConductance(), new LifConductance { Integration = ConductanceIntegration.ForwardEuler }]);
        network.Connect(input, mixed, Connectivity.AllToAll(), Synapse.Excitatory(10));

        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Build(network));
        Assert.Contains("'mixed'", error.Message);
        Assert.Contains("neuron 2", error.Message);
        Assert.Contains("ForwardEuler", error.Message);
    }

    [Fact]
    public void PoissonDriveIsRefusedNamingThePopulation()
    {
        var network = new Network(1);
        var target = network.AddPopulation("background", 3, new LifCurrent());
        network.AddPoissonDrive(target, 8000, 87.8);

        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Build(network));
        Assert.Contains("'background'", error.Message);
        Assert.Contains("Poisson drive", error.Message);
    }

    [Fact]
    public void FailedExportWritesNoFile()
    {
        var network = new Network(1);
        var target = network.AddPopulation("driven", 3, new LifCurrent());
        network.Inject(target, new DcCurrent(100));
        string folder = Directory.CreateTempSubdirectory("snn-onnx-").FullName;
        try
        {
            Assert.Throws<NotSupportedException>(() => OnnxExporter.Export(network, null, Path.Combine(folder, "net.onnx")));
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PoissonSourceIsAModelInputButTheBackendCannotFeedIt()
    {
        var network = new Network(1);
        var noise = network.AddPoissonInput("noise", 5, 10);
        var target = network.AddPopulation("target", 3, new LifCurrent());
        network.Connect(noise, target, Connectivity.AllToAll(), Synapse.Excitatory(10));

        Assert.Equal([noise], OnnxExporter.Build(network).Layout.InputPopulations);
        var error = Assert.Throws<NotSupportedException>(() => new OnnxBackend().Compile(network));
        Assert.Contains("'noise'", error.Message);
    }

    [Fact]
    public void StateTheModelDoesNotCarryIsRefused()
    {
        var network = new Network(1, dt: 1);
        var target = network.AddPopulation("izh", 3, Izhikevich.RegularSpiking);
        var options = new OnnxExportOptions { StateOutputs = [new OnnxStateOutput(target, StateVariable.SynE)] };

        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Build(network, options));
        Assert.Contains("'izh'", error.Message);
    }

    [Fact]
    public void WeightsAreReadOnlyAndCheckpointsUnsupported()
    {
        var network = new Network(1);
        var input = network.AddSpikeSource("input", [[1.0]]);
        var target = network.AddPopulation("target", 3, new LifCurrent());
        var projection = network.Connect(input, target, Connectivity.AllToAll(), Synapse.Excitatory(10));
        using var simulation = new OnnxBackend().Compile(network);

        Assert.Equal([10f, 10f, 10f], simulation.GetWeights(projection));
        Assert.Throws<NotSupportedException>(() => simulation.SetWeights(projection, [1f, 1f, 1f]));
        Assert.Throws<NotSupportedException>(() => simulation.SaveCheckpoint(new MemoryStream()));
        Assert.Throws<NotSupportedException>(() => simulation.RestoreCheckpoint(new MemoryStream()));
    }

    /// <summary>A rule that never changes a weight: enough to make a projection plastic.</summary>
    private readonly struct FrozenRule : IPlasticityRule<FrozenRule>
    {
        public string RuleName => "frozen";

        public double PeriodMs => 0;

        public void Validate()
        {
        }

        public FrozenRule Prepare(double dt) => this;

        public void OnPreArrival(ref SynapseState synapse, in PostState post, float modulator, long step)
        {
        }

        public void OnPostSpike(ref SynapseState synapse, in PostState post, float modulator, long step)
        {
        }

        public void AfterPostSpike(ref PostState post, long step)
        {
        }

        public void OnPeriod(ref SynapseState synapse, in PostState post, float modulator, long step)
        {
        }
    }
}
