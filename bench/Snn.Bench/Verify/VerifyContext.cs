namespace Snn.Bench.Verify;

/// <summary>How <c>snn-bench verify</c> runs its rows.</summary>
/// <param name="Quick">Reduced sizes and durations (every row together in minutes on 2 cores).</param>
/// <param name="Threads">Worker threads of the engines; null lets them choose (results do not depend on it).</param>
/// <param name="Status">Receives a line on what a row is doing; null for none.</param>
public sealed record VerifyContext(bool Quick, int? Threads = null, Action<string>? Status = null)
{
    /// <summary>Reports what a row is doing.</summary>
    public void Report(string stage) => Status?.Invoke(stage);
}
