using Snn.Bench.Suites;

namespace Snn.Bench.GpuCheck;

/// <summary>
/// The steps of <c>snn-bench gpu-check</c>, in the order they run: correctness first, then the
/// benchmarks from small to large, so that a spent time budget skips the most expensive ones.
/// The estimates (seconds on one H200 with 16 cores, each step's process start included) add up
/// to about 5 minutes. A new step is one class implementing <see cref="IGpuCheckStep"/> and one line here.
/// </summary>
public static class GpuCheckSteps
{
    /// <summary>Every step.</summary>
    public static IReadOnlyList<IGpuCheckStep> All { get; } =
    [
        new GpuTestsStep(),
        new AgreementStep(),
        EngineComparisonStep.Cuba(4_000, dryNeurons: 100, estimatedSeconds: 8, timeoutSeconds: 45),
        EngineComparisonStep.Cuba(40_000, dryNeurons: 200, estimatedSeconds: 10, timeoutSeconds: 60),
        EngineComparisonStep.Cuba(400_000, dryNeurons: 300, estimatedSeconds: 25, timeoutSeconds: 90),
        new EngineComparisonStep("coba-40k", SuiteCatalog.Coba, (40_000, 200), (1000, 10), estimatedSeconds: 10, timeoutSeconds: 60),
        new EngineComparisonStep("polychronization-60s", SuiteCatalog.Polychronization, (PolychronizationNetwork.PaperSize, 100), (60_000, 50), estimatedSeconds: 25, timeoutSeconds: 90),
        new MicrocircuitStep(),
        new DelayTrainerStep(),
        EngineComparisonStep.Cuba(4_000_000, dryNeurons: 400, estimatedSeconds: 100, timeoutSeconds: 200),
    ];

    /// <summary>The names of all steps.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(s => s.Name).ToArray();

    /// <summary>The step called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No step has that name.</exception>
    public static IGpuCheckStep Find(string name)
        => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown gpu-check step '{name}'; steps: {string.Join(", ", Names)}.", nameof(name));
}
