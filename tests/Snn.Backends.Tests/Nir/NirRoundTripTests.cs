using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Interop.Nir;
using Snn.Core.Models;
using static Snn.Backends.Tests.Nir.NirTestGraphs;

namespace Snn.Backends.Tests.Nir;

/// <summary>Snn → NIR file → Snn gives the same spikes on the CPU engine, and the exporter writes
/// per-synapse delays as Delay nodes.</summary>
public sealed class NirRoundTripTests
{
    private const double Dt = 0.1;

    [Fact]
    public void NirNeuronNetworkWithDelaysBiasAndRecurrenceRoundTripsToTheSameSpikes()
    {
        var original = NirNeuronNetwork();
        var reimported = RoundTrip(original.Network, new NirExportOptions { Outputs = [original.Populations[1], original.Populations[2], original.Populations[3]] });
        AssertSameSpikes(original.Network, reimported, "hidden", "out", "thr");
    }

    [Fact]
    public void LifCurrentNetworkRoundTripsThroughCubaLifToTheSameSpikes()
    {
        var network = new Network(seed: 3, dt: Dt);
        var input = network.AddSpikeSource("input", InputTrains(6, 40));
        var lif = new LifCurrent { TauM = 10, CM = 200, TauSynE = 3, TauSynI = 3, RefractoryPeriod = 0, EL = -65, VReset = -68, VThreshold = -55 };
        var hidden = network.AddPopulation("hidden", 12, lif);
        var output = network.AddPopulation("out", 4, lif with { TauSynE = 5, TauSynI = 5 });
        network.Connect(input, hidden, Pairs(6, 12, 0.5, seed: 1), Synapse.Excitatory(Dist.Explicit(Weights(6, 12, 0.5, 900, seed: 1)), Dist.Uniform(0.1, 0.5)));
        network.Connect(hidden, output, Connectivity.AllToAll(), Synapse.Excitatory(400, delay: 0.3));
        network.Connect(hidden, hidden, Connectivity.Probability(0.3), Synapse.Inhibitory(-300, delay: Dist.Uniform(0.1, 1.0)));
        var reimported = RoundTrip(network, new NirExportOptions { Outputs = [hidden, output] });
        AssertSameSpikes(network, reimported, "hidden", "out");
    }

    [Fact]
    public void ExporterWritesOneLinearPerDelayAndDelayNodesForTheStepsBeyondTheFirst()
    {
        var network = new Network(dt: Dt);
        var input = network.AddSpikeSource("input", [[1.0], [2.0]]);
        var target = network.AddPopulation("target", 2, new NirNeuron { SpikeIntegralMs = 1000 });
        network.Connect(input, target, Connectivity.Pairs([0, 1, 1], [0, 0, 1]),
            Synapse.Excitatory(Dist.Explicit([0.5, 0.25, 2.0]), Dist.Explicit([0.1, 0.3, 0.3])));
        var graph = NirExporter.ToGraph(network);
        Assert.Equal("Linear", graph.Nodes["input_to_target_d1"].Type);
        Assert.Equal([0.5, 0, 0, 0], graph.Nodes["input_to_target_d1"].Attributes["weight"].Values.ToArray());
        Assert.Equal([0, 0.25, 0, 2.0], graph.Nodes["input_to_target_d3"].Attributes["weight"].Values.ToArray());
        var delay = graph.Nodes["input_to_target_d3_delay"];
        Assert.Equal("Delay", delay.Type);
        Assert.All(delay.Attributes["delay"].Values.ToArray(), d => Assert.Equal(0.0002, d, 12));
        Assert.Contains(new NirEdge("input", "input_to_target_d3_delay"), graph.Edges);
        Assert.Contains(new NirEdge("input_to_target_d3_delay", "input_to_target_d3"), graph.Edges);
        Assert.Contains(new NirEdge("target", "output"), graph.Edges);
    }

    [Fact]
    public void ExporterRejectsIzhikevichNamingThePopulation()
    {
        var network = new Network(dt: Dt);
        network.AddPopulation("cortex", 3, Izhikevich.RegularSpiking);
        var error = Assert.Throws<NotSupportedException>(() => NirExporter.ToGraph(network));
        Assert.Contains("'cortex'", error.Message);
    }

    [Fact]
    public void ExporterRejectsConductanceSynapsesNamingThePopulation()
    {
        var network = new Network(dt: Dt);
        network.AddPopulation("coba", 3, new LifConductance());
        var error = Assert.Throws<NotSupportedException>(() => NirExporter.ToGraph(network));
        Assert.Contains("'coba'", error.Message);
    }

    [Fact]
    public void ExporterRejectsActivePlasticityNamingTheProjection()
    {
        var network = new Network(dt: Dt);
        var input = network.AddSpikeSource("input", [[1.0]]);
        var target = network.AddPopulation("target", 1, new NirNeuron());
        var projection = network.Connect(input, target, Connectivity.AllToAll(), Synapse.Excitatory(1.0)).WithPlasticity(new NirTestRule());
        var error = Assert.Throws<NotSupportedException>(() => NirExporter.ToGraph(network));
        Assert.Contains(projection.Name, error.Message);
    }

