using Snn.Backends.Sfq.Circuit;

namespace Snn.Bench.Cli;

/// <summary>The options of <c>snn-bench sfq-calibrate</c>.</summary>
/// <param name="OutFile">The calibration file to write.</param>
/// <param name="Quick">The reduced sweep for CI instead of the full one.</param>
/// <param name="LoopInductancePh">Neuron loop inductance of the technology calibrated (pH).</param>
/// <param name="Seed">Seed of the thermal noise.</param>
/// <param name="Threads">Circuit runs at once; null for one per core (the results do not depend on it).</param>
public sealed record SfqCalibrateSettings(string OutFile, bool Quick, double LoopInductancePh, ulong Seed, int? Threads = null)
{
    /// <summary>Default file name.</summary>
    public const string DefaultOutFile = "sfq-calibration.json";

    /// <summary>Full sweep: 200 pulses at 9 gate biases, at 3.0, 4.2 and 5.0 K and global bias scales 0.80 to 1.20 in steps of 0.05.</summary>
    public static SfqCalibrationSettings Full(ulong seed) => new()
    {
        PulsesPerPoint = 200,
        GateBiasPoints = 9,
        SweepTemperaturesK = [3.0, 5.0],
        SweepBiasScales = [0.8, 0.85, 0.9, 0.95, 1.05, 1.1, 1.15, 1.2],
        Seed = seed,
    };

    /// <summary>Quick sweep: 40 pulses at 5 gate biases, at 4.2 and 5.0 K and bias scales 0.95, 1.00 and 1.05.</summary>
    public static SfqCalibrationSettings QuickSweep(ulong seed) => new()
    {
        PulsesPerPoint = 40,
        GateBiasPoints = 5,
        SweepTemperaturesK = [5.0],
        SweepBiasScales = [0.95, 1.05],
        Seed = seed,
    };

    /// <summary>The sweep these settings ask for.</summary>
    public SfqCalibrationSettings Sweep => (Quick ? QuickSweep(Seed) : Full(Seed)) with { Threads = Threads };
}
