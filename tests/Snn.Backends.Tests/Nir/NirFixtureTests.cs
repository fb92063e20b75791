using Snn.Core.Interop.Nir;
using static Snn.Backends.Tests.Nir.NirTestGraphs;

namespace Snn.Backends.Tests.Nir;

/// <summary>The committed fixtures (written by h5py, see Fixtures/make_fixtures.py) load and simulate
/// to the outputs derived there.</summary>
public sealed class NirFixtureTests
{
    [Fact]
    public void DelayedLifFixtureFiresOneStepPlusEachChannelsDelayAfterItsInput()
    {
        var graph = NirFile.Read(Fixture("delay_lif.nir"));
        Assert.Equal("1.0.0", graph.Version);
        var imported = graph.ToNetwork(new NirImportOptions
        {
            Dt = 0.1,
            InputSpikes = new Dictionary<string, double[][]> { ["input"] = [[1.0], [1.0], [1.0]] },
        });
        using var simulation = SimulationHelpers.Run(imported.Network, 5);
        var spikes = simulation.GetSpikes(imported.OutputSpikes);
        Assert.Equal([11L, 16L, 21L], spikes.Steps);
        Assert.Equal([0, 1, 2], spikes.Neurons);
    }

    [Fact]
    public void ConvolutionAndSumPoolingFixtureFiresTheExpectedPixels()
    {
        var imported = NirFile.Read(Fixture("conv_pool.nir")).ToNetwork(new NirImportOptions
        {
            Dt = 0.1,
            InputSpikes = new Dictionary<string, double[][]> { ["input"] = PixelSpikes(16, 1.0, 5, 6, 9) },
        });
        using var simulation = SimulationHelpers.Run(imported.Network, 3);
        var conv = simulation.GetSpikes(imported.Outputs["conv_output"].Spikes!);
        Assert.Equal([5, 6, 9, 10, 21, 22, 25], conv.Neurons);
        Assert.All(conv.Steps, step => Assert.Equal(11L, step));
        var pooled = simulation.GetSpikes(imported.Outputs["output"].Spikes!);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], pooled.Neurons);
        Assert.All(pooled.Steps, step => Assert.Equal(12L, step));
    }

    [Fact]
    public void NestedGraphFixtureFiresTheCubaLifAtItsClosedFormCrossingAndRecordsTheLeakyIntegrator()
    {
        var imported = NirFile.Read(Fixture("nested_cuba_li.nir")).ToNetwork(new NirImportOptions
        {
            Dt = 0.1,
            InputSpikes = new Dictionary<string, double[][]> { ["input"] = [[1.0]] },
        });
        var lif = imported.Network.RecordSpikes(imported.Populations["block.lif"]);
        using var simulation = SimulationHelpers.Run(imported.Network, 30);
        double crossing = 1.1 - 10 * Math.Log((1 + Math.Sqrt(0.2)) / 2);
        long expectedStep = (long)Math.Ceiling(crossing / 0.1 - 1e-9);
        Assert.Equal([expectedStep], simulation.GetSpikes(lif).Steps);
        double arrival = (expectedStep + 1) * 0.1;
        var membrane = simulation.GetState(imported.Outputs["output"].Membrane!);
        var trace = membrane.Trace(0);
        Assert.Equal(300, trace.Length);
        for (int k = 0; k < trace.Length; k++)
        {
            double time = membrane.Times[k];
            double expected = time < arrival - 1e-9 ? 0 : 0.1 * Math.Exp(-(time - arrival) / 20);
            Assert.Equal(expected, trace[k], tolerance: 1e-5);
        }
    }

    [Fact]
    public void UnknownTypeFixtureIsRejectedNamingTheNodeAndItsHdf5Path()
    {
        var error = Assert.Throws<InvalidDataException>(() => NirFile.Read(Fixture("unknown_type.nir")));
        Assert.Contains("'izh'", error.Message);
        Assert.Contains("/node/nodes/izh", error.Message);
        Assert.Contains("Izhikevich", error.Message);
    }

    private static double[][] PixelSpikes(int size, double time, params int[] pixels)
    {
        var trains = new double[size][];
        for (int i = 0; i < size; i++)
        {
            trains[i] = pixels.Contains(i) ? [time] : [];
        }
        return trains;
    }
}
