using System.Globalization;
using Snn.Bench.Running;
using Snn.Bench.Suites;
using P = Snn.Bench.Suites.MicrocircuitParameters;

namespace Snn.Bench.Verify;

/// <summary>
/// The Potjans-Diesmann microcircuit at 10 % of the neurons with the suite's default in-degree
/// scale below full scale (K = 0.5, weights ×1/√K and the reference's DC compensation): each of
/// the eight populations' mean rate over 500 ms to the end within 20 % of the reference
/// repository's full-scale rates, the tolerance the README states for scaled-down runs
/// (<see cref="MicrocircuitAnalysis"/>).
/// </summary>
public sealed class MicrocircuitRow : VerifyRow
{
    /// <summary>The fraction of the full model's neurons.</summary>
    public const double NeuronScale = 0.1;

    /// <inheritdoc />
    public override string Name => "microcircuit-rates";

    /// <inheritdoc />
    public override string Claim => "10 % of the neurons, in-degrees x0.5: all 8 population rates within 20 % of the reference (README: 8 of 8, seeds 1, 7, 42)";

    /// <inheritdoc />
    public override string Source => "Potjans & Diesmann 2014, the reference repository's rates (0.903 ... 7.829 Hz); 20 %: its scaled-down check";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        var suite = SuiteCatalog.Find("microcircuit");
        int size = (int)Math.Round(NeuronScale * suite.FullSize!.Value);
        double durationMs = context.Quick ? 1500 : 3000;
        context.Report($"microcircuit: {size} neurons, {durationMs:G4} ms");
        var run = SuiteRunner.Run(suite, new SuiteRunOptions(size, durationMs, SuiteRateClaims.Seed, context.Threads, WarmUp: false));
        var metrics = run.Analysis!.Metrics;
        int within = (int)metrics["populations_within_tolerance"];
        var errors = P.Names.Select(n => metrics[$"{n}_rate_relative_error"]).ToArray();
        int worst = Array.IndexOf(errors, errors.MaxBy(Math.Abs));
        return Judge(within == P.Names.Length,
            string.Create(CultureInfo.InvariantCulture, $"{within} of 8 within; worst {P.Names[worst]} {errors[worst]:+0.0%;-0.0%}"),
            "|rate / reference - 1| ≤ 20 % for all 8",
            $"{P.Names.Length - within} populations are off", new Dictionary<string, double>(metrics));
    }
}
