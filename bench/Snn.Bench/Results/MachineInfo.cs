using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Snn.Bench.Results;

/// <summary>The machine a benchmark ran on.</summary>
/// <param name="Os">Operating system description.</param>
/// <param name="Cpu">Processor model name (from /proc/cpuinfo on Linux), or "unknown".</param>
/// <param name="LogicalCores">Logical processors available to the process.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="Architecture">Process architecture.</param>
/// <param name="VectorIsa">The widest SIMD instruction set the .NET runtime uses on this processor
/// (<c>AVX-512</c>, <c>AVX2</c>, <c>AVX</c>, <c>SSE4.2</c>, <c>AdvSimd</c> or <c>none</c>): two
/// machines of the same model name can differ in it, and the engine's and ONNX Runtime's speeds
/// with it. <c>unknown</c> in reports written before it was recorded.</param>
public sealed record MachineInfo(string Os, string Cpu, int LogicalCores, string Runtime, string Architecture, string VectorIsa = MachineInfo.UnknownIsa)
{
    /// <summary>The <see cref="VectorIsa"/> of a report that did not record it.</summary>
    public const string UnknownIsa = "unknown";

    /// <summary>The machine this process runs on.</summary>
    public static MachineInfo Current() => new(RuntimeInformation.OSDescription, CpuModel(), Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription, RuntimeInformation.ProcessArchitecture.ToString(), WidestVectorIsa());

    private static string WidestVectorIsa() =>
        Avx512F.IsSupported ? "AVX-512"
        : Avx2.IsSupported ? "AVX2"
        : Avx.IsSupported ? "AVX"
        : Sse42.IsSupported ? "SSE4.2"
        : AdvSimd.IsSupported ? "AdvSimd"
        : "none";

    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                foreach (string line in File.ReadLines("/proc/cpuinfo"))
                {
                    if (line.StartsWith("model name", StringComparison.Ordinal))
                    {
                        return line[(line.IndexOf(':') + 1)..].Trim();
                    }
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return "unknown";
    }
}
