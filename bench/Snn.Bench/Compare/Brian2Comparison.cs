using Snn.Bench.Running;
using Snn.Bench.Suites;

namespace Snn.Bench.Compare;

/// <summary>
/// Times our engine and Brian2 on the same networks (each suite at each size), alternating which goes
/// first in each repetition so that slow drifts of the machine do not favour one side.
/// </summary>
public static class Brian2Comparison
{
    /// <summary>Runs <paramref name="repeats"/> paired repetitions for each suite and size.</summary>
    /// <param name="peer">The Brian2 script runner.</param>
    /// <param name="suites">Suites with a peer script (<see cref="Brian2Peer.Suites"/>).</param>
    /// <param name="sizes">Network sizes (neurons) for every suite; null for each suite's own (<see cref="Brian2PeerSuite.DefaultSizes"/>).</param>
    /// <param name="repeats">Repetitions per network, ≥ 1.</param>
    /// <param name="durationMs">Simulated time (ms).</param>
    /// <param name="threads">Worker threads of both simulators: Snn's, and Brian2's OpenMP threads (null: the
    /// engine's choice for Snn, one for Brian2).</param>
    /// <param name="seed">Our network seed of the first repetition; repetition r uses seed + r.</param>
    /// <param name="status">Receives a line before each run.</param>
    /// <param name="brian2Timeout">Longest a Brian2 run (with its C++ compilation) may take.</param>
    public static IReadOnlyList<ComparisonRow> Run(Brian2Peer peer, IReadOnlyList<string> suites, IReadOnlyList<int>? sizes, int repeats, double durationMs, int? threads, ulong seed,
        Action<string>? status = null, TimeSpan? brian2Timeout = null)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(suites);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        foreach (string suite in suites)
        {
            peer.ScriptFor(suite);
        }
        var timeout = brian2Timeout ?? TimeSpan.FromMinutes(15);
        var rows = new List<ComparisonRow>();
        var warm = new HashSet<string>();
        foreach (string suiteName in suites)
        {
            var suite = SuiteCatalog.Find(suiteName);
            foreach (int size in sizes ?? Brian2Peer.PeerOf(suiteName).DefaultSizes)
            {
                rows.Add(RunNetwork(peer, suite, size, repeats, durationMs, threads, seed, status, timeout, warm));
            }
        }
        return rows;
    }

    private static ComparisonRow RunNetwork(Brian2Peer peer, BenchmarkSuite suite, int size, int repeats, double durationMs, int? threads, ulong seed,
        Action<string>? status, TimeSpan timeout, HashSet<string> warm)
    {
        var oursRun = new List<double>();
        var oursBuild = new List<double>();
        var brianWall = new List<double>();
        var brianRate = new List<double>();
        var oursRate = new List<double>();
        long oursSynapses = 0;
        long brianSynapses = 0;
        for (int r = 0; r < repeats; r++)
        {
            void Ours()
            {
                status?.Invoke($"{suite.Name}, N = {size}, repetition {r + 1}/{repeats}: Snn (cpu)");
                var run = SuiteRunner.Run(suite, new SuiteRunOptions(size, durationMs, seed + (ulong)r, threads, WarmUp: warm.Add(suite.Name)));
                oursRun.Add(run.Result.WallSeconds);
                oursBuild.Add(run.Result.BuildSeconds);
                oursRate.Add(run.Result.MeanRateHz);
                oursSynapses = run.Result.Synapses;
            }
            void Brian()
            {
                status?.Invoke($"{suite.Name}, N = {size}, repetition {r + 1}/{repeats}: Brian2 (generating and compiling C++, then running)");
                var result = peer.Run(suite.Name, size, durationMs / 1000.0, threads ?? 1, timeout);
                brianWall.Add(result.WallSeconds);
                brianRate.Add(result.MeanRateHz);
                brianSynapses = result.Synapses;
            }
            if (r % 2 == 0)
            {
                Ours();
                Brian();
            }
            else
            {
                Brian();
                Ours();
            }
        }
        return new ComparisonRow(suite.Name, size, threads, oursSynapses, brianSynapses, oursRun, oursBuild, brianWall, oursRate, brianRate);
    }
}
