using Snn.Backends.Crossbar;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Crossbar;

/// <summary>Small networks for the crossbar tests.</summary>
internal static class CrossbarTestNetworks
{
    /// <summary>A source of <paramref name="sources"/> neurons all-to-all onto <paramref name="targets"/>
    /// LIF neurons with one weight for every synapse, compiled on a chip of <paramref name="device"/>.</summary>
    public static (CrossbarSimulation Chip, Projection Projection) Uniform(ResistiveDevice device, int sources, int targets, double weight,
        double timeSinceProgramming = 0, bool compensation = false)
    {
        var network = new Network(seed: 3, dt: 1);
        var input = network.AddSpikeSource("in", Enumerable.Range(0, sources).Select(_ => new[] { 1.0 }).ToArray());
        var output = network.AddPopulation("out", targets, new LifCurrent());
        var projection = network.Connect(input, output, Connectivity.AllToAll(), Synapse.Excitatory(weight, 1));
        var options = new CrossbarOptions { Device = device, TimeSinceProgramming = timeSinceProgramming, DriftCompensation = compensation };
        return (new CrossbarBackend(options).CompileCrossbar(network), projection);
    }

    /// <summary>Standard deviation of a sample.</summary>
    public static double Std(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
