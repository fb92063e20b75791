namespace Snn.Bench.GpuCheck;

/// <summary>
/// One step of <c>snn-bench gpu-check</c>. A step runs in its own process (so a hung kernel or a
/// crash costs that step alone) under its own timeout, and returns what it measured. Adding a step
/// is one class implementing this interface and one line in <see cref="GpuCheckSteps.All"/>.
/// </summary>
public interface IGpuCheckStep
{
    /// <summary>The step's name on the command line (<c>--steps</c>) and in the report (lower case, no spaces).</summary>
    string Name { get; }

    /// <summary>One line: what the step runs and what it checks.</summary>
    string Description { get; }

    /// <summary>The estimated duration (s) of the full-size step on the GPU machine (one H200, 16 cores),
    /// process start, network builds and both engines included.</summary>
    int EstimatedSeconds { get; }

    /// <summary>The most the full-size step may take (s) before it is stopped; a dry-run step may
    /// take what is left of the budget (<see cref="GpuCheckSettings.DryRun"/>).</summary>
    int TimeoutSeconds { get; }

    /// <summary>Runs the step. An exception is reported as the step's error.</summary>
    GpuCheckStepResult Run(GpuCheckContext context);
}
