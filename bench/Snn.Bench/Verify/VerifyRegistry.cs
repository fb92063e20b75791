namespace Snn.Bench.Verify;

/// <summary>The rows of <c>snn-bench verify</c>, in the order it runs and prints them.</summary>
public static class VerifyRegistry
{
    /// <summary>Every row.</summary>
    public static IReadOnlyList<VerifyRow> All { get; } =
    [
        new SuiteRateRow(SuiteRateClaims.Cuba),
        new SuiteRateRow(SuiteRateClaims.Coba),
        new Izhikevich2003Row(),
        new StdpWindowRow(),
        new PolychronizationRow(),
        new MicrocircuitRow(),
        new EventDrivenConvergenceRow(),
        new OnnxExactnessRow(),
        new NirRoundTripRow(),
        new CrossbarIdealRow(),
        new CrossbarNonIdealRow(),
        new SfqXorWindowRow(),
        new DelaysAblationRow(),
        new NalsmBranchingRow(),
        new MpiEqualityRow(),
    ];

    /// <summary>The names of all rows.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(r => r.Name).ToArray();
}
