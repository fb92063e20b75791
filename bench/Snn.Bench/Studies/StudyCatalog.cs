namespace Snn.Bench.Studies;

/// <summary>The studies <c>snn-bench</c> knows, by name.</summary>
public static class StudyCatalog
{
    /// <summary>The SFQ XOR case study: nominal evaluation, bias margins, robustness.</summary>
    public static BenchmarkStudy SfqXor { get; } = new("sfq-xor",
        "SFQ XOR (Krylov et al. 2024 case study): per-pattern rates, separation, latency, energy and junctions at nominal bias; "
        + "margins of the global and each projection's bias; windows under delay jitter and I_c spread. --quick: 7-point sweeps",
        SfqXorAnalysis.Run);

    /// <summary>The XOR network on the pulse-level SFQ model and on the CPU engine's mean-field update.</summary>
    public static BenchmarkStudy SfqVsCpu { get; } = new("sfq-vs-cpu",
        "SFQ XOR network on the pulse-level SFQ backend vs the CPU engine's mean-field SfqNeuron (dt 1 ps): rates, energy, latency per pattern",
        SfqVsCpuAnalysis.Run);

    /// <summary>The ONNX export checked against the CPU engine.</summary>
    public static BenchmarkStudy OnnxRoundTrip { get; } = new("onnx-roundtrip",
        "ONNX round trip: OnnxDemoNetwork (--size: hidden neurons, default 200; --duration: input length, default 100 ms) on cpu and on ONNX Runtime; "
        + "identical spikes, membrane difference, samples/s; writes onnx-demo.onnx. --quick: 80 hidden, 50 ms",
        OnnxRoundTripAnalysis.Run);

    /// <summary>All studies in the order <c>snn-bench list</c> shows them.</summary>
    public static IReadOnlyList<BenchmarkStudy> All { get; } = [SfqXor, SfqVsCpu, OnnxRoundTrip];

    /// <summary>The names of all studies.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(s => s.Name).ToArray();

    /// <summary>The study called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No study has that name.</exception>
    public static BenchmarkStudy Find(string name)
        => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown study '{name}'; known studies: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>Whether a study is called <paramref name="name"/> (case-insensitive).</summary>
    public static bool Contains(string name) => All.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
