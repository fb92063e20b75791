using System.Globalization;
using Snn.Bench.Running;
using Snn.Bench.Suites;

namespace Snn.Bench.Verify;

/// <summary>A suite's mean rate against a published rate (<see cref="SuiteRateClaims"/>); the suite is found by name.</summary>
public sealed class SuiteRateRow(SuiteRateClaim claim) : VerifyRow
{
    /// <inheritdoc />
    public override string Name => claim.Row;

    /// <inheritdoc />
    public override string Claim => string.Create(CultureInfo.InvariantCulture, $"{claim.Suite}, {claim.Size} neurons, {claim.DurationMs / 1000:G3} s: mean rate {claim.ReferenceHz:G4} Hz");

    /// <inheritdoc />
    public override string Source => claim.Source;

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        context.Report($"{claim.Suite}: {claim.Size} neurons, {claim.DurationMs:G4} ms");
        var run = SuiteRunner.Run(SuiteCatalog.Find(claim.Suite), new SuiteRunOptions(claim.Size, claim.DurationMs, SuiteRateClaims.Seed, context.Threads, WarmUp: false));
        double rate = run.Result.MeanRateHz;
        double deviation = rate - claim.ReferenceHz;
        var metrics = new Dictionary<string, double> { ["rate_hz"] = rate, ["reference_hz"] = claim.ReferenceHz, ["deviation_hz"] = deviation };
        return Judge(Math.Abs(deviation) <= claim.ToleranceHz,
            string.Create(CultureInfo.InvariantCulture, $"{rate:F3} Hz"),
            string.Create(CultureInfo.InvariantCulture, $"{claim.ReferenceHz:G4} ± {claim.ToleranceHz:G3} Hz"),
            string.Create(CultureInfo.InvariantCulture, $"the rate is {deviation:+0.000;-0.000} Hz from {claim.ReferenceHz:G4} Hz"), metrics);
    }
}
