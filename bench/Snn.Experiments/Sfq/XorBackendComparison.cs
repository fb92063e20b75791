using Snn.Backends.Sfq;

namespace Snn.Experiments.Sfq;

/// <summary>One XOR pattern's output rate on the pulse-level SFQ backend and on the clock-driven
/// CPU engine running the same network's mean-field version (each weight adds its expected flux).</summary>
/// <param name="A">Input A.</param>
/// <param name="B">Input B.</param>
/// <param name="SfqRateGhz">Output rate on <see cref="SfqBackend"/> (GHz).</param>
/// <param name="CpuRateGhz">Output rate on the CPU engine (GHz).</param>
/// <param name="SfqEvents">Events the SFQ run processed.</param>
/// <param name="CpuSteps">Time steps the CPU run computed.</param>
public sealed record XorBackendComparison(bool A, bool B, double SfqRateGhz, double CpuRateGhz, long SfqEvents, long CpuSteps);
