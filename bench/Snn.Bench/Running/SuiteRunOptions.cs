using Snn.Backends.Mpi;
using Snn.Core.Simulation;

namespace Snn.Bench.Running;

/// <summary>How to run one suite.</summary>
/// <param name="Size">Number of neurons.</param>
/// <param name="DurationMs">Simulated time (ms), &gt; 0.</param>
/// <param name="Seed">The network seed.</param>
/// <param name="Threads">Worker threads; null lets the engine choose.</param>
/// <param name="Backend">The engine's name (<see cref="BackendFactory.Names"/>).</param>
/// <param name="ChunkMs">The simulation runs in chunks of this many ms; progress is reported after each.</param>
/// <param name="WarmUp">Whether to run a small untimed instance first, so that JIT compilation is not timed.</param>
/// <param name="Session">This rank's MPI session, for <c>Backend = "mpi"</c>; null otherwise.</param>
/// <param name="PowerWatts">The machine's mean power draw during the run (W, &gt; 0), e.g. from a wall meter; null to read the
/// CPU packages' RAPL counters where they can be read (<see cref="RaplMeter"/>), else to report no energy.</param>
/// <param name="InDegreeScale">In-degree scale in (0, 1] for suites that support it (<see cref="Suites.BenchmarkSuite.ScalesInDegrees"/>); null for the suite's default.</param>
/// <param name="Engine">An engine configured by the caller (for example a <c>GpuBackend</c> on a chosen accelerator) to use
/// instead of the one <see cref="BackendFactory"/> creates from <paramref name="Backend"/>, which then only names the result; null for the factory's.</param>
/// <param name="Inspect">Called with the compiled simulation after the timed run, before it is disposed (for
/// example to read the device memory of a GPU run); null for nothing.</param>
public sealed record SuiteRunOptions(int Size, double DurationMs, ulong Seed, int? Threads = null, string Backend = "cpu", double ChunkMs = 50, bool WarmUp = true,
    MpiSession? Session = null, double? InDegreeScale = null, double? PowerWatts = null, IBackend? Engine = null, Action<ISimulation>? Inspect = null);
