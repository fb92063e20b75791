using Snn.Backends.Cpu;
using Snn.Backends.EventDriven;
using Snn.Backends.Onnx;
using Snn.Core.Simulation;

namespace Snn.Bench.Running;

/// <summary>
/// Creates the engine named on the command line (<c>--backend</c>). Each engine is one entry of
/// <see cref="Engines"/>: a name and a function of the requested thread count. An engine that cannot
/// run a suite says so at compile time with a <see cref="NotSupportedException"/>, which the command
/// line prints as an error.
/// </summary>
public static class BackendFactory
{
    private static readonly (string Name, Func<int?, IBackend> Create)[] Engines =
    [
        ("cpu", threads => new CpuBackend(new CpuBackendOptions { Threads = threads })),
        ("event-driven", _ => new EventDrivenBackend()),
        ("onnx", threads => new OnnxBackend { IntraOpThreads = threads ?? 1 }),
    ];

    /// <summary>The engines <c>snn-bench</c> can run, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = Engines.Select(e => e.Name).ToArray();

    /// <summary>Creates engine <paramref name="name"/> (case-insensitive) with <paramref name="threads"/>
    /// workers (null: the engine's choice; the event-driven engine runs on one thread, ONNX Runtime
    /// uses them inside an operator).</summary>
    /// <exception cref="ArgumentException">Unknown engine or fewer than one thread.</exception>
    public static IBackend Create(string name, int? threads)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (threads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, $"threads = {threads} must be at least 1.");
        }
        foreach (var (engine, create) in Engines)
        {
            if (string.Equals(engine, name, StringComparison.OrdinalIgnoreCase))
            {
                return create(threads);
            }
        }
        throw new ArgumentException($"Unknown backend '{name}'; available: {string.Join(", ", Names)}.", nameof(name));
    }
}