    [Fact]
    public void ExporterRejectsARefractoryPeriodNamingThePopulation()
    {
        var network = new Network(dt: Dt);
        network.AddPopulation("nest", 2, new LifCurrent());
        var error = Assert.Throws<NotSupportedException>(() => NirExporter.ToGraph(network));
        Assert.Contains("'nest'", error.Message);
        Assert.Contains("RefractoryPeriod", error.Message);
    }

    private static (Network Network, Population[] Populations) NirNeuronNetwork()
    {
        var network = new Network(seed: 5, dt: Dt);
        var input = network.AddSpikeSource("input", InputTrains(5, 30));
        var cuba = Enumerable.Range(0, 8).Select(i => new NirNeuron
        {
            TauMem = 8 + i, TauSyn = 2 + 0.5 * i, R = 1.2, VLeak = 0, VThreshold = 0.4, VReset = -0.1, WIn = 1, Bias = 0.05 * i, SpikeIntegralMs = 1000,
        }).ToArray();
        var hidden = network.AddPopulation("hidden", cuba);
        var output = network.AddPopulation("out", 3, new NirNeuron { TauMem = 15, R = 1, VThreshold = 0.3, Bias = 0.1, SpikeIntegralMs = 1000 });
        var threshold = network.AddPopulation("thr", 2, new NirNeuron { TauMem = 5, R = 1, VThreshold = 0.05, Reset = false, SpikeIntegralMs = 1000 });
        network.Connect(input, hidden, Pairs(5, 8, 0.6, seed: 2), Synapse.Excitatory(Dist.Explicit(Weights(5, 8, 0.6, 0.004, seed: 2)), Dist.Uniform(0.1, 0.4)));
        network.Connect(hidden, hidden, Pairs(8, 8, 0.3, seed: 3), Synapse.Inhibitory(Dist.Explicit(Weights(8, 8, 0.3, -0.002, seed: 3)), Dist.Uniform(0.1, 0.6)));
        network.Connect(hidden, output, Connectivity.AllToAll(), Synapse.Excitatory(0.003, delay: 0.2));
        network.Connect(output, threshold, Connectivity.AllToAll(), Synapse.Excitatory(0.0004));
        return (network, [input, hidden, output, threshold]);
    }

    private static Network RoundTrip(Network network, NirExportOptions options)
    {
        string path = TempFile();
        try
        {
            NirExporter.Export(network, path, options);
            var inputs = network.Populations.OfType<SpikeSourcePopulation>()
                .ToDictionary(p => p.Name, p => Enumerable.Range(0, p.Size).Select(i => p.TimesOf(i).ToArray()).ToArray());
            return NirFile.Read(path).ToNetwork(new NirImportOptions { Dt = network.Dt, InputSpikes = inputs, Seed = network.Seed }).Network;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertSameSpikes(Network original, Network reimported, params string[] names)
    {
        var expected = names.Select(n => original.RecordSpikes(original.Populations.Single(p => p.Name == n))).ToArray();
        var actual = names.Select(n => reimported.RecordSpikes(reimported.Populations.Single(p => p.Name == n))).ToArray();
        using var first = SimulationHelpers.Run(original, 60);
        using var second = SimulationHelpers.Run(reimported, 60);
        for (int i = 0; i < names.Length; i++)
        {
            var a = first.GetSpikes(expected[i]);
            var b = second.GetSpikes(actual[i]);
            Assert.True(a.Count > 3, $"population '{names[i]}' fired only {a.Count} times; the test needs activity");
            Assert.Equal(a.Steps, b.Steps);
            Assert.Equal(a.Neurons, b.Neurons);
        }
    }

    private static double[][] InputTrains(int size, int spikesEach)
    {
        var trains = new double[size][];
        for (int i = 0; i < size; i++)
        {
            trains[i] = Enumerable.Range(1, spikesEach).Select(k => Math.Round((k * 1.3 + i * 0.7) % 55 + 0.5, 1)).Distinct().Order().ToArray();
        }
        return trains;
    }

    private static Connectivity Pairs(int sources, int targets, double p, int seed)
    {
        var (s, t) = Draw(sources, targets, p, seed);
        return Connectivity.Pairs(s, t);
    }

    private static double[] Weights(int sources, int targets, double p, double scale, int seed)
    {
        var (s, _) = Draw(sources, targets, p, seed);
        var random = new Random(seed + 100);
        return s.Select(_ => scale * (0.5 + random.NextDouble())).ToArray();
    }

    private static (int[] Sources, int[] Targets) Draw(int sources, int targets, double p, int seed)
    {
        var random = new Random(seed);
        var s = new List<int>();
        var t = new List<int>();
        for (int i = 0; i < sources; i++)
        {
            for (int j = 0; j < targets; j++)
            {
                if (random.NextDouble() < p)
                {
                    s.Add(i);
                    t.Add(j);
                }
            }
        }
        return ([.. s], [.. t]);
    }
}
