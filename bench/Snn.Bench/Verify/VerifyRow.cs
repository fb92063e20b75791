using System.Diagnostics;

namespace Snn.Bench.Verify;

/// <summary>
/// One published claim that <c>snn-bench verify</c> reproduces. A row states the claim, its source
/// and its tolerance (taken from the source, never fitted to this install), measures the quantity
/// and compares.
/// </summary>
public abstract class VerifyRow
{
    /// <summary>The row's name, lower case with dashes, as the README cites it.</summary>
    public abstract string Name { get; }

    /// <summary>The published claim, in words and numbers.</summary>
    public abstract string Claim { get; }

    /// <summary>Where the claim and its tolerance come from.</summary>
    public abstract string Source { get; }

    /// <summary>Measures the claim and judges it.</summary>
    protected abstract Measurement Measure(VerifyContext context);

    /// <summary>Runs the row; an exception becomes a failing row that names it.</summary>
    public VerifyOutcome Run(VerifyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        long start = Stopwatch.GetTimestamp();
        Measurement measurement;
        try
        {
            measurement = Measure(context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            measurement = new Measurement("-", "-", VerifyStatus.Fail, $"{e.GetType().Name}: {e.Message}", new Dictionary<string, double>());
        }
        return new VerifyOutcome(Name, Claim, measurement.Measured, measurement.Tolerance, Source, measurement.Status, measurement.Reason,
            Stopwatch.GetElapsedTime(start).TotalSeconds, measurement.Metrics);
    }

    /// <summary>A measurement judged against the claim.</summary>
    /// <param name="Measured">The value measured, with units.</param>
    /// <param name="Tolerance">The accepted range, with units.</param>
    /// <param name="Status">The verdict.</param>
    /// <param name="Reason">Why it failed or was skipped; null when it passed.</param>
    /// <param name="Metrics">The measured numbers by name.</param>
    protected sealed record Measurement(string Measured, string Tolerance, VerifyStatus Status, string? Reason, IReadOnlyDictionary<string, double> Metrics);

    /// <summary>A measurement that passes when <paramref name="passed"/> holds, else fails with <paramref name="failure"/>.</summary>
    protected static Measurement Judge(bool passed, string measured, string tolerance, string failure, IReadOnlyDictionary<string, double> metrics)
        => new(measured, tolerance, passed ? VerifyStatus.Pass : VerifyStatus.Fail, passed ? null : failure, metrics);

    /// <summary>A row that cannot run on this machine, and why.</summary>
    protected static Measurement Skipped(string reason) => new("-", "-", VerifyStatus.Skip, reason, new Dictionary<string, double>());
}
