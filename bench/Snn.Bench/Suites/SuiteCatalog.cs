namespace Snn.Bench.Suites;

/// <summary>The suites <c>snn-bench</c> knows, by name.</summary>
public static class SuiteCatalog
{
    /// <summary>CUBA: 4000 current-based LIF neurons (Brette et al. 2007, benchmark 2).</summary>
    public static BenchmarkSuite Cuba { get; } = new("cuba",
        "CUBA: LIF, exponential current synapses, 80/20 exc/inh, p = 80/N (Brette et al. 2007 benchmark 2; Brian2 examples/CUBA.py)",
        defaultSize: 4000, minimumSize: 5, dtMs: 0.1, CubaNetwork.Build);

    /// <summary>COBA: 4000 conductance-based LIF neurons (Brette et al. 2007, benchmark 1).</summary>
    public static BenchmarkSuite Coba { get; } = new("coba",
        "COBA: LIF, exponential conductance synapses, 200 pA drive, 80/20 exc/inh, p = 80/N (Brette et al. 2007 benchmark 1, as in Brian2 comparisons)",
        defaultSize: 4000, minimumSize: 5, dtMs: 0.1, CobaNetwork.Build);

    /// <summary>The 1000-neuron all-to-all network of Izhikevich 2003 at dt = 1 ms.</summary>
    public static BenchmarkSuite Izhikevich2003 { get; } = new("izhikevich-2003",
        "Izhikevich 2003: 800 RS/IB/CH + 200 FS/LTS neurons, all-to-all, thalamic noise, dt = 1 ms (IEEE TNN 14:1569, net.m)",
        defaultSize: 1000, minimumSize: 5, dtMs: 1.0, Izhikevich2003Network.Build);

    /// <summary>All suites in the order <c>snn-bench list</c> shows them.</summary>
    public static IReadOnlyList<BenchmarkSuite> All { get; } = [Cuba, Coba, Izhikevich2003];

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
