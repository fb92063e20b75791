using Snn.Backends.Cpu;
using Snn.Backends.EventDriven;
using Snn.Backends.Gpu;
using Snn.Backends.Mpi;
using Snn.Backends.Onnx;
using Snn.Core.Simulation;

namespace Snn.Bench.Running;

/// <summary>
/// Creates the engine named on the command line (<c>--backend</c>). Each engine is one entry of
/// <see cref="Engines"/>: a name and a function of the requested thread count and, for <c>mpi</c>,
/// this rank's MPI session. An engine that cannot run a suite says so at compile time with a
/// <see cref="NotSupportedException"/>, which the command line prints as an error.
/// </summary>
public static class BackendFactory
{
    /// <summary>The CPU engine with every model on its scalar per-neuron step instead of its block (SIMD)
    /// update: the same spikes, for before/after timings of the block updates in one command.</summary>
    public const string CpuScalar = "cpu-scalar";

    /// <summary>The name of the distributed engine, which runs inside an MPI session.</summary>
    public const string Mpi = "mpi";

    /// <summary>The environment variable Open MPI's <c>mpirun</c> sets in every process it starts (the number of ranks).</summary>
    public const string MpirunVariable = "OMPI_COMM_WORLD_SIZE";

    private static readonly (string Name, Func<int?, MpiSession?, IBackend> Create)[] Engines =
    [
        ("cpu", (threads, _) => new CpuBackend(new CpuBackendOptions { Threads = threads })),
        (CpuScalar, (threads, _) => new CpuBackend(new CpuBackendOptions { Threads = threads, UseBlockUpdate = false })),
        ("event-driven", (_, _) => new EventDrivenBackend()),
        ("onnx", (threads, _) => new OnnxBackend { IntraOpThreads = threads ?? 1 }),
        ("gpu", (_, _) => new GpuBackend(new GpuBackendOptions { Accelerator = GpuAccelerator.Auto })),
        (Mpi, (_, session) => new MpiBackend(session ?? throw new ArgumentException(
            "The mpi engine needs this rank's MPI session (snn-bench opens one for --backend mpi; start it with mpirun -np K).", nameof(session)))),
    ];

    /// <summary>The engines <c>snn-bench</c> can run, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = Engines.Select(e => e.Name).ToArray();

    /// <summary>The number of ranks when this process was started by Open MPI's <c>mpirun</c>
    /// (<see cref="MpirunVariable"/>), else null.</summary>
    public static int? MpirunRanks
        => int.TryParse(Environment.GetEnvironmentVariable(MpirunVariable), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int ranks)
            ? ranks
            : null;

    /// <summary>The engine when <c>--backend</c> is not given: <c>mpi</c> under <c>mpirun</c>, else <c>cpu</c>.</summary>
    public static string DefaultName => MpirunRanks is null ? "cpu" : Mpi;

    /// <summary>Whether <paramref name="name"/> is the distributed engine (case-insensitive).</summary>
    public static bool IsMpi(string name) => string.Equals(name, Mpi, StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates engine <paramref name="name"/> (case-insensitive) with <paramref name="threads"/>
    /// workers (null: the engine's choice; the event-driven engine runs on one thread, ONNX Runtime
    /// uses them inside an operator, the GPU and MPI engines ignore it: one rank is one thread).</summary>
    /// <param name="name">The engine's name (<see cref="Names"/>).</param>
    /// <param name="threads">Worker threads, ≥ 1, or null.</param>
    /// <param name="session">This rank's MPI session; required by <c>mpi</c>, ignored by the others.</param>
    /// <exception cref="ArgumentException">Unknown engine, fewer than one thread, or <c>mpi</c> without a session.</exception>
    public static IBackend Create(string name, int? threads, MpiSession? session = null)
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
                return create(threads, session);
            }
        }
        throw new ArgumentException($"Unknown backend '{name}'; available: {string.Join(", ", Names)}.", nameof(name));
    }
}
