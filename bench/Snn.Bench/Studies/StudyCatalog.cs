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

    /// <summary>The pulse-level SFQ model calibrated from, and compared with, the circuit solver.</summary>
    public static BenchmarkStudy SfqVsCircuit { get; } = new("sfq-vs-circuit",
        "SFQ pulse-level model vs the RCSJ circuit solver: calibration (cell delays, gate curve, double switch, neuron map; writes sfq-calibration.json), "
        + "a gate-merger-neuron network in the circuit and both models (rates, identical pulses, latency), the whole XOR in the circuit (4.2 K and noise-free) vs the calibrated model "
        + "(rates, identical pulses, bias windows), XOR rates and bias window under both models. --quick: fewer pulses and points",
        SfqVsCircuitAnalysis.Run);

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

    /// <summary>The delay trainer against an independent PyTorch implementation: gradients and speed.</summary>
    public static BenchmarkStudy TrainerVsTorch { get; } = new("trainer-vs-torch",
        "DelayTrainer vs the same network in PyTorch (bench/peers/torch_dcls.py, Debian's python3-torch): loss and gradients of a small network; "
        + "training samples/s and the ratio at the SHD recipe's and the ablation shapes, initial and final sigma, alternating runs. A few minutes; --quick: about a minute",
        TrainerVsTorchAnalysis.Run, TrainerVsTorchAnalysis.CheckInputs);

    /// <summary>The random LSM in software and on simulated resistive-memory chips.</summary>
    public static BenchmarkStudy CrossbarLsm { get; } = new("crossbar-lsm",
        "Random LSM 256-200-10 (Lin et al. 2025) on Fashion-MNIST (Debian's dataset-fashion-mnist), software vs stochastic-switching weights vs crossbar presets: "
        + "accuracy and energy per inference per arm; with --data DIR holding N-MNIST (Train/, Test/) also the paper's recipe on it. Full: 1000/500 samples (minutes); --quick: 300/150; --size N: N/(N/2)",
        CrossbarLsmAnalysis.Run, CrossbarLsmAnalysis.CheckInputs);

    /// <summary>The crossbar LSM against one non-ideality at a time.</summary>
    public static BenchmarkStudy CrossbarSweep { get; } = new("crossbar-sweep",
        "Crossbar LSM on Fashion-MNIST against one non-ideality at a time (levels, read/programming noise, drift, stuck-at, ADC bits, wire resistance) on the 50-225 uS ReRAM range: "
        + "accuracy vs software, energy per inference, one PNG per parameter; and pair STDP learning on the chip (ideal, Ag:a-Si RRAM, PCM pulse responses) vs software. "
        + "Full: every point, 1000/500 samples; --quick: a few points, 300/150; --size N: a few points, N/(N/2)",
        CrossbarSweepAnalysis.Run, CrossbarSweepAnalysis.CheckInputs);

    /// <summary>The NALSM protocol on Fashion-MNIST.</summary>
    public static BenchmarkStudy NalsmFashionMnist { get; } = new("nalsm-fmnist",
        "NALSM (Ivanov & Michmizos 2021; paper 83.05 % with 1000, 85.61 % with 8000 neurons) on Fashion-MNIST: --liquid 1000|8000, --variant nalsm|lsm-stdp|lsm, --readout adam|paper, --features FILE (spike counts saved and reused); "
        + "accuracy (softmax, ridge), branching factor, rate, phase timings. Full: the paper's protocol (hours); --quick: 5000/1000/1000 samples; --size N: N training samples",
        NalsmAnalysis.Run, NalsmAnalysis.CheckInputs);

    /// <summary>The NALSM branching factor against the astrocyte gain.</summary>
    public static BenchmarkStudy NalsmBranching { get; } = new("nalsm-branching",
        "NALSM 1000 w_A sweep (Ivanov & Michmizos 2021: the branching factor falls as w_A grows): w_A 0.002, 0.015, 0.1, 0.2 on Fashion-MNIST; "
        + "branching factor and rate per gain, PNG. Full: 50 000 initialisation presentations per gain (about an hour on 2 cores); --quick: 5000; --size N: N",
        NalsmBranchingAnalysis.Run, NalsmBranchingAnalysis.CheckInputs);

    /// <summary>The NALSM liquid's time per sample, static and plastic, on the block and scalar neuron updates.</summary>
    public static BenchmarkStudy NalsmLiquid { get; } = new("nalsm-liquid",
        "NALSM liquid speed (--liquid 1000|8000): ms per 250 ms sample on one thread, static (fixed weights) and plastic (astrocyte-modulated STDP), with the CPU engine's block (vectorised) and scalar neuron updates, alternating; "
        + "checks that both give the same spike counts. Random images, no data set. --size N: N samples per timing (default 200, one chunk of the protocol); --quick: 20 samples, 1 run",
        NalsmLiquidSpeedAnalysis.Run);

    /// <summary>CPU engine against ONNX Runtime (fast, fast with float16 weights, and exact forms) on three classifier networks.</summary>
    public static BenchmarkStudy OnnxThroughput { get; } = new("onnx-throughput",
        "ONNX deployment speed: a trained delay model, a 784-input dense LIF classifier and a recurrent 1000-neuron liquid, sample by sample on the cpu engine "
        + "and in batches 1/32/256 on ONNX Runtime (fast, fast-f16 (float16 weights) and exact forms, 1 and 2 threads; --threads T: only T); samples/s, graph nodes, file size, class and spike agreement. "
        + "--quick: 64 samples of 50 steps, batches 1 and 32; --size N: N samples",
        Studies.OnnxThroughput.OnnxThroughputAnalysis.Run);

    /// <summary>CUBA with every spike streamed to a file, and the memory over the run.</summary>
    public static BenchmarkStudy SpikeStreaming { get; } = new("spike-streaming",
        "CUBA (--size, default 4000) with every spike streamed to a CSV file by SpikeStreamWriter in 1 s chunks: live managed heap and working set at 60 points; "
        + "full: one simulated hour (--duration to change); --quick: 60 s",
        SpikeStreamingAnalysis.Run);

    /// <summary>All studies in the order <c>snn-bench list</c> shows them.</summary>
    public static IReadOnlyList<BenchmarkStudy> All { get; } = [SfqXor, SfqVsCpu, SfqVsCircuit, OnnxRoundTrip, OnnxThroughput, DelaysAblation, DelaysShd, TrainerVsTorch, CrossbarLsm, CrossbarSweep, NalsmFashionMnist, NalsmBranching, NalsmLiquid, SpikeStreaming];

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
