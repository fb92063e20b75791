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

    /// <summary>The ablation of learnable delays on a timing task and on row-sequential Fashion-MNIST.</summary>
    public static BenchmarkStudy DelaysAblation { get; } = new("delays-ablation",
        "Learnable delays (Hammouamri et al. 2024, Table 2): no / fixed random / learned (DCLS) delays, 3 seeds each, on the synthetic temporal-pattern task "
        + "and row-sequential Fashion-MNIST (Debian's dataset-fashion-mnist or --data); mean ± sd, learning curves. Minutes to an hour; --quick: a few minutes; --size N: N training samples per task",
        DelayAblationAnalysis.Run);

    /// <summary>The SHD recipe with learned delays.</summary>
    public static BenchmarkStudy DelaysShd { get; } = new("delays-shd",
        "Learned delays on the Spiking Heidelberg Digits (ShdRecipe, paper 95.07 %): --data DIR with shd_train.h5 and shd_test.h5 (default <cache>/shd); "
        + "full: 150 epochs (hours); --quick: 1000/500 samples, 3 epochs; --size N: N training samples",
        DelayShdAnalysis.Run, DelayShdAnalysis.CheckInputs);

    /// <summary>All studies in the order <c>snn-bench list</c> shows them.</summary>
    public static IReadOnlyList<BenchmarkStudy> All { get; } = [SfqXor, SfqVsCpu, OnnxRoundTrip, DelaysAblation, DelaysShd];

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
