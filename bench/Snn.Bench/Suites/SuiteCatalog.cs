namespace Snn.Bench.Suites;

/// <summary>The suites <c>snn-bench</c> knows, by name.</summary>
public static class SuiteCatalog
{
    /// <summary>CUBA: 4000 current-based LIF neurons (Brette et al. 2007, benchmark 2).</summary>
    public static BenchmarkSuite Cuba { get; } = new("cuba",
        "CUBA: LIF, exponential current synapses, 80/20 exc/inh, p = 80/N (Brette et al. 2007 benchmark 2; Brian2 examples/CUBA.py)",
        defaultSize: 4000, minimumSize: 5, dtMs: 0.1, CubaNetwork.Build);

    /// <summary>COBA: 4000 conductance-based LIF neurons (Brette et al. 2007, benchmark 1, as Brian2 runs it).</summary>
    public static BenchmarkSuite Coba { get; } = new("coba",
        "COBA: LIF, exponential conductance synapses, no drive, random initial conductances, 80/20 exc/inh, p = 80/N (Brette et al. 2007 benchmark 1, as Brian2 runs it)",
        defaultSize: 4000, minimumSize: 5, dtMs: 0.1, CobaNetwork.Build);

    /// <summary>COBA driven by a constant 200 pA current, the variant many Brian2 comparisons time.</summary>
    public static BenchmarkSuite CobaDriven { get; } = new("coba-driven",
        "COBA driven: the coba network with a 200 pA drive, v0 ~ N(-55, 5) mV and no initial conductance (BrainPy's COBA_brian2.py)",
        defaultSize: 4000, minimumSize: 5, dtMs: 0.1, CobaNetwork.BuildDriven);

    /// <summary>The 1000-neuron all-to-all network of Izhikevich 2003 at dt = 1 ms.</summary>
    public static BenchmarkSuite Izhikevich2003 { get; } = new("izhikevich-2003",
        "Izhikevich 2003: 800 RS/IB/CH + 200 FS/LTS neurons, all-to-all, thalamic noise, dt = 1 ms (IEEE TNN 14:1569, net.m)",
        defaultSize: 1000, minimumSize: 5, dtMs: 1.0, Izhikevich2003Network.Build);

    /// <summary>The network of Izhikevich 2003 at dt = 0.1 ms.</summary>
    public static BenchmarkSuite Izhikevich2003Fine { get; } = new("izhikevich-2003-dt0.1",
        "Izhikevich 2003 at dt = 0.1 ms: the izhikevich-2003 network, delay 1 ms, thalamic noise drawn every step with the same diffusion per ms",
        defaultSize: 1000, minimumSize: 5, dtMs: Izhikevich2003Network.FineDtMs, Izhikevich2003Network.BuildFine);

    /// <summary>Izhikevich 2006's polychronization network with STDP, 300 s by default.</summary>
    public static BenchmarkSuite Polychronization { get; } = new("polychronization",
        "Polychronization: 800 RS + 200 FS Izhikevich neurons, delays 1-20 ms, STDP, 300 s; checks bimodal weights and gamma rhythm (Izhikevich 2006, spnet.m)",
        defaultSize: PolychronizationNetwork.PaperSize, minimumSize: 10, dtMs: 1.0, (size, seed) => PolychronizationNetwork.Build(size, seed).Built,
        defaultDurationMs: 300_000);

    /// <summary>The Potjans-Diesmann 2014 cortical microcircuit, 10 % of the neurons and half the in-degrees by default.</summary>
    public static BenchmarkSuite Microcircuit { get; } = new("microcircuit",
        "Microcircuit: Potjans & Diesmann 2014, 8 populations, Poisson background; --scale 1 (or --size 77169) for full scale "
        + "(default 10 % of the neurons with in-degrees x0.5 and the reference's DC compensation; --k-scale to change); rates vs reference",
        defaultSize: 7717, minimumSize: 800, dtMs: 0.1, MicrocircuitNetwork.BuildForSize, defaultDurationMs: 1500,
        fullSize: MicrocircuitNetwork.FullSize, buildWithInDegreeScale: MicrocircuitNetwork.BuildForSize);

    /// <summary>All suites in the order <c>snn-bench list</c> shows them.</summary>
    public static IReadOnlyList<BenchmarkSuite> All { get; } = [Cuba, Coba, CobaDriven, Izhikevich2003, Izhikevich2003Fine, Polychronization, Microcircuit];

    /// <summary>The names of all suites.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(s => s.Name).ToArray();

    /// <summary>The suite called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No suite has that name.</exception>
    public static BenchmarkSuite Find(string name)
    {
        foreach (var suite in All)
        {
            if (string.Equals(suite.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return suite;
            }
        }
        throw new ArgumentException($"Unknown suite '{name}'; known suites: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Whether a suite is called <paramref name="name"/> (case-insensitive).</summary>
    public static bool Contains(string name) => All.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
