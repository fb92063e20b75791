namespace Snn.Bench.Cli;

/// <summary>The options of <c>snn-bench verify</c>.</summary>
/// <param name="Quick">Reduced sizes and durations (minutes on 2 cores).</param>
/// <param name="OutDirectory">Where verify.json goes.</param>
/// <param name="Threads">Worker threads; null lets the engines choose.</param>
/// <param name="Rows">The rows to run (names); empty for all.</param>
public sealed record VerifySettings(bool Quick, string OutDirectory, int? Threads, IReadOnlyList<string> Rows);
