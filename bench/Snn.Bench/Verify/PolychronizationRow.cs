using System.Globalization;
using Snn.Bench.Running;
using Snn.Bench.Suites;

namespace Snn.Bench.Verify;

/// <summary>
/// Izhikevich 2006's polychronization network with STDP, shortened: after the simulated time the
/// excitatory weights must be bimodal by <see cref="PolychronizationAnalysis"/>'s criterion (at
/// least 60 % of them below 1 or above 9 of 10, and at least 10 % at each end). The README's
/// 300 s run ends with 55.7 % below 1 and 34.1 % above 9.
/// </summary>
public sealed class PolychronizationRow : VerifyRow
{
    /// <inheritdoc />
    public override string Name => "polychronization-bimodality";

    /// <inheritdoc />
    public override string Claim => "STDP drives the excitatory weights to a bimodal distribution (README, 300 s: 55.7 % below 1, 34.1 % above 9 of 10)";

    /// <inheritdoc />
    public override string Source => "Izhikevich 2006, Neural Comput. 18:245 (spnet.m): bimodal weights; criterion of PolychronizationAnalysis";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        double durationMs = context.Quick ? 60_000 : 300_000;
        context.Report($"polychronization: {durationMs / 1000:G3} s simulated");
        var run = SuiteRunner.Run(SuiteCatalog.Find("polychronization"), new SuiteRunOptions(PolychronizationNetwork.PaperSize, durationMs, SuiteRateClaims.Seed, context.Threads,
            ChunkMs: 10_000, WarmUp: false));
        var metrics = run.Analysis!.Metrics;
        double low = metrics["weights_below_1_fraction"];
        double high = metrics["weights_above_9_fraction"];
        bool bimodal = low + high >= 0.6 && low >= 0.1 && high >= 0.1;
        return Judge(bimodal,
            string.Create(CultureInfo.InvariantCulture, $"after {durationMs / 1000:G3} s: {low:P1} below 1, {high:P1} above 9"),
            "below 1 + above 9 ≥ 60 %, each ≥ 10 %",
            "the weights are not bimodal", new Dictionary<string, double>(metrics));
    }
}
