using Snn.Backends.Cpu;
using Snn.Core.Simulation;

namespace Snn.Bench.Running;

/// <summary>Creates the engine named on the command line (<c>--backend</c>).</summary>
public static class BackendFactory
{
    /// <summary>The engines <c>snn-bench</c> can run. Others join as their backends land.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cpu"];

    /// <summary>Creates engine <paramref name="name"/> with <paramref name="threads"/> workers (null: the engine's choice).</summary>
    /// <exception cref="ArgumentException">Unknown engine or fewer than one thread.</exception>
    public static IBackend Create(string name, int? threads)
    {
        if (threads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, $"threads = {threads} must be at least 1.");
        }
        return name.ToLowerInvariant() switch
        {
            "cpu" => new CpuBackend(new CpuBackendOptions { Threads = threads }),
            _ => throw new ArgumentException($"Unknown backend '{name}'; available: {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}
