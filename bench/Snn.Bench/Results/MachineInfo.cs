using System.Runtime.InteropServices;

namespace Snn.Bench.Results;

/// <summary>The machine a benchmark ran on.</summary>
/// <param name="Os">Operating system description.</param>
/// <param name="Cpu">Processor model name (from /proc/cpuinfo on Linux), or "unknown".</param>
/// <param name="LogicalCores">Logical processors available to the process.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="Architecture">Process architecture.</param>
public sealed record MachineInfo(string Os, string Cpu, int LogicalCores, string Runtime, string Architecture)
{
    /// <summary>The machine this process runs on.</summary>
    public static MachineInfo Current() => new(RuntimeInformation.OSDescription, CpuModel(), Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription, RuntimeInformation.ProcessArchitecture.ToString());

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
