using System.Globalization;
using Snn.Bench.Studies;

namespace Snn.Bench.Verify;

/// <summary>
/// NALSM's branching factor falls as the astrocyte gain w_A grows (0.002, 0.015, 0.1, 0.2), at
/// every step (the <c>nalsm-branching</c> study). Quick: 2000 initialisation presentations per gain
/// and 500 measured samples of 50 ms; full: the study's <c>--quick</c> protocol (5000, 200 of 250 ms).
/// </summary>
public sealed class NalsmBranchingRow : VerifyRow
{
    /// <summary>Initialisation presentations per gain in the quick form.</summary>
    public const int QuickInitialisationSamples = 2000;

    /// <inheritdoc />
    public override string Name => "nalsm-branching";

    /// <inheritdoc />
    public override string Claim => "the branching factor falls strictly as w_A grows over 0.002, 0.015, 0.1, 0.2 (README: 1.267, 1.246, 0.826, 0.715 with 5000 presentations)";

    /// <inheritdoc />
    public override string Source => "Ivanov & Michmizos, NeurIPS 2021 (the astrocyte drives the liquid towards criticality); strict ordering";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        var study = new StudyContext(SuiteRateClaims.Seed, Size: context.Quick ? QuickInitialisationSamples : null, Threads: context.Threads, Quick: !context.Quick);
        if (StudyCatalog.NalsmBranching.CheckInputs(study) is { } missing)
        {
            return Skipped(missing);
        }
        context.Report("nalsm-branching: w_A sweep");
        var metrics = StudyCatalog.NalsmBranching.Run(study).Metrics;
        var branching = NalsmBranchingAnalysis.AstrocyteWeights.Select(w => metrics[$"branching_wA_{w.ToString(CultureInfo.InvariantCulture)}"]).ToArray();
        bool falling = branching.Zip(branching.Skip(1)).All(pair => pair.Second < pair.First);
        return Judge(falling,
            string.Join(" / ", branching.Select(b => b.ToString("F3", CultureInfo.InvariantCulture))),
            "each below the previous",
            "the branching factor does not fall at every step", new Dictionary<string, double>(metrics));
    }
}
