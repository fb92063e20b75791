using Snn.Backends.Gpu;

namespace Snn.Bench.GpuCheck;

/// <summary>The settings of <c>snn-bench gpu-check</c>.</summary>
/// <param name="Accelerator">The accelerator the GPU engine and the GPU tests run on (<c>--accelerator</c>).</param>
/// <param name="DryRun">Tiny sizes and short runs on ILGPU's CPU accelerator: checks that every step works, measures nothing worth reporting.
/// A dry-run step has no timeout of its own (its time depends on the machine's load, not on a device): it may use what is left of the budget.</param>
/// <param name="OutDirectory">Folder for the report (<see cref="GpuCheckReport.FileName"/>), the table, the log and the test results.</param>
/// <param name="Steps">The steps to run, by name; empty for all of <see cref="GpuCheckSteps.All"/>.</param>
/// <param name="BudgetSeconds">The whole check's time budget (s): a step gets at most what is left of it, and steps that would start with less than <see cref="GpuCheckRunner.MinimumStepSeconds"/> left are skipped.</param>
/// <param name="CpuThreads">Threads of the CPU engine that the GPU is compared with; null for one per logical core.</param>
/// <param name="TestsAssembly">Path of <c>Snn.Backends.Tests.dll</c> for the GPU tests; null to look beside this program's build (<see cref="GpuTestsStep"/>).</param>
/// <param name="Vstest">Path of <c>vstest.console.dll</c>; null to take the .NET SDK's.</param>
/// <param name="InProcess">Run every step in this process (no per-step process, so a step that hangs is abandoned, not stopped).</param>
/// <param name="Seed">The network seed of every step.</param>
public sealed record GpuCheckSettings(GpuAccelerator Accelerator, bool DryRun, string OutDirectory, IReadOnlyList<string> Steps, double BudgetSeconds,
    int? CpuThreads, string? TestsAssembly, string? Vstest, bool InProcess, ulong Seed)
{
    /// <summary>The default time budget (s): the full check is sized to end well inside it on the GPU machine.</summary>
    public const double DefaultBudgetSeconds = 420;

    /// <summary>The default output folder.</summary>
    public const string DefaultOutDirectory = "out/gpu-check";
}
