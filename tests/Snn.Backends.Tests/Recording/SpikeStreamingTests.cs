using System.Globalization;
using Snn.Backends.Crossbar;
using Snn.Backends.EventDriven;
using Snn.Backends.Gpu;
using Snn.Backends.Tests.Gpu;
using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Simulation;
using static Snn.Backends.Tests.SimulationHelpers;

namespace Snn.Backends.Tests.Recording;

public class SpikeStreamingTests
{
    [Fact]
    public void StreamedSpikesEqualTheRecordOfARunThatKeptThemAll()
    {
        var kept = Cuba(400, seed: 11);
        using var whole = Run(kept.Network, 250, threads: 2);
        var streamed = Cuba(400, seed: 11);
        using var simulation = Compile(streamed.Network, threads: 2);
        string path = Path.Combine(Path.GetTempPath(), $"snn-spikes-{Guid.NewGuid():N}.csv");
        try
        {
            long written;
            using (var writer = new SpikeStreamWriter(simulation, path, streamed.ExcitatorySpikes, streamed.InhibitorySpikes))
            {
                writer.Run(250, chunkMs: 37);
                written = writer.SpikesWritten;
            }
            var lines = File.ReadAllLines(path);

            var excitatory = whole.GetSpikes(kept.ExcitatorySpikes);
            var inhibitory = whole.GetSpikes(kept.InhibitorySpikes);
            Assert.Equal("time_ms,population,neuron", lines[0]);
            Assert.Equal(excitatory.Count + inhibitory.Count, written);
            Assert.Equal(written, lines.Length - 1);
            Assert.True(written > 100, $"only {written} spikes; the comparison would be weak");
            Assert.Equal(Expected(excitatory, kept.Excitatory.Name), Parsed(lines, kept.Excitatory.Name));
            Assert.Equal(Expected(inhibitory, kept.Inhibitory.Name), Parsed(lines, kept.Inhibitory.Name));
            Assert.Equal(0, simulation.GetSpikes(streamed.ExcitatorySpikes).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("crossbar")]
    [InlineData("gpu")]
    public void DiscardingFreesSpikesUpToTheTimeAndKeepsTheLaterOnes(string engine)
    {
        var cuba = Cuba(engine == "gpu" ? 100 : 400, seed: 5);
        using var simulation = engine switch
        {
            "crossbar" => new CrossbarBackend(new CrossbarOptions { TileRows = 64, TileColumns = 64 }).Compile(cuba.Network),
            "gpu" => GpuTestSupport.Compile(cuba.Network, CpuEmulationPreset.Default),
            _ => Compile(cuba.Network, threads: 3),
        };
        simulation.Run(100);
        var all = simulation.GetSpikes(cuba.ExcitatorySpikes);

        simulation.DiscardSpikes(40);
        var kept = simulation.GetSpikes(cuba.ExcitatorySpikes);

        long cut = Steps(40, cuba.Network.Dt);
        int first = Array.FindIndex(all.Steps, s => s > cut);
        Assert.True(first > 0, "no spike before the cut");
        Assert.Equal(all.Steps[first..], kept.Steps);
        Assert.Equal(all.Neurons[first..], kept.Neurons);
        Assert.Throws<ArgumentOutOfRangeException>(() => simulation.DiscardSpikes(double.NaN));
    }

    [Fact]
    public void AnEngineThatCannotDiscardSaysSo()
    {
        var network = new Network(seed: 1);
        var population = network.AddPopulation("p", 2, new LifCurrent());
        network.RecordSpikes(population);
        using var simulation = new EventDrivenBackend().Compile(network);

        var error = Assert.Throws<NotSupportedException>(() => simulation.DiscardSpikes(0));

        Assert.Contains("cannot discard recorded spikes", error.Message);
    }

    private static List<(string Time, int Neuron)> Expected(Snn.Core.Monitors.SpikeRecord record, string population)
        => [.. Enumerable.Range(0, record.Count).Select(k => ((record.Steps[k] * record.Dt).ToString("R", CultureInfo.InvariantCulture), record.Neurons[k]))];

    private static List<(string Time, int Neuron)> Parsed(string[] lines, string population)
        => [.. lines.Skip(1).Select(l => l.Split(',')).Where(f => f[1] == population).Select(f => (f[0], int.Parse(f[2], CultureInfo.InvariantCulture)))];
}
