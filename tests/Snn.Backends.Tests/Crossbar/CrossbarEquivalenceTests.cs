using Snn.Backends.Crossbar;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.Crossbar;

public sealed class CrossbarEquivalenceTests
{
    [Fact]
    public void ProjectionWithSeveralDelaysGetsOneTileSetPerDelay()
    {
        var network = SimulationHelpers.Cuba(400, seed: 5, heterogeneous: true);
        using var chip = new CrossbarBackend(new CrossbarOptions { TileRows = 64, TileColumns = 64 }).CompileCrossbar(network.Network);
        chip.Run(5);
        int sets = chip.TileSetCount(network.Projections[0]);
        Assert.Equal(20, sets);
        var cost = chip.Cost();
        Assert.True(cost.ExtraDelayTiles > 0);
        Assert.Equal(cost.Tiles, network.Projections.Sum(p => chip.TileSetCount(p) * ((p.Source.Size + 63) / 64) * ((p.Target.Size + 31) / 32)));
    }

    [Fact]
    public void AsGrownChipRealisesTheSwitchedWeights()
    {
        var device = ResistiveDevice.ReRamHighConductance with { StuckOnRate = 0, StuckOffRate = 0 };
        var switched = StochasticSwitching.Draw(device, 30 * 20, 0.5, seed: 1, index: 0);
        var network = new Network(seed: 1, dt: 1);
        var input = network.AddSpikeSource("in", Enumerable.Range(0, 30).Select(_ => new[] { 1.0 }).ToArray());
        var output = network.AddPopulation("out", 20, new WindowedLif());
        var projection = network.Connect(input, output, Connectivity.AllToAll(), Synapse.Excitatory(Dist.Explicit(switched.Weights.Select(w => (double)w).ToArray()), 1));
        var options = new CrossbarOptions { Device = device, AsGrown = new Dictionary<string, SwitchedConductances> { [projection.Name] = switched } };
        using var chip = new CrossbarBackend(options).CompileCrossbar(network);
        var weights = chip.GetWeights(projection);
        for (int s = 0; s < weights.Length; s++)
        {
            Assert.Equal(switched.Weights[s], weights[s], 5);
        }
        double std = CrossbarTestNetworks.Std(switched.Weights.Select(w => (double)w).ToArray());
        Assert.InRange(std, 0.45, 0.55);
        Assert.InRange(switched.Weights.Average(w => (double)w), -0.06, 0.06);
    }

    [Fact]
    public void InvalidSettingsAreRejectedWithTheirName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CrossbarOptions { TileColumns = 7 }.Validate());
        Assert.Equal("TileColumns", error.ParamName);
        var device = Assert.Throws<ArgumentOutOfRangeException>(() => (ResistiveDevice.Ideal with { GMin = 5, GMax = 1 }).Validate());
        Assert.Equal("GMax", device.ParamName);
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => (ResistiveDevice.Ideal with { StuckOnRate = 1.5 }).Validate());
        Assert.Equal("StuckOnRate", rate.ParamName);
    }
}
