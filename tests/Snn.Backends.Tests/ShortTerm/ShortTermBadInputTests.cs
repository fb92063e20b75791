using Microsoft.ML.OnnxRuntime;
using Snn.Backends.EventDriven;
using Snn.Backends.Gpu;
using Snn.Backends.Onnx;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Interop.Nir;
using Snn.Core.Models;
using Snn.Core.Plasticity;

namespace Snn.Backends.Tests.ShortTerm;

/// <summary>Short-term plasticity parameters out of range are refused naming the parameter, the
/// value and the range; engines and formats that cannot express it refuse the network by name.</summary>
public class ShortTermBadInputTests
{
    private static Projection Projection(out Network network)
    {
        network = new Network(1, 0.1);
        var source = network.AddPopulation("pre", 4, new LifCurrent());
        var target = network.AddPopulation("lif", 4, new LifCurrent());
        return network.Connect(source, target, Connectivity.AllToAll(), Synapse.Excitatory(10, 1));
    }

    [Theory]
    [InlineData(-0.1, 100, 0, "U")]
    [InlineData(1.5, 100, 0, "U")]
    [InlineData(double.NaN, 100, 0, "U")]
    [InlineData(0.5, 0, 0, "TauRec")]
    [InlineData(0.5, -1, 0, "TauRec")]
    [InlineData(0.5, double.PositiveInfinity, 0, "TauRec")]
    [InlineData(0.5, 100, -5, "TauFac")]
    [InlineData(0.5, 100, double.NaN, "TauFac")]
    public void OutOfRangeParametersAreRefusedByName(double bigU, double tauRec, double tauFac, string parameter)
    {
        var projection = Projection(out _);
        var error = Assert.ThrowsAny<ArgumentException>(() => projection.WithShortTermPlasticity(new ShortTermPlasticity(bigU, tauRec, tauFac)));
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(projection.Name, error.Message);
        Assert.Contains($"{parameter} = ", error.Message);
        Assert.Null(projection.ShortTerm);
    }

    [Fact]
    public void ASecondShortTermPlasticityAndOneAfterCompilingAreRefused()
    {
        var projection = Projection(out var network);
        projection.WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.5, 100));
        var second = Assert.Throws<InvalidOperationException>(() => projection.WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.2, 100)));
        Assert.Contains("already has the short-term plasticity", second.Message);
        var other = network.Connect(network.Populations[0], network.Populations[1], Connectivity.OneToOne(), Synapse.Excitatory(5, 1));
        using var simulation = SimulationHelpers.Compile(network);
        Assert.Throws<InvalidOperationException>(() => other.WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.2, 100)));
        Assert.Null(other.ShortTerm);
    }

    public static TheoryData<string> Refusing => ["event-driven", "nir"];

    [Theory]
    [MemberData(nameof(Refusing))]
    public void EnginesAndFormatsWithoutItRefuseTheNetworkByName(string where)
    {
        var projection = Projection(out var network);
        projection.WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.5, 100));
        Action compile = where switch
        {
            "event-driven" => () => new EventDrivenBackend().Compile(network),
            _ => () => NirExporter.ToGraph(network),
        };
        var error = Assert.Throws<NotSupportedException>(compile);
        Assert.Contains("short-term plasticity", error.Message);
        Assert.Contains(projection.Name, error.Message);
    }

    [Fact]
    public void OnnxExportRefusesADecayLongerThanItsTableAndAcceptsItWithAResetInterval()
    {
        var projection = Projection(out var network);
        projection.WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.5, 1e6));
        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Build(network));
        Assert.Contains(projection.Name, error.Message);
        Assert.Contains("time constant of 1000000 ms at dt = 0.1 ms", error.Message);

        var reset = Projection(out var resetNetwork);
        reset.WithShortTermPlasticity(ShortTermPlasticity.Depressing(0.5, 1e6) with { ResetIntervalMs = 100 });
        using var session = new InferenceSession(OnnxExporter.Build(resetNetwork).Bytes.ToArray());
        Assert.Contains("decay tables 1000/0", session.ModelMetadata.CustomMetadataMap["snn.short_term"]);
    }
}
