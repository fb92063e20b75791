namespace Snn.Bench.GpuCheck;

/// <summary>What one <c>gpu-check</c> step found.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Status">One of <see cref="GpuCheckStatus"/>'s values.</param>
/// <param name="Seconds">Wall-clock time of the step (s), process start included when it ran in its own process.</param>
/// <param name="TimeoutSeconds">The timeout it ran under (s).</param>
/// <param name="Summary">One line for the table: the key figures.</param>
/// <param name="Metrics">Named numbers, units in the names (<c>_s</c>, <c>_hz</c>, <c>_bytes</c>); <c>NaN</c> where undefined.</param>
/// <param name="Findings">Lines with the details (per engine, per population, failing tests).</param>
/// <param name="Error">The error message when <paramref name="Status"/> is not passed or failed; null otherwise.</param>
public sealed record GpuCheckStepResult(string Step, string Status, double Seconds, double TimeoutSeconds, string Summary,
    IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Findings, string? Error = null)
{
    /// <summary>A result with no measurements (an error, a timeout, a skipped step).</summary>
    public static GpuCheckStepResult Empty(string step, string status, double seconds, double timeoutSeconds, string error)
        => new(step, status, seconds, timeoutSeconds, error, new Dictionary<string, double>(), [], error);
}
