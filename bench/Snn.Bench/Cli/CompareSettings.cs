namespace Snn.Bench.Cli;

/// <summary>The options of <c>snn-bench compare brian2</c>.</summary>
/// <param name="Peer">The simulator compared with ("brian2").</param>
/// <param name="Suites">The suites compared (each has a Brian2 peer script).</param>
/// <param name="Sizes">Network sizes (neurons) for every suite; null for each suite's own (<see cref="Compare.Brian2PeerSuite.DefaultSizes"/>).</param>
/// <param name="Repeats">Paired repetitions per size.</param>
/// <param name="DurationMs">Simulated time (ms).</param>
/// <param name="Threads">Our worker threads; null lets the engine choose.</param>
/// <param name="Seed">Our network seed.</param>
/// <param name="Python">The interpreter that has Brian2.</param>
/// <param name="PeersDirectory">The folder of the peer scripts; null to look beside the program, then in bench/peers upward from the current folder.</param>
public sealed record CompareSettings(string Peer, IReadOnlyList<string> Suites, IReadOnlyList<int>? Sizes, int Repeats, double DurationMs, int? Threads, ulong Seed, string Python,
    string? PeersDirectory);
