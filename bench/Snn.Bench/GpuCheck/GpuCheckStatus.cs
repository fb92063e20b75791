namespace Snn.Bench.GpuCheck;

/// <summary>The outcome of a <c>gpu-check</c> step, as written in the report.</summary>
public static class GpuCheckStatus
{
    /// <summary>The step ran and every check it makes held.</summary>
    public const string Passed = "passed";

    /// <summary>The step ran and a check failed (wrong results, spikes that disagree, failing tests).</summary>
    public const string Failed = "failed";

    /// <summary>The step threw (a kernel that does not compile or launch, memory, a crash).</summary>
    public const string Error = "error";

    /// <summary>The step ran past its timeout and was stopped.</summary>
    public const string Timeout = "timeout";

    /// <summary>The step did not run: the whole check's time budget was spent.</summary>
    public const string Skipped = "skipped";
}
