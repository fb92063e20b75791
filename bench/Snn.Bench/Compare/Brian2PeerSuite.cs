namespace Snn.Bench.Compare;

/// <summary>A suite's Brian2 peer: the script in <c>bench/peers</c> that builds the suite's network in
/// Brian2, the arguments it takes after the common ones (size, seconds, device, threads), and the
/// network sizes (neurons) that <c>snn-bench compare brian2</c> times when no <c>--sizes</c> is given.</summary>
/// <param name="Suite">The suite's name (<see cref="Suites.SuiteCatalog"/>).</param>
/// <param name="Script">The script's file name.</param>
/// <param name="Arguments">The script's arguments after the thread count (the time step of the Izhikevich network).</param>
/// <param name="DefaultSizes">Sizes compared by default.</param>
public sealed record Brian2PeerSuite(string Suite, string Script, IReadOnlyList<string> Arguments, IReadOnlyList<int> DefaultSizes);
